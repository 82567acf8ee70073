package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.evaluation.Evaluations;
import org.shangliang.store.Database;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The evaluation figures (成效评估) of the closed meetings planned in a period, one meeting a row,
 * the same figures as {@code evaluation.cmd} answers. Filter: {@code from}, {@code to}
 * (YYYY-MM-DD, both included); all closed meetings when not given.
 */
final class EvaluationSheet {
  static final List<String> HEADER = List.of("会议名称", "时间", "应到", "实到", "实到率", "按时到会", "发言人次", "发言人数",
      "发言人占比", "超时发言", "限次拒绝", "表决", "未达法定人数表决", "议题", "形成结果", "通过", "明确责任主体",
      "跟踪决议", "已办结", "评价数", "满意率");

  private final Evaluations evaluations;

  EvaluationSheet(Database db) {
    this.evaluations = new Evaluations(db.mongo());
  }

  Future<ExportTable> table(ExportFilter filter, ZoneId zone) {
    ExportFilter.Days days = filter.days();
    Long from = days.fromMillis(zone);
    Long to = days.toMillis(zone);
    return evaluations.period(from == null ? 0 : from, to == null ? Long.MAX_VALUE : to, null, System.currentTimeMillis())
        .map(period -> {
          List<List<Object>> rows = new ArrayList<>();
          period.figures().forEach(f -> rows.add(row(f, zone)));
          return new ExportTable(ExportName.EVALUATION, HEADER, rows, days.describe("会议时间"),
              period.truncated() ? "只列出了最早的 500 次会议，请缩短时间范围" : null);
        });
  }

  private static List<Object> row(JsonObject f, ZoneId zone) {
    JsonObject a = f.getJsonObject("attendance");
    JsonObject act = f.getJsonObject("activity");
    JsonObject rules = f.getJsonObject("rules");
    JsonObject res = f.getJsonObject("results");
    JsonObject fu = f.getJsonObject("followUp");
    JsonObject sat = f.getJsonObject("satisfaction");
    return Arrays.asList(f.getString("title"), Cells.time(f.getLong("startsAt"), zone), a.getInteger("invited"),
        a.getInteger("present"), a.getDouble("rate"), a.getInteger("punctual"), act.getInteger("speeches"),
        act.getInteger("speakers"), act.getDouble("speakersShare"), rules.getInteger("overruns"), rules.getInteger("refusals"),
        rules.getInteger("votes"), rules.getInteger("votesBelowQuorum"), res.getInteger("matters"), res.getInteger("resolved"),
        res.getInteger("passed"), res.getInteger("responsibleSet"), fu.getInteger("tracked"), fu.getInteger("solved"),
        sat.getInteger("ratings"), sat.getDouble("rate"));
  }

  static Set<String> params() {
    return Set.of("from", "to");
  }
}
