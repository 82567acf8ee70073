package org.shangliang.bench;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one room display has seen: per vote, the first moment it held a tally counting at least k
 * ballots, for every k. A display that sees cast c has every ballot of ordinal ≤ c, so the time a
 * ballot reached this display is the first time it saw any cast ≥ that ballot's ordinal.
 * Its messages arrive on the one event loop of its socket; the main thread reads {@code highest}
 * (volatile, written after the times) before it reads the times.
 */
final class DisplayWatch {
  private final int capacity;
  private final Map<String, Progress> byVote = new ConcurrentHashMap<>();
  private final AtomicInteger snapshots = new AtomicInteger();

  DisplayWatch(int capacity) {
    this.capacity = capacity;
  }

  /** The bridge handler of the display's state address. */
  void onMessage(JsonObject body) {
    long now = System.nanoTime();
    String kind = body.getString("kind");
    JsonObject tally;
    if ("tally".equals(kind)) {
      tally = body;
    } else if ("snapshot".equals(kind)) {
      snapshots.incrementAndGet();
      tally = body.getJsonObject("tally");
    } else {
      return;
    }
    if (tally == null || tally.getString("voteId") == null || tally.getInteger("cast") == null) {
      return;
    }
    byVote.computeIfAbsent(tally.getString("voteId"), id -> new Progress(capacity)).saw(tally.getInteger("cast"), now);
  }

  int snapshots() {
    return snapshots.get();
  }

  /** The highest cast seen for this vote; -1 if the display has heard nothing of it. */
  int highest(String voteId) {
    Progress p = byVote.get(voteId);
    return p == null ? -1 : p.highest;
  }

  /** The highest cast any message claimed, even beyond the expected count (a sign of doubled ballots). */
  int highestClaimed(String voteId) {
    Progress p = byVote.get(voteId);
    return p == null ? -1 : p.claimed;
  }

  /** When this display first held ordinal k of the vote (System.nanoTime), or -1 if it never did. */
  long firstSeen(String voteId, int k) {
    Progress p = byVote.get(voteId);
    if (p == null || p.highest < k) {
      return -1;
    }
    return p.firstSeen[k];
  }

  /** How many messages about this vote the display got (tallies and snapshots). */
  int messages(String voteId) {
    Progress p = byVote.get(voteId);
    return p == null ? 0 : p.messages;
  }

  /** Frees a finished vote's times. */
  void forget(String voteId) {
    byVote.remove(voteId);
  }

  private static final class Progress {
    final long[] firstSeen;
    volatile int highest = -1;
    volatile int claimed = -1;
    volatile int messages;

    Progress(int capacity) {
      firstSeen = new long[capacity + 1];
    }

    void saw(int cast, long now) {
      messages++;
      claimed = Math.max(claimed, cast);
      int upTo = Math.min(cast, firstSeen.length - 1);
      for (int k = highest + 1; k <= upTo; k++) {
        firstSeen[k] = now;
      }
      if (upTo > highest) {
        highest = upTo;
      }
    }
  }
}
