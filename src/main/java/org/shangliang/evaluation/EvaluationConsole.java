package org.shangliang.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Identity;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.console.ConsoleAddresses;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.followup.ResolutionStore;
import org.shangliang.notice.NoticeStore;
import org.shangliang.room.RoomStore;
import org.shangliang.room.SurveyAnswers;
import org.shangliang.store.Database;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The evaluation of meetings (成效评估) on {@value ConsoleAddresses#EVALUATION}: one meeting's
 * figures, or those of the meetings held in a period, with their totals per quarter and per grid.
 * It only reads, and keeps nothing: every figure is computed from the records ({@link MeetingFigures}).
 */
public final class EvaluationConsole {
  static final int MAX_BYTES = 1024;
  /** Meetings a period's evaluation reads: years of weekly meetings. */
  static final int MEETINGS_READ = 500;

  private final MongoClient mongo;
  private final CommunitySettings community;

  private EvaluationConsole(Database db) {
    this.mongo = db.mongo();
    this.community = new CommunitySettings(db.mongo());
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Database db) {
    EvaluationConsole evaluation = new EvaluationConsole(db);
    return new CommandEndpoint(ConsoleAddresses.EVALUATION, MAX_BYTES, Schemas.load("schemas/evaluation-commands.json", "action"))
        .on("evaluateMeeting", Identity::isStaff, evaluation::meeting)
        .on("evaluatePeriod", Identity::isStaff, evaluation::period);
  }

  private Future<JsonObject> meeting(Request r) {
    return mongo.findOne(RoomStore.MEETINGS, new JsonObject().put("_id", r.body().getString("meetingId")), null)
        .compose(meeting -> meeting == null ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议"))
            : figures(meeting, System.currentTimeMillis()))
        .map(figures -> new JsonObject().put("evaluation", figures));
  }

  /** The records of one meeting, then its figures. */
  Future<JsonObject> figures(JsonObject meeting, long now) {
    String id = meeting.getString("_id");
    Future<List<JsonObject>> attendees = mongo.find(RoomStore.ATTENDEES, new JsonObject().put("meetingId", id));
    Future<JsonObject> minutes = mongo.findOne("minutes", new JsonObject().put("_id", id), null);
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

  /** The closed meetings planned in [from, to), optionally of one grid: each one's figures, and the totals per quarter and grid. */
  private Future<JsonObject> period(Request r) {
    long from = r.body().getLong("from");
    long to = r.body().getLong("to");
    if (to <= from) {
      return Future.failedFuture(new Failure(ErrorCode.ARCHIVE_RANGE));
    }
    String gridId = r.body().getString("gridId");
    JsonObject query = new JsonObject().put("status", "CLOSED")
        .put("startsAt", new JsonObject().put("$gte", from).put("$lt", to));
    long now = System.currentTimeMillis();
    return Future.all(mongo.findWithOptions(RoomStore.MEETINGS, query,
            new FindOptions().setSort(new JsonObject().put("startsAt", 1)).setLimit(MEETINGS_READ)), community.read())
        .compose(read -> {
          List<JsonObject> meetings = read.<List<JsonObject>>resultAt(0).stream()
              .filter(m -> gridId == null || m.getJsonArray("gridIds", new JsonArray()).contains(gridId)).toList();
          ZoneId zone = ZoneId.of(read.<JsonObject>resultAt(1).getString("timeZone"));
          return Future.all(meetings.stream().map(m -> figures(m, now)).toList()).map(all -> {
            List<JsonObject> figures = all.list();
            return new JsonObject().put("meetings", new JsonArray(figures)).put("total", Totals.of(figures))
                .put("byQuarter", Totals.grouped(figures, f -> List.of(quarter(f.getLong("startsAt"), zone))))
                .put("byGrid", Totals.grouped(figures, f -> f.getJsonArray("gridIds", new JsonArray()).stream()
                    .map(String::valueOf).toList()))
                .put("truncated", read.<List<JsonObject>>resultAt(0).size() >= MEETINGS_READ);
          });
        });
  }

  /** 2027-Q1 and so on, in the community's time zone. */
  static String quarter(Long at, ZoneId zone) {
    if (at == null) {
      return "未定";
    }
    ZonedDateTime when = ZonedDateTime.ofInstant(Instant.ofEpochMilli(at), zone);
    return when.getYear() + "-Q" + ((when.getMonthValue() - 1) / 3 + 1);
  }
}
