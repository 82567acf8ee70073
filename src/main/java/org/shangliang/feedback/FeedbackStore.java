package org.shangliang.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Identity;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;
import java.util.Map;

/** Passers-by's ratings and comments on notices, and staff marking them handled. */
public final class FeedbackStore {
  public static final String FEEDBACK = "feedback";

  /** The three answers on the phone page. */
  public enum Rating { SATISFIED, BASIC, UNSATISFIED }

  private final MongoClient mongo;

  public FeedbackStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> insert(JsonObject doc) {
    return mongo.insert(FEEDBACK, doc).mapEmpty();
  }

  /** Counts, satisfaction rate and every item for one notice, newest first, with board names. */
  public Future<JsonObject> forNotice(String noticeId, Map<String, String> displayNames) {
    FindOptions newestFirst = new FindOptions().setSort(new JsonObject().put("at", -1));
    return mongo.findWithOptions(FEEDBACK, new JsonObject().put("noticeId", noticeId), newestFirst)
        .map(items -> new JsonObject().put("summary", summary(items)).put("items", view(items, displayNames)));
  }

  public Future<Void> markHandled(String feedbackId, Identity who) {
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("handled", true)
        .put("handledBy", who.name()).put("handledAt", System.currentTimeMillis()));
    return mongo.updateCollection(FEEDBACK, new JsonObject().put("_id", feedbackId), set).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条反馈")));
  }

  /** 满意率 counts 满意 and 基本满意 as satisfied, as the community's own evaluation does. */
  static JsonObject summary(List<JsonObject> items) {
    JsonObject counts = new JsonObject();
    for (Rating r : Rating.values()) {
      counts.put(r.name(), 0);
    }
    items.forEach(i -> counts.put(i.getString("rating"), counts.getInteger(i.getString("rating"), 0) + 1));
    int total = items.size();
    int satisfied = counts.getInteger(Rating.SATISFIED.name()) + counts.getInteger(Rating.BASIC.name());
    return new JsonObject().put("total", total).put("counts", counts)
        .put("satisfactionRate", total == 0 ? null : (double) satisfied / total);
  }

  private static JsonArray view(List<JsonObject> items, Map<String, String> displayNames) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(new JsonObject().put("id", i.getString("_id")).put("rating", i.getString("rating"))
        .put("comment", i.getString("comment")).put("phone", i.getString("phone"))
        .put("displayId", i.getString("displayId")).put("displayName", displayNames.get(i.getString("displayId")))
        .put("at", i.getLong("at")).put("handled", i.getBoolean("handled", false))
        .put("handledBy", i.getString("handledBy"))));
    return out;
  }
}
