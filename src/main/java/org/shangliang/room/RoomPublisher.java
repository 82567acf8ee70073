package org.shangliang.room;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pushes state to the pages of a room. Changes are coalesced: at most one snapshot per room every
 * {@value #SNAPSHOT_DELAY_MS} ms and one tally per vote every {@value #TALLY_DELAY_MS} ms, so a burst
 * of commands costs a few broadcasts instead of one per command. Runs on one event loop.
 */
public final class RoomPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RoomPublisher.class);
  static final long SNAPSHOT_DELAY_MS = 25;
  static final long TALLY_DELAY_MS = 10;

  private final Vertx vertx;
  private final Snapshots snapshots;
  private final Set<String> snapshotDue = new HashSet<>();
  private final Map<String, JsonObject> latestTally = new HashMap<>();

  public RoomPublisher(Vertx vertx, Snapshots snapshots) {
    this.vertx = vertx;
    this.snapshots = snapshots;
  }

  /** The room changed: every page of it gets a fresh snapshot shortly. */
  public void changed(String roomId) {
    if (snapshotDue.add(roomId)) {
      vertx.setTimer(SNAPSHOT_DELAY_MS, t -> {
        snapshotDue.remove(roomId);
        snapshots.of(roomId)
            .onSuccess(snapshot -> vertx.eventBus().publish(RoomAddresses.state(roomId), snapshot))
            .onFailure(e -> LOG.warn("cannot publish the state of room {}", roomId, e));
      });
    }
  }

  /** A ballot was counted; the box after it is sent on as a tally, the newest one winning. */
  public void ballotCounted(String roomId, Vote vote, JsonObject box) {
    String key = roomId + "/" + vote.id();
    JsonObject message = Snapshots.tallyMessage(vote, box);
    JsonObject pending = latestTally.get(key);
    if (pending != null) {
      if (message.getInteger("cast") > pending.getInteger("cast")) {
        latestTally.put(key, message);
      }
      return;
    }
    latestTally.put(key, message);
    vertx.setTimer(TALLY_DELAY_MS, t -> {
      JsonObject newest = latestTally.remove(key);
      vertx.eventBus().publish(RoomAddresses.state(roomId), newest);
    });
  }
}
