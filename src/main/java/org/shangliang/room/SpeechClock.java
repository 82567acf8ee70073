package org.shangliang.room;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Ends speeches whose time is up, whether or not any page is open. A timer is set for each speech
 * this node starts or changes, and a sweep of the database catches the rest: speeches started on
 * another node or before a restart. Ending is a conditional change, so nodes may race harmlessly:
 * only the node whose change wins writes the speech's end to the audit log, as a host's action
 * would be.
 */
public final class SpeechClock {
  private static final Logger LOG = LoggerFactory.getLogger(SpeechClock.class);
  static final long SWEEP_MS = 500;

  private final Vertx vertx;
  private final RoomStore store;
  private final RoomPublisher publisher;
  private final Database db;
  private long sweepTimer = -1;
  /** Runs on the room verticle's event loop only. */
  private final Map<String, Long> timerOfRoom = new HashMap<>();

  public SpeechClock(Vertx vertx, RoomStore store, RoomPublisher publisher, Database db) {
    this.vertx = vertx;
    this.store = store;
    this.publisher = publisher;
    this.db = db;
  }

  public void start() {
    sweepTimer = vertx.setPeriodic(0, SWEEP_MS, t -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(sweepTimer);
  }

  /**
   * Sets the room's timer for the end of a running speech, replacing the one set before: a paused
   * speech, an ended one or none needs none. One timer per room at most: a speech the host ended
   * early used to keep its timer until its time would have been up.
   */
  void watch(String roomId, Floor floor) {
    Long previous = timerOfRoom.remove(roomId);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
    if (floor == null || floor.endsAt() == null) {
      return;
    }
    long delay = Math.max(1, floor.endsAt() - System.currentTimeMillis() + 1);
    timerOfRoom.put(roomId, vertx.setTimer(delay, t -> {
      timerOfRoom.remove(roomId, t);
      expire(roomId, floor.speechId());
    }));
  }

  /** Rooms with a speech timer set on this node. */
  int watchedRooms() {
    return timerOfRoom.size();
  }

  private void sweep() {
    store.meetingsWithSpeechDue(System.currentTimeMillis())
        .onSuccess(due -> due.forEach(m -> expire(m.getString("roomId"),
            m.getJsonObject("floor", new JsonObject()).getString("speechId"))))
        .onFailure(e -> LOG.warn("speech sweep failed", e));
  }

  private void expire(String roomId, String speechId) {
    if (roomId == null || speechId == null) {
      return;
    }
    store.change(roomId, meeting -> {
      long now = System.currentTimeMillis();
      Floor ended = meeting.expireSpeech(speechId, now);
      if (ended == null) {
        throw new Failure(ErrorCode.NO_SPEECH);
      }
      return ended.asEnded(now);
    }).compose(changed -> store.audit(expiryEntry(roomId, changed.result())).compose(v -> db.durable()))
        .onSuccess(v -> publisher.changed(roomId)).onFailure(e -> {
      if (!(e instanceof Failure)) {
        LOG.warn("cannot end speech {} in room {}", speechId, roomId, e);
      }
    });
  }

  /** Shaped as a host's entry ({@link Command#auditEntry}), with the clock as the actor. */
  private static JsonObject expiryEntry(String roomId, JsonObject speech) {
    return new JsonObject().put("at", System.currentTimeMillis()).put("area", "room").put("roomId", roomId)
        .put("action", "speechExpired")
        .put("actor", new JsonObject().put("id", (Object) null).put("name", "发言计时").put("role", "CLOCK"))
        .put("params", new JsonObject().put("speechId", speech.getString("speechId")))
        .put("result", speech);
  }
}
