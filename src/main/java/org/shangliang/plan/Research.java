package org.shangliang.plan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.notice.NoticeImages;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.List;

/**
 * 议前调研: what staff and the meeting's hosts found out about a matter before it is discussed
 * (a visit, the people asked, photos of the place), one note a document in {@value #COLLECTION}.
 * Every console account reads a meeting's notes; the host console shows those of the current matter.
 * Notes are kept as written: a later note corrects an earlier one, as in a paper file.
 */
final class Research {
  static final String COLLECTION = "research";
  /** Far more than a matter needs; it bounds what one careless or hostile account can pile up. */
  static final int MAX_NOTES_PER_MATTER = 100;
  private static final int MAX_NOTES_LISTED = 3000;

  private final Database db;
  private final MongoClient mongo;
  private final RoomStore rooms;
  private final AuditLog audit;

  Research(Database db, RoomStore rooms) {
    this.db = db;
    this.mongo = db.mongo();
    this.rooms = rooms;
    this.audit = new AuditLog(mongo);
  }

  /** Planners, and the meeting's own hosts, add a note to a matter of a meeting that is not over. */
  Future<JsonObject> add(Request r) {
    JsonObject body = r.body();
    return rooms.meeting(body.getString("meetingId")).compose(meeting -> {
      requireMayAdd(r.who(), meeting);
      String matterId = body.getString("matterId");
      if (meeting.agenda().stream().noneMatch(m -> m.id().equals(matterId))) {
        throw new Failure(ErrorCode.MATTER_NOT_IN_MEETING);
      }
      List<String> imageIds = body.getJsonArray("imageIds", new JsonArray()).stream().map(String::valueOf).toList();
      JsonObject note = new JsonObject().put("_id", new ObjectId().toHexString()).put("meetingId", meeting.id())
          .put("matterId", matterId).put("text", body.getString("text").strip()).put("imageIds", new JsonArray(imageIds))
          .put("by", new JsonObject().put("id", r.who().id()).put("name", r.who().name()).put("role", r.who().role().name()))
          .put("at", System.currentTimeMillis());
      return requireImages(imageIds).compose(v -> requireRoom(meeting.id(), matterId))
          .compose(v -> mongo.insert(COLLECTION, note))
          .compose(v -> audit.record(r.who(), "plan", "addResearch", new JsonObject().put("meetingId", meeting.id())
              .put("matterId", matterId).put("noteId", note.getString("_id")).put("text", note.getString("text"))
              .put("imageIds", note.getJsonArray("imageIds"))))
          .compose(v -> db.durable())
          .map(v -> new JsonObject().put("note", view(note)));
    });
  }

  /** A meeting's notes, oldest first. */
  Future<JsonObject> list(Request r) {
    return rooms.meeting(r.body().getString("meetingId")).compose(meeting -> mongo.findWithOptions(COLLECTION,
        new JsonObject().put("meetingId", meeting.id()),
        new FindOptions().setSort(new JsonObject().put("at", 1).put("_id", 1)).setLimit(MAX_NOTES_LISTED)))
        .map(notes -> {
          JsonArray out = new JsonArray();
          notes.forEach(n -> out.add(view(n)));
          return new JsonObject().put("notes", out);
        });
  }

  /** Whoever plans meetings; else a host named on this meeting (a grid worker hosting it, say). */
  static boolean mayAdd(Identity who, Meeting meeting) {
    return PlanConsole.plans(who) || (who.isHost() && meeting.plan().mayHost(who.id(), who.isAdmin()));
  }

  private static void requireMayAdd(Identity who, Meeting meeting) {
    if (!mayAdd(who, meeting)) {
      throw new Failure(ErrorCode.FORBIDDEN, "只有会议的主持人和策划会议的工作人员可以添加议前调研");
    }
    if (meeting.status() == Meeting.Status.CLOSED) {
      throw new Failure(ErrorCode.MEETING_CLOSED);
    }
  }

  /** Each picture must have been uploaded (POST /api/images) before it is named. */
  private Future<Void> requireImages(List<String> imageIds) {
    if (imageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(imageIds)));
    return mongo.count(NoticeImages.IMAGES, query).compose(n -> n == imageIds.size() ? Future.succeededFuture()
        : Future.failedFuture(new Failure(ErrorCode.IMAGE_UNKNOWN)));
  }

  private Future<Void> requireRoom(String meetingId, String matterId) {
    return mongo.count(COLLECTION, new JsonObject().put("meetingId", meetingId).put("matterId", matterId))
        .compose(n -> n < MAX_NOTES_PER_MATTER ? Future.succeededFuture()
            : Future.failedFuture(new Failure(ErrorCode.RESEARCH_FULL, "这个议题的调研记录已满（最多 " + MAX_NOTES_PER_MATTER + " 条）")));
  }

  private static JsonObject view(JsonObject note) {
    JsonObject by = note.getJsonObject("by", new JsonObject());
    return new JsonObject().put("id", note.getString("_id")).put("meetingId", note.getString("meetingId"))
        .put("matterId", note.getString("matterId")).put("text", note.getString("text"))
        .put("imageIds", note.getJsonArray("imageIds", new JsonArray()))
        .put("by", new JsonObject().put("id", by.getString("id")).put("name", by.getString("name")))
        .put("at", note.getLong("at"));
  }
}
