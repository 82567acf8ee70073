package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import java.util.List;

/**
 * The questionnaire's answers, one document per attendee and meeting. The id makes the second
 * answer of an attendee a duplicate key, so one per attendee holds without reading first; what is
 * read back is who answered (for the kiosk that asks about its own attendees) and counts, never
 * an attendee's answers.
 */
public final class SurveyAnswers {
  public static final String COLLECTION = "surveys";

  private final MongoClient mongo;

  SurveyAnswers(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> insert(String meetingId, String roomId, String attendeeId, JsonObject answers, long now) {
    JsonObject doc = new JsonObject().put("_id", meetingId + "." + attendeeId).put("meetingId", meetingId)
        .put("roomId", roomId).put("answers", answers).put("at", now);
    return mongo.insert(COLLECTION, doc).<Void>mapEmpty()
        .recover(e -> Future.failedFuture(Database.isDuplicateKey(e) ? new Failure(ErrorCode.SURVEY_ANSWERED) : e));
  }

  /** Of the attendees given, those who have answered the meeting's questionnaire. */
  Future<JsonArray> answeredAmong(String meetingId, List<String> attendeeIds) {
    if (attendeeIds.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    JsonArray ids = new JsonArray(attendeeIds.stream().map(a -> meetingId + "." + a).toList());
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
        new FindOptions().setFields(new JsonObject().put("_id", 1))).map(docs -> new JsonArray(docs.stream()
        .map(d -> d.getString("_id").substring(meetingId.length() + 1)).toList()));
  }

  Future<Long> count(String meetingId) {
    return mongo.count(COLLECTION, new JsonObject().put("meetingId", meetingId));
  }
}
