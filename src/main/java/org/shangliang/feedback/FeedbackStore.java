package org.shangliang.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Passers-by's ratings and comments on notices, one entry per phone per notice (see
 * {@link Submission}), and staff marking them handled.
 */
public final class FeedbackStore {
  public static final String FEEDBACK = "feedback";
  /**
   * Tries to record one submission: each failed try means another submission of the same phone won,
   * and its rate limit lets a phone only {@value FeedbackIntake#PER_PHONE} per window; should every
   * try lose, the phone is asked to send again (CONFLICT).
   */
  static final int ATTEMPTS = FeedbackIntake.PER_PHONE + 1;

  /** The three answers on the phone page. */
  public enum Rating { SATISFIED, BASIC, UNSATISFIED }

  private final MongoClient mongo;

  public FeedbackStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Makes the submission the phone's rating of the notice: a new entry, or the phone's entry updated
   * at the version it was read. Answers whether an earlier rating of the phone was replaced.
   */
  Future<Boolean> record(Submission s) {
    return record(s, ATTEMPTS);
  }

  private Future<Boolean> record(Submission s, int attempts) {
    if (attempts == 0) {
      return Future.failedFuture(new Failure(ErrorCode.CONFLICT));
    }
    return mongo.findOne(FEEDBACK, new JsonObject().put("_id", s.entryId()), null).compose(entry -> entry == null
        ? mongo.insert(FEEDBACK, s.firstEntry()).map(false)
            .recover(e -> Database.isDuplicateKey(e) ? record(s, attempts - 1) : Future.failedFuture(e))
        : mongo.updateCollection(FEEDBACK, Submission.sameVersion(entry), s.replacing(entry))
            .compose(r -> r.getDocMatched() == 1 ? Future.succeededFuture(true) : record(s, attempts - 1)));
  }

  /** What this phone has said about the notice, {@code {rating, at}}, or null. */
  Future<JsonObject> entryOf(String noticeId, String phoneCookie) {
    JsonObject fields = new JsonObject().put("rating", 1).put("at", 1);
    return mongo.findOne(FEEDBACK, new JsonObject().put("_id", Submission.entryId(noticeId, phoneCookie)), fields)
        .map(entry -> entry == null ? null : new JsonObject().put("rating", entry.getString("rating")).put("at", entry.getLong("at")));
  }

  /**
   * Counts, satisfaction rate and every phone's entry for one notice, newest first, with board names:
   * of the entries sent from the boards {@code fromBoard} accepts only, and with the phone a resident
   * left only when {@code withPhone}.
   */
  public Future<JsonObject> forNotice(String noticeId, Map<String, String> displayNames, Predicate<String> fromBoard,
                                      boolean withPhone) {
    FindOptions newestFirst = new FindOptions().setSort(new JsonObject().put("at", -1));
    return mongo.findWithOptions(FEEDBACK, new JsonObject().put("noticeId", noticeId), newestFirst)
        .map(all -> all.stream().filter(i -> fromBoard.test(i.getString("displayId"))).toList())
        .map(items -> new JsonObject().put("summary", summary(items)).put("items", view(items, displayNames, withPhone)));
  }

  /** One entry, {@code {_id, noticeId, displayId, ...}}; NOT_FOUND when there is none. */
  public Future<JsonObject> entry(String feedbackId) {
    return mongo.findOne(FEEDBACK, new JsonObject().put("_id", feedbackId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条反馈")) : Future.succeededFuture(doc));
  }

  public Future<Void> markHandled(String feedbackId, Identity who) {
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("handled", true)
        .put("handledBy", who.name()).put("handledAt", System.currentTimeMillis()));
    return mongo.updateCollection(FEEDBACK, new JsonObject().put("_id", feedbackId), set).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条反馈")));
  }

  /**
   * 满意率 counts 满意 and 基本满意 as satisfied, as the community's own evaluation does. An item is
   * one phone with its latest rating, so each phone counts once.
   */
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

  private static JsonArray view(List<JsonObject> items, Map<String, String> displayNames, boolean withPhone) {
    JsonArray out = new JsonArray();
    items.forEach(i -> {
      JsonArray comments = comments(i);
      JsonObject last = comments.isEmpty() ? null : comments.getJsonObject(comments.size() - 1);
      out.add(new JsonObject().put("id", i.getString("_id")).put("rating", i.getString("rating"))
          .put("changes", i.getJsonArray("changes", new JsonArray()))
          .put("comment", last == null ? null : last.getString("text")).put("comments", comments)
          .put("phone", withPhone ? i.getString("phone") : null)
          // a viewer learns that the resident left a phone, never the number
          .put("phoneWithheld", !withPhone && i.getString("phone") != null)
          .put("displayId", i.getString("displayId")).put("displayName", displayNames.get(i.getString("displayId")))
          .put("firstAt", i.getLong("firstAt", i.getLong("at"))).put("at", i.getLong("at"))
          .put("handled", i.getBoolean("handled", false)).put("handledBy", i.getString("handledBy")));
    });
    return out;
  }

  /** The entry's comments, oldest first; an item stored before entries per phone had one {@code comment}. */
  private static JsonArray comments(JsonObject entry) {
    JsonArray kept = entry.getJsonArray("comments");
    if (kept != null) {
      return kept;
    }
    String single = entry.getString("comment");
    return single == null ? new JsonArray()
        : new JsonArray().add(new JsonObject().put("text", single).put("at", entry.getLong("at")));
  }
}
