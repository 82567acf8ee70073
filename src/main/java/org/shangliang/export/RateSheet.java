package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.request.RequestReports;
import org.shangliang.request.RequestStore;
import org.shangliang.store.Database;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * 响应率, 解决率 and 满意率 per grid and month, the figures of the console's statistics (the same
 * {@link RequestReports#rates}), one row per grid per month and a 合计 row for each month. Filter:
 * {@code from}, {@code to} (YYYY-MM, both included; this month when not given), at most
 * {@value #MAX_MONTHS} months.
 */
final class RateSheet {
  static final List<String> HEADER = List.of("月份", "网格", "诉求数", "及时响应", "响应率", "已解决", "解决率",
      "已评价", "满意", "满意率");
  static final String TOTAL = "合计";
  static final int MAX_MONTHS = 36;

  private final RequestReports reports;

  RateSheet(Database db) {
    this.reports = new RequestReports(new RequestStore(db.mongo()));
  }

  Future<ExportTable> table(ExportFilter filter, ZoneId zone) {
    YearMonth now = YearMonth.now(Clock.system(zone));
    YearMonth from = filter.month("from");
    YearMonth to = filter.month("to");
    from = from == null ? (to == null ? now : to) : from;
    to = to == null ? (from.isAfter(now) ? from : now) : to;
    if (from.isAfter(to)) {
      throw ExportFilter.bad("开始月份不能晚于结束月份");
    }
    if (from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
      throw ExportFilter.bad("一次最多导出 " + MAX_MONTHS + " 个月");
    }
    List<Future<JsonObject>> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(reports.rates(m, zone));
    }
    String range = from.equals(to) ? from.toString() : from + " 至 " + to;
    return Future.all(months).map(all -> {
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        JsonObject month = all.resultAt(i);
        month.getJsonArray("grids").forEach(g -> rows.add(row(month.getString("month"), (JsonObject) g, null)));
        rows.add(row(month.getString("month"), month.getJsonObject("total"), TOTAL));
      }
      return new ExportTable(ExportName.RATES, HEADER, rows, "月份 " + range, null);
    });
  }

  private static List<Object> row(String month, JsonObject rates, String name) {
    return Arrays.asList(month, name == null ? rates.getString("grid") : name, rates.getInteger("filed"),
        rates.getInteger("responded"), rates.getDouble("responseRate"), rates.getInteger("solved"),
        rates.getDouble("resolutionRate"), rates.getInteger("rated"), rates.getInteger("satisfied"),
        rates.getDouble("satisfactionRate"));
  }

  static Set<String> params() {
    return Set.of("from", "to");
  }
}
