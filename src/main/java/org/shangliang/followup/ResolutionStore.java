package org.shangliang.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.notice.store.NoticeStore;

import java.util.List;

/**
 * Every resolution of an approved meeting's minutes, tracked until it is solved: one document per
 * matter ({@code _id} = meeting id + "." + matter id) in {@value #COLLECTION}, with its
 * responsible party, due date and topic kind as the minutes gave them, each follow-up (who, when,
 * what was found) and the replies to residents' 不满意 on its result notice. The feedback itself
 * stays where the phones wrote it and is read beside the resolution, so nothing is copied twice.
 */
public final class ResolutionStore {
  public static final String COLLECTION = "resolutions";
  static final String OPEN = "OPEN";
  static final String SOLVED = "SOLVED";
  /** Follow-ups kept per resolution: two a month for four years. */
  static final int MAX_FOLLOW_UPS = 100;
  /** Resolutions a list reads: far more than a community decides in years. */
  static final int LISTED = 2_000;

  private final MongoClient mongo;

  public ResolutionStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  static String idOf(String meetingId, String matterId) {
    return meetingId + "." + matterId;
  }

  /**
   * Tracks each matter of approved minutes that has a resolution. Safe to repeat: what the minutes
   * say is set again, what was done since (follow-ups, replies, solving) is kept.
   */
  public Future<Void> track(JsonObject minutes, List<String> gridIds, long now) {
    List<Future<Void>> writes = minutes.getJsonArray("matters", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(m -> !m.getJsonObject("resolution", new JsonObject()).getString("text", "").isBlank())
        .map(m -> {
          JsonObject resolution = m.getJsonObject("resolution");
          String meetingId = minutes.getString("meetingId");
          JsonObject set = new JsonObject().put("meetingId", meetingId).put("matterId", m.getString("id"))
              .put("meetingTitle", minutes.getString("title")).put("title", m.getString("title"))
              .put("text", resolution.getString("text")).put("responsible", resolution.getString("responsible", ""))
              .put("dueAt", resolution.getLong("dueAt")).put("topicKind", m.getString("topicKind"))
              .put("gridIds", new JsonArray(gridIds));
          JsonObject onInsert = new JsonObject().put("trackedAt", now).put("status", OPEN)
              .put("followUps", new JsonArray()).put("replies", new JsonObject()).put("version", 1L);
          return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", idOf(meetingId, m.getString("id"))),
              new JsonObject().put("$set", set).put("$setOnInsert", onInsert), new UpdateOptions().setUpsert(true)).<Void>mapEmpty();
        }).toList();
    return Future.all(writes).mapEmpty();
  }

  Future<JsonObject> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条决议")) : Future.succeededFuture(doc));
  }

  Future<List<JsonObject>> list(String status) {
    JsonObject query = status == null ? new JsonObject() : new JsonObject().put("status", status);
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setLimit(LISTED));
  }

  /** The 不满意 entries residents left on the matter's result notice(s), newest first. */
  Future<List<JsonObject>> complaints(JsonObject item) {
    JsonObject source = new JsonObject().put("source.meetingId", item.getString("meetingId"))
        .put("source.matterId", item.getString("matterId"));
    return mongo.findWithOptions(NoticeStore.NOTICES, source, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(notices -> notices.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
            : mongo.findWithOptions(FeedbackStore.FEEDBACK, new JsonObject()
                .put("noticeId", new JsonObject().put("$in", new JsonArray(notices.stream().map(n -> n.getString("_id")).toList())))
                .put("rating", FeedbackStore.Rating.UNSATISFIED.name()),
                new FindOptions().setSort(new JsonObject().put("at", -1)).setFields(new JsonObject().put("phone", 0))));
  }

  /**
   * The 不满意 on the result notices of many resolutions at once, resolution id → entries: what the
   * list needs to flag the ones waiting for a reply, read with two queries however long the list.
   */
  Future<java.util.Map<String, List<JsonObject>>> complaintsOf(List<JsonObject> items) {
    java.util.Map<String, String> byMatter = new java.util.HashMap<>();
    items.forEach(i -> byMatter.put(i.getString("meetingId") + "." + i.getString("matterId"), i.getString("_id")));
    if (items.isEmpty()) {
      return Future.succeededFuture(java.util.Map.of());
    }
    JsonObject query = new JsonObject().put("source.meetingId", new JsonObject()
        .put("$in", new JsonArray(items.stream().map(i -> i.getString("meetingId")).distinct().toList())));
    FindOptions fields = new FindOptions().setFields(new JsonObject().put("source", 1));
    return mongo.findWithOptions(NoticeStore.NOTICES, query, fields).compose(notices -> {
      java.util.Map<String, String> resolutionOfNotice = new java.util.HashMap<>();
      notices.forEach(n -> {
        JsonObject source = n.getJsonObject("source", new JsonObject());
        String resolution = byMatter.get(source.getString("meetingId") + "." + source.getString("matterId"));
        if (resolution != null) {
          resolutionOfNotice.put(n.getString("_id"), resolution);
        }
      });
      if (resolutionOfNotice.isEmpty()) {
        return Future.succeededFuture(java.util.Map.<String, List<JsonObject>>of());
      }
      return mongo.findWithOptions(FeedbackStore.FEEDBACK, new JsonObject()
          .put("noticeId", new JsonObject().put("$in", new JsonArray(List.copyOf(resolutionOfNotice.keySet()))))
          .put("rating", FeedbackStore.Rating.UNSATISFIED.name()),
          new FindOptions().setFields(new JsonObject().put("noticeId", 1).put("at", 1))).map(entries -> {
            java.util.Map<String, List<JsonObject>> byResolution = new java.util.HashMap<>();
            entries.forEach(e -> byResolution.computeIfAbsent(resolutionOfNotice.get(e.getString("noticeId")),
                k -> new java.util.ArrayList<>()).add(e));
            return byResolution;
          });
    });
  }

  /** Whether the resident's entry still waits for a reply: none yet, or they wrote again after it. */
  static boolean unanswered(JsonObject item, JsonObject complaint) {
    JsonObject reply = item.getJsonObject("replies", new JsonObject()).getJsonObject(complaint.getString("_id"));
    return reply == null || reply.getLong("at") < complaint.getLong("at");
  }

  /** Applies an update to the resolution as read (its version), only while it is open. */
  Future<JsonObject> changeOpen(JsonObject item, JsonObject update) {
    if (SOLVED.equals(item.getString("status"))) {
      return Future.failedFuture(new Failure(ErrorCode.RESOLUTION_SOLVED));
    }
    long version = item.getLong("version", 1L);
    JsonObject filter = new JsonObject().put("_id", item.getString("_id")).put("version", version).put("status", OPEN);
    JsonObject set = update.getJsonObject("$set");
    if (set == null) {
      set = new JsonObject();
      update.put("$set", set);
    }
    set.put("version", version + 1);
    return mongo.updateCollection(COLLECTION, filter, update).compose(r -> r.getDocModified() == 1
        ? get(item.getString("_id")) : Future.failedFuture(new Failure(ErrorCode.CONFLICT)));
  }
}
