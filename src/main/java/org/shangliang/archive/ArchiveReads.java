package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.request.RequestStore;
import org.shangliang.room.RoomStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's reads of the room's collections: bounded, newest first, with no index but {@code _id}
 * (the embedded store has no other), so a search reads at most {@value #MEETINGS_READ} meetings.
 */
final class ArchiveReads {
  /** Meetings a search looks through, newest planned first: about forty years of weekly meetings. */
  static final int MEETINGS_READ = 2_000;
  /** Invitations a member's history looks through. */
  static final int INVITATIONS_READ = 1_000;
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("startsAt", -1);

  private final MongoClient mongo;

  ArchiveReads(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<List<JsonObject>> meetings(JsonObject query) {
    return mongo.findWithOptions(RoomStore.MEETINGS, query, new FindOptions().setSort(NEWEST_FIRST).setLimit(MEETINGS_READ));
  }

  Future<List<JsonObject>> meetingsByIds(List<String> ids) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
    return mongo.findWithOptions(RoomStore.MEETINGS, query, new FindOptions().setSort(NEWEST_FIRST));
  }

  Future<JsonObject> meeting(String id) {
    return mongo.findOne(RoomStore.MEETINGS, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议")) : Future.succeededFuture(doc));
  }

  /** Room id → name. */
  Future<Map<String, String>> roomNames() {
    return mongo.find(RoomStore.ROOMS, new JsonObject()).map(rooms -> {
      Map<String, String> names = new HashMap<>();
      rooms.forEach(r -> names.put(r.getString("_id"), r.getString("name")));
      return names;
    });
  }

  Future<List<JsonObject>> attendees(String meetingId) {
    return mongo.find(RoomStore.ATTENDEES, new JsonObject().put("meetingId", meetingId));
  }

  /** The attendee records that stand for this member in meetings (walk-ins have no member). */
  Future<List<JsonObject>> invitationsOf(String memberId) {
    return mongo.findWithOptions(RoomStore.ATTENDEES, new JsonObject().put("memberId", memberId),
        new FindOptions().setLimit(INVITATIONS_READ));
  }

  /** The requests (邻里纠纷) on which this member held a mediation (人民调解), newest first. */
  Future<List<JsonObject>> mediatedBy(String memberId) {
    JsonObject fields = new JsonObject().put("number", 1).put("kind", 1).put("publicTitle", 1).put("where", 1).put("mediations", 1);
    return mongo.findWithOptions(RequestStore.REQUESTS, new JsonObject().put("mediations.mediatorMemberIds", memberId),
        new FindOptions().setFields(fields).setSort(new JsonObject().put("createdAt", -1)).setLimit(INVITATIONS_READ));
  }
}
