package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Pushes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
  /** Rooms with a snapshot due, and the timer that will read it. */
  private final Map<String, Long> snapshotTimers = new HashMap<>();
  private final Set<String> attendeesDue = new HashSet<>();
  private final Map<String, TallyLine> tallies = new HashMap<>();
  private int snapshotsBeingRead;
  private Promise<Void> allRead;

  /** Per vote: when a tally last went out, and the newest one waiting to go with its timer. */
  private static final class TallyLine {
    final String roomId;
    long lastSentAt;
    JsonObject waiting;
    long timerId;

    TallyLine(String roomId) {
      this.roomId = roomId;
    }
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
    if (!snapshotTimers.containsKey(roomId)) {
      snapshotTimers.put(roomId, vertx.setTimer(SNAPSHOT_DELAY_MS, t -> publishSnapshot(roomId)));
    }
  }

  private void publishSnapshot(String roomId) {
    snapshotTimers.remove(roomId);
    boolean withAttendees = attendeesDue.remove(roomId);
    snapshotsBeingRead++;
    snapshots.of(roomId)
        .map(snapshot -> withAttendees ? snapshot : Snapshots.withoutAttendees(snapshot))
        .onSuccess(snapshot -> publish(roomId, snapshot))
        .onFailure(e -> LOG.warn("cannot publish the state of room {}", roomId, e))
        .onComplete(done -> {
          if (--snapshotsBeingRead == 0 && allRead != null) {
            allRead.complete();
            allRead = null;
          }
        });
  }

  /**
   * Sends at once what is waiting for its timer, and completes once every snapshot being read has
   * gone out. A stopping node calls it before it closes the store: the pages get the room's last
   * change (the meeting's close, a vote's last ballots), and no read meets a closed store.
   */
  public Future<Void> flush() {
    for (String roomId : List.copyOf(snapshotTimers.keySet())) {
      vertx.cancelTimer(snapshotTimers.get(roomId));
      publishSnapshot(roomId);
    }
    long now = System.currentTimeMillis();
    // collected first: sending may prune the map
    for (TallyLine line : tallies.values().stream().filter(line -> line.waiting != null).toList()) {
      vertx.cancelTimer(line.timerId);
      sendWaiting(line, now);
    }
    if (snapshotsBeingRead == 0) {
      return Future.succeededFuture();
    }
    if (allRead == null) {
      allRead = Promise.promise();
    }
    return allRead.future();
  }

  /** A ballot was counted; the counts after it go out as a tally, the newest one winning. */
  public void ballotCounted(BallotBoxes.Rules vote, Tally running) {
    JsonObject message = Snapshots.tallyMessage(vote, running);
    TallyLine line = tallies.computeIfAbsent(vote.voteId(), id -> new TallyLine(vote.roomId()));
    if (line.waiting != null) {
      if (message.getInteger("cast") > line.waiting.getInteger("cast")) {
        line.waiting = message;
      }
      return;
    }
    long now = System.currentTimeMillis();
    long wait = line.lastSentAt + tallyIntervalMs(audience.of(vote.roomId())) - now;
    if (wait <= 0) {
      send(line, message, now);
      return;
    }
    line.waiting = message;
    line.timerId = vertx.setTimer(wait, t -> sendWaiting(line, System.currentTimeMillis()));
  }

  private void sendWaiting(TallyLine line, long now) {
    JsonObject newest = line.waiting;
    line.waiting = null;
    send(line, newest, now);
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

  private void send(TallyLine line, JsonObject message, long now) {
    line.lastSentAt = now;
    vertx.eventBus().publish(RoomAddresses.tally(line.roomId), message.encode());
    if (tallies.size() > 100) {
      tallies.values().removeIf(l -> l.waiting == null && now - l.lastSentAt > 60_000);
    }
  }
}
