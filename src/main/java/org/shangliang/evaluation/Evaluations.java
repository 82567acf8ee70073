package org.shangliang.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.followup.ResolutionStore;
import org.shangliang.minutes.MinutesStore;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.room.RoomStore;
import org.shangliang.room.SurveyAnswers;

import java.util.List;

/** Reads a meeting's records and computes its figures ({@link MeetingFigures}); also for the meetings of a period. */
public final class Evaluations {
  /** Meetings a period's evaluation reads: years of weekly meetings. */
  static final int MEETINGS_READ = 500;

  private final MongoClient mongo;

  public Evaluations(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The figures of the closed meetings planned in a period, oldest first; {@code truncated} when there were more than are read. */
  public record Period(List<JsonObject> figures, boolean truncated) {
  }

  /** The CLOSED meetings planned in [from, to), of one grid if {@code gridId} is given, each with its figures. */
  public Future<Period> period(long from, long to, String gridId, long now) {
    JsonObject query = new JsonObject().put("status", "CLOSED")
        .put("startsAt", new JsonObject().put("$gte", from).put("$lt", to));
    return mongo.findWithOptions(RoomStore.MEETINGS, query,
        new FindOptions().setSort(new JsonObject().put("startsAt", 1)).setLimit(MEETINGS_READ)).compose(found -> {
          List<JsonObject> meetings = found.stream()
              .filter(m -> gridId == null || m.getJsonArray("gridIds", new JsonArray()).contains(gridId)).toList();
          return Future.all(meetings.stream().map(m -> figures(m, now)).toList())
              .map(all -> new Period(all.list(), found.size() >= MEETINGS_READ));
        });
  }

  /** The records of one meeting, then its figures. */
  public Future<JsonObject> figures(JsonObject meeting, long now) {
    String id = meeting.getString("_id");
    Future<List<JsonObject>> attendees = mongo.find(RoomStore.ATTENDEES, new JsonObject().put("meetingId", id));
    Future<JsonObject> minutes = mongo.findOne(MinutesStore.COLLECTION, new JsonObject().put("_id", id), null);
    Future<List<JsonObject>> resolutions = mongo.find(ResolutionStore.COLLECTION, new JsonObject().put("meetingId", id));
    Future<List<JsonObject>> surveys = mongo.findWithOptions(SurveyAnswers.COLLECTION, new JsonObject().put("meetingId", id),
        new FindOptions().setFields(new JsonObject().put("answers", 1)));
    return Future.all(List.of(attendees, minutes, resolutions, ratings(id), surveys)).map(read -> MeetingFigures.of(
        new MeetingFigures.Records(meeting, read.resultAt(0), read.resultAt(1), read.resultAt(2), read.resultAt(3), read.resultAt(4)), now));
  }

  /** Every rating phones left on the meeting's notices. */
  private Future<List<JsonObject>> ratings(String meetingId) {
    return mongo.findWithOptions(NoticeStore.NOTICES, new JsonObject().put("source.meetingId", meetingId),
        new FindOptions().setFields(new JsonObject().put("_id", 1))).compose(notices -> notices.isEmpty()
            ? Future.succeededFuture(List.<JsonObject>of())
            : mongo.findWithOptions(FeedbackStore.FEEDBACK, new JsonObject().put("noticeId", new JsonObject()
                .put("$in", new JsonArray(notices.stream().map(n -> n.getString("_id")).toList()))),
                new FindOptions().setFields(new JsonObject().put("rating", 1))));
  }
}
