package org.shangliang.notice.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientBulkWriteResult;
import org.shangliang.auth.Devices;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices and signage displays in MongoDB. A notice is replaced only if its version is the
 * one the change was decided on, so two staff editing at once cannot overwrite each other.
 */
public final class NoticeStore {
  public static final String NOTICES = "notices";

  private final MongoClient mongo;

  public NoticeStore(Database db) {
    this.mongo = db.mongo();
  }

  public Future<JsonObject> notice(String id) {
    return mongo.findOne(NOTICES, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条公告")) : Future.succeededFuture(doc));
  }

  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(NOTICES, doc).mapEmpty();
  }

  /** Saves the notice if nobody saved it since {@code seenVersion}; CONFLICT otherwise. */
  public Future<Void> replace(JsonObject doc, long seenVersion) {
    JsonObject filter = new JsonObject().put("_id", doc.getString("_id")).put("version", seenVersion);
    return mongo.replaceDocuments(NOTICES, filter, doc).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.CONFLICT, "公告已被他人修改，请刷新后再试")));
  }

  /** Published notices that have not ended by {@code now}: what displays may show now or later. */
  public Future<List<JsonObject>> live(long now) {
    JsonObject query = new JsonObject().put("state", NoticeState.PUBLISHED.name())
        .put("endsAt", new JsonObject().put("$gt", now));
    return mongo.find(NOTICES, query);
  }

  public Future<List<JsonObject>> recent(int limit) {
    return mongo.findWithOptions(NOTICES, new JsonObject(),
        new FindOptions().setSort(new JsonObject().put("updatedAt", -1)).setLimit(limit));
  }

  public Future<JsonObject> bySource(String meetingId, String matterId) {
    JsonObject query = new JsonObject().put("source.meetingId", meetingId).put("source.matterId", matterId)
        .put("state", new JsonObject().put("$ne", NoticeState.RETRACTED.name()));
    return mongo.findOne(NOTICES, query, null);
  }

  /** The notice not retracted that was made from a meeting as a whole ({@code kind} "plan" or "process"), or null. */
  public Future<JsonObject> byMeeting(String meetingId, String kind) {
    JsonObject query = new JsonObject().put("source.meetingId", meetingId).put("source.kind", kind)
        .put("state", new JsonObject().put("$ne", NoticeState.RETRACTED.name()));
    return mongo.findOne(NOTICES, query, null);
  }

  /** The notice (not retracted) made from this source, e.g. {@code {meetingId, matterId, kind}}; null if none. */
  public Future<JsonObject> bySource(JsonObject source) {
    JsonObject query = new JsonObject().put("state", new JsonObject().put("$ne", NoticeState.RETRACTED.name()));
    source.forEach(e -> query.put("source." + e.getKey(), e.getValue()));
    return mongo.findOne(NOTICES, query, null);
  }

  /** Displays beside notice boards: enrolled displays without a room. */
  public Future<List<JsonObject>> signageDisplays() {
    return mongo.find(Devices.COLLECTION, signageQuery());
  }

  public Future<JsonObject> signageDisplay(String displayId) {
    return mongo.findOne(Devices.COLLECTION, signageQuery().put("_id", displayId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这块显示屏")) : Future.succeededFuture(doc));
  }

  public Future<Void> updateDisplay(String displayId, JsonObject set) {
    return mongo.updateCollection(Devices.COLLECTION, signageQuery().put("_id", displayId), new JsonObject().put("$set", set))
        .compose(r -> r.getDocMatched() == 1 ? Future.succeededFuture()
            : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这块显示屏")));
  }

  /**
   * One signage display's fields to set unless its stored last heartbeat is no longer
   * {@code lastSeenAt} (another node stored a newer one).
   */
  public record DisplayUpdate(String displayId, Long lastSeenAt, JsonObject set) {
  }

  /**
   * Writes the updates as one unordered bulk write; answers how many found their display with the
   * last heartbeat they expected. Those that did not changed nothing.
   */
  public Future<Long> updateDisplaysIfLastSeen(List<DisplayUpdate> updates) {
    List<BulkOperation> writes = new ArrayList<>(updates.size());
    for (DisplayUpdate update : updates) {
      writes.add(BulkOperation.createUpdate(signageQuery().put("_id", update.displayId())
          .put("lastSeenAt", update.lastSeenAt()), new JsonObject().put("$set", update.set())));
    }
    return mongo.bulkWriteWithOptions(Devices.COLLECTION, writes, new BulkWriteOptions(false))
        .map(MongoClientBulkWriteResult::getMatchedCount);
  }

  /**
   * The stored last heartbeat of each of these devices that has one. By {@code _id} alone, which
   * the store answers from its index.
   */
  public Future<Map<String, Long>> lastSeenOf(Collection<String> displayIds) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(displayIds))));
    return mongo.findWithOptions(Devices.COLLECTION, query, new FindOptions().setFields(new JsonObject().put("lastSeenAt", 1)))
        .map(docs -> {
          Map<String, Long> lastSeen = new HashMap<>();
          for (JsonObject doc : docs) {
            if (doc.getLong("lastSeenAt") != null) {
              lastSeen.put(doc.getString("_id"), doc.getLong("lastSeenAt"));
            }
          }
          return lastSeen;
        });
  }

  private static JsonObject signageQuery() {
    return new JsonObject().put("kind", Identity.Role.DISPLAY.name()).put("roomId", null);
  }

  /** What displays and the phone page see of a notice: its content, nothing about its handling. */
  public static JsonObject publicView(JsonObject doc) {
    return new JsonObject().put("id", doc.getString("_id")).put("kind", doc.getString("kind"))
        .put("title", doc.getString("title")).put("body", doc.getString("body"))
        .put("imageId", doc.getString("imageId")).put("startsAt", doc.getLong("startsAt"))
        .put("endsAt", doc.getLong("endsAt")).put("priority", doc.getInteger("priority", 0))
        .put("urgent", doc.getBoolean("urgent", false));
  }

  /** What the staff console sees: everything, with {@code id} for {@code _id}. */
  public static JsonObject consoleView(JsonObject doc) {
    JsonObject view = doc.copy();
    view.put("id", view.remove("_id"));
    return view;
  }
}
