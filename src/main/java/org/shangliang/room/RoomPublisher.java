package org.shangliang.room;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Pushes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pushes state to the pages of a room. Changes are coalesced: at most one snapshot per room every
 * {@value #SNAPSHOT_DELAY_MS} ms, and at most one tally per vote every {@link #tallyIntervalMs} ms
 * (the first at once, later ones carrying the newest counts), so a burst of commands costs a few
 * broadcasts instead of one per command. Runs on one event loop.
 */
public final class RoomPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RoomPublisher.class);
  static final long SNAPSHOT_DELAY_MS = 25;
  /** The shortest time between two tallies of a vote: a ballot reaches the displays within it. */
  public static final long MIN_TALLY_INTERVAL_MS = 10;
  /** The longest: 40 updates a second still look live. */
  public static final long MAX_TALLY_INTERVAL_MS = 25;
  /**
   * Each tally costs a WebSocket write per listening page through the bridge, so tallies are
   * spaced by the audience: at most this many pages per millisecond of interval, about 20,000
   * writes a second. 200 displays get a tally every 10 ms, 500 every 25 ms (docs/BENCHMARKS.md:
   * at 10 ms for 500 displays the fan-out alone would take more than the server's core).
   */
  static final int PAGES_PER_MS = 20;

  private final Vertx vertx;
  private final Snapshots snapshots;
  private final TallyAudience audience;
  private final Set<String> snapshotDue = new HashSet<>();
  private final Set<String> attendeesDue = new HashSet<>();
  private final Map<String, TallyLine> tallies = new HashMap<>();

  /** Per vote: when a tally last went out, and the newest one waiting to go. */
  private static final class TallyLine {
    long lastSentAt;
    JsonObject waiting;
  }

  public RoomPublisher(Vertx vertx, Snapshots snapshots, TallyAudience audience) {
    this.vertx = vertx;
    this.snapshots = snapshots;
    this.audience = audience;
  }

  /** How long a vote's tallies are spaced for this many listening pages. */
  public static long tallyIntervalMs(int pages) {
    return Math.max(MIN_TALLY_INTERVAL_MS, Math.min(MAX_TALLY_INTERVAL_MS, pages / PAGES_PER_MS));
  }

  /** A matter's result was announced: sent (not broadcast) so one node acts on it. */
  public void resolved(JsonObject resolution) {
    vertx.eventBus().send(RoomAddresses.MATTER_RESOLVED, resolution);
  }

  /** Who is present changed: the next snapshot carries the attendee list. */
  public void attendeesChanged(String roomId) {
    attendeesDue.add(roomId);
    changed(roomId);
  }

  /**
   * The room changed: every page of it gets a fresh snapshot shortly. A pushed snapshot leaves
   * the attendee list out unless it changed since the last push (pages keep theirs): with
   * hundreds of attendees the list is most of a snapshot, and the bridge escapes it once per page.
   */
  public void changed(String roomId) {
    if (snapshotDue.add(roomId)) {
      vertx.setTimer(SNAPSHOT_DELAY_MS, t -> {
        snapshotDue.remove(roomId);
        boolean withAttendees = attendeesDue.remove(roomId);
        snapshots.of(roomId)
            .map(snapshot -> withAttendees ? snapshot : Snapshots.withoutAttendees(snapshot))
            .onSuccess(snapshot -> publish(roomId, snapshot))
            .onFailure(e -> LOG.warn("cannot publish the state of room {}", roomId, e));
      });
    }
  }

  /** A ballot was counted; the counts after it go out as a tally, the newest one winning. */
  public void ballotCounted(BallotBoxes.Rules vote, Tally running) {
    JsonObject message = Snapshots.tallyMessage(vote, running);
    TallyLine line = tallies.computeIfAbsent(vote.voteId(), id -> new TallyLine());
    if (line.waiting != null) {
      if (message.getInteger("cast") > line.waiting.getInteger("cast")) {
        line.waiting = message;
      }
      return;
    }
    long now = System.currentTimeMillis();
    long wait = line.lastSentAt + tallyIntervalMs(audience.of(vote.roomId())) - now;
    if (wait <= 0) {
      send(vote, line, message, now);
      return;
    }
    line.waiting = message;
    vertx.setTimer(wait, t -> {
      JsonObject newest = line.waiting;
      line.waiting = null;
      send(vote, line, newest, System.currentTimeMillis());
    });
  }

  /**
   * Sent as JSON text encoded once: the bridge would otherwise copy the object for every page
   * registered on the address and serialise each copy again (docs/API.md: pages accept both). A
   * snapshot without the attendee list says so, for pages that fall behind (see {@link Pushes}).
   */
  private void publish(String roomId, JsonObject message) {
    if (message.getBoolean("attendeesOmitted", false)) {
      vertx.eventBus().publish(RoomAddresses.state(roomId), message.encode(), Pushes.partial());
    } else {
      vertx.eventBus().publish(RoomAddresses.state(roomId), message.encode());
    }
  }

  private void send(BallotBoxes.Rules vote, TallyLine line, JsonObject message, long now) {
    line.lastSentAt = now;
    vertx.eventBus().publish(RoomAddresses.tally(vote.roomId()), message.encode());
    if (tallies.size() > 100) {
      tallies.values().removeIf(l -> l.waiting == null && now - l.lastSentAt > 60_000);
    }
  }
}
