package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Secrets;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;


/**
 * The phone's side of joining the meeting: the room display's code names the room and meeting;
 * the phone picks a checked-in attendee and asks; it holds a secret to learn the host's decision
 * and, once, its device token. The hosts see the request in the room snapshot.
 */
public final class PhoneJoinRequests {

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Database db;
  private final RoomStore store;
  private final QrTokens tokens;

  public PhoneJoinRequests(Vertx vertx, Database db, QrTokens tokens) {
    this.vertx = vertx;
    this.mongo = db.mongo();
    this.db = db;
    this.store = new RoomStore(vertx, db);
    this.tokens = tokens;
  }

  /** The room, its meeting and who is checked in: what the phone offers to pick from. */
  public Future<JsonObject> describe(String token) {
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.JOIN);
    return currentMeeting(signed).compose(meeting -> store.room(signed.first()).compose(room ->
        store.attendees(meeting.id()).map(attendees -> {
          JsonArray present = new JsonArray();
          attendees.stream().filter(Attendee::checkedIn).forEach(a -> present.add(new JsonObject()
              .put("id", a.id()).put("name", a.name()).put("kind", a.kind().name())));
          return new JsonObject().put("room", new JsonObject().put("name", room.getString("name")))
              .put("meeting", new JsonObject().put("title", meeting.title())).put("attendees", present);
        })));
  }

  /** Asks the hosts to let this phone act for the attendee; answers the secret to poll with. */
  public Future<JsonObject> ask(String token, String attendeeId) {
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.JOIN);
    return currentMeeting(signed).compose(meeting -> store.attendee(attendeeId).compose(attendee -> {
      if (!attendee.meetingId().equals(meeting.id()) || !attendee.checkedIn()) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_CHECKED_IN, "请先在签到终端签到，再用手机参会"));
      }
      String joinId = new ObjectId().toHexString();
      String secret = joinId + "." + Secrets.random(24);
      JsonObject doc = new JsonObject().put("_id", joinId).put("roomId", signed.first()).put("meetingId", meeting.id())
          .put("attendeeId", attendeeId).put("attendeeName", attendee.name()).put("state", "PENDING")
          .put("secretHash", Secrets.digest(secret)).put("at", System.currentTimeMillis());
      return mongo.insert(PhoneJoins.COLLECTION, doc).compose(id -> db.durable()).map(v -> {
        vertx.eventBus().send(RoomAddresses.CHANGED, signed.first());
        return new JsonObject().put("secret", secret);
      });
    }));
  }

  /** PENDING, REJECTED, or once CONFIRMED with the phone's device token. */
  public Future<JsonObject> status(String secret) {
    String joinId = secret == null ? "" : secret.split("\\.", 2)[0];
    return mongo.findOne(PhoneJoins.COLLECTION, new JsonObject().put("_id", joinId), null).compose(doc -> {
      if (doc == null || !Secrets.matches(secret, doc.getString("secretHash"))) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个参会申请"));
      }
      String state = doc.getString("state");
      if (!"CONFIRMED".equals(state) || doc.getString("token") == null) {
        return Future.succeededFuture(new JsonObject().put("state", "CONFIRMED".equals(state) ? "COLLECTED" : state));
      }
      JsonObject unset = new JsonObject().put("$unset", new JsonObject().put("token", ""));
      return mongo.updateCollection(PhoneJoins.COLLECTION, new JsonObject().put("_id", joinId), unset)
          .compose(r -> db.durable())
          .map(v -> new JsonObject().put("state", "CONFIRMED").put("token", doc.getString("token")));
    });
  }

  private Future<Meeting> currentMeeting(QrTokens.Signed signed) {
    return store.meetingOf(signed.first()).compose(meeting -> meeting.id().equals(signed.second())
        && meeting.status() != Meeting.Status.CLOSED
        ? Future.succeededFuture(meeting)
        : Future.failedFuture(new Failure(ErrorCode.MEETING_NOT_OPEN, "这次会议已经结束")));
  }
}
