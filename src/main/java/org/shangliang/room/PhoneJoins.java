package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Devices;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;

/**
 * The host's side of phones in the room: a phone that scanned the room display's code asked to act
 * for a checked-in attendee; a host confirms (the phone becomes that attendee's personal kiosk,
 * and the attendee's check-in moves to it) or rejects. Ballots stay one per attendee whatever
 * device casts them, so a phone adds no vote.
 */
public final class PhoneJoins {
  public static final String COLLECTION = "phone_joins";

  private final RoomServices room;
  private final MongoClient mongo;
  private final Devices devices;

  PhoneJoins(RoomServices room, MongoClient mongo, Devices devices) {
    this.room = room;
    this.mongo = mongo;
    this.devices = devices;
  }

  Future<JsonObject> confirm(Command c) {
    return pending(c).compose(join -> room.store.attendee(join.getString("attendeeId")).compose(attendee -> {
      if (!attendee.checkedIn()) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_CHECKED_IN));
      }
      return devices.enrol(Identity.Role.KIOSK, c.roomId(), "手机 · " + attendee.name(), false)
          .compose(phone -> moveTo(attendee, phone.getString("deviceId"))
              .compose(v -> decide(join, "CONFIRMED", c.who(), new JsonObject()
                  .put("deviceId", phone.getString("deviceId")).put("token", phone.getString("token")))));
    })).compose(v -> room.store.audit(c.auditEntry(room.now())))
        .compose(v -> room.acknowledgeAttendees(c.roomId(), new JsonObject()));
  }

  Future<JsonObject> reject(Command c) {
    return pending(c).compose(join -> decide(join, "REJECTED", c.who(), new JsonObject()))
        .compose(v -> room.store.audit(c.auditEntry(room.now())))
        .compose(v -> room.acknowledge(c.roomId(), new JsonObject()));
  }

  /** The requests waiting for a host, as the room snapshot lists them. */
  static Future<JsonArray> waiting(MongoClient mongo, String roomId) {
    return mongo.find(COLLECTION, new JsonObject().put("roomId", roomId).put("state", "PENDING")).map(docs -> {
      JsonArray out = new JsonArray();
      docs.forEach(d -> out.add(new JsonObject().put("id", d.getString("_id")).put("attendeeId", d.getString("attendeeId"))
          .put("attendeeName", d.getString("attendeeName")).put("at", d.getLong("at"))));
      return out;
    });
  }

  /** A join waiting in the room, for one of its meeting's hosts (or an administrator) to decide. */
  private Future<JsonObject> pending(Command c) {
    return room.store.meetingOf(c.roomId()).compose(meeting -> {
      HostActions.requireHostOf(meeting, c);
      return waitingJoin(c);
    });
  }

  private Future<JsonObject> waitingJoin(Command c) {
    JsonObject query = new JsonObject().put("_id", c.body().getString("joinId")).put("roomId", c.roomId())
        .put("state", "PENDING");
    return mongo.findOne(COLLECTION, query, null).compose(join -> join == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有等待确认的手机")) : Future.succeededFuture(join));
  }

  /** The attendee's check-in moves from its kiosk to the phone; the kiosk is free again. */
  private Future<Void> moveTo(Attendee attendee, String phoneId) {
    return room.store.moveCheckIn(attendee, phoneId)
        .compose(moved -> moved ? Future.<Void>succeededFuture() : Future.failedFuture(new Failure(ErrorCode.CONFLICT)))
        .compose(v -> attendee.kioskId() == null ? Future.<Void>succeededFuture()
            : room.store.releaseKiosk(attendee.kioskId(), attendee.id()))
        .compose(v -> room.store.occupyKiosk(phoneId, attendee.id()).mapEmpty());
  }

  private Future<Void> decide(JsonObject join, String state, Identity host, JsonObject extra) {
    JsonObject set = extra.put("state", state).put("decidedBy", host.name()).put("decidedAt", room.now());
    JsonObject stillPending = new JsonObject().put("_id", join.getString("_id")).put("state", "PENDING");
    return mongo.updateCollection(COLLECTION, stillPending, new JsonObject().put("$set", set)).compose(r ->
        r.getDocMatched() == 1 ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.CONFLICT)));
  }
}
