package org.shangliang.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.room.RoomStore;
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

  private final MongoClient mongo;
  private final CommunitySettings community;
  private final Evaluations evaluations;

  private EvaluationConsole(Database db) {
    this.mongo = db.mongo();
    this.community = new CommunitySettings(db.mongo());
    this.evaluations = new Evaluations(db.mongo());
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
            : evaluations.figures(meeting, System.currentTimeMillis()))
        .map(figures -> new JsonObject().put("evaluation", figures));
  }

  /** The closed meetings planned in [from, to), optionally of one grid: each one's figures, and the totals per quarter and grid. */
  private Future<JsonObject> period(Request r) {
    long from = r.body().getLong("from");
    long to = r.body().getLong("to");
    if (to <= from) {
      return Future.failedFuture(new Failure(ErrorCode.ARCHIVE_RANGE));
    }
    return Future.all(evaluations.period(from, to, r.body().getString("gridId"), System.currentTimeMillis()), community.zone())
        .map(read -> {
          Evaluations.Period period = read.resultAt(0);
          List<JsonObject> figures = period.figures();
          ZoneId zone = read.resultAt(1);
          return new JsonObject().put("meetings", new JsonArray(figures)).put("total", Totals.of(figures))
              .put("byQuarter", Totals.grouped(figures, f -> List.of(quarter(f.getLong("startsAt"), zone))))
              .put("byGrid", Totals.grouped(figures, f -> f.getJsonArray("gridIds", new JsonArray()).stream()
                  .map(String::valueOf).toList()))
              .put("truncated", period.truncated());
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
