package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.archive.ArchivedMeetings;
import org.shangliang.auth.Accounts;
import org.shangliang.store.Database;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Meetings, one a row, with the attendance and votes the archive shows for each: 应到 (invited),
 * 实到 (invited who checked in), 列席 (walk-ins), and the votes held and how they came out.
 * Filter: {@code from}, {@code to} (YYYY-MM-DD, both included) on the planned time.
 */
final class MeetingSheet {
  static final List<String> HEADER = List.of("会议名称", "议事室", "时间", "状态", "主持人", "应到", "实到", "列席",
      "议题数", "表决次数", "通过", "未通过");
  private static final Map<String, String> STATUS = Map.of("SCHEDULED", "未开始", "OPEN", "进行中", "CLOSED", "已结束");

  private final ArchivedMeetings archive;
  private final MongoClient mongo;

  MeetingSheet(Database db) {
    this.archive = new ArchivedMeetings(db);
    this.mongo = db.mongo();
  }

  Future<ExportTable> table(ExportFilter filter, ZoneId zone) {
    ExportFilter.Days days = filter.days();
    return Future.all(archive.records(days.fromMillis(zone), days.toMillis(zone)), hostNames()).map(read -> {
      Map<String, String> hosts = read.resultAt(1);
      List<List<Object>> rows = new ArrayList<>();
      read.<List<JsonObject>>resultAt(0).forEach(m -> rows.add(row(m, hosts, zone)));
      return new ExportTable(ExportName.MEETINGS, HEADER, rows, days.describe("会议时间"), null);
    });
  }

  private static List<Object> row(JsonObject record, Map<String, String> hostNames, ZoneId zone) {
    JsonObject attendance = record.getJsonObject("attendance", new JsonObject());
    JsonArray votes = record.getJsonArray("votes", new JsonArray());
    String hosts = record.getJsonArray("hosts", new JsonArray()).stream().map(String::valueOf)
        .map(h -> hostNames.getOrDefault(h, h)).collect(Collectors.joining("、"));
    return Arrays.asList(record.getString("title"), record.getString("roomName"),
        Cells.time(record.getLong("startsAt"), zone), STATUS.getOrDefault(record.getString("status"), record.getString("status")),
        hosts, attendance.getInteger("invited", 0), attendance.getInteger("checkedIn", 0), attendance.getInteger("walkIns", 0),
        record.getJsonArray("agenda", new JsonArray()).size(), votes.size(), passed(votes, true), passed(votes, false));
  }

  /** Votes whose outcome says passed (or not); a vote never closed has no outcome and counts in neither. */
  private static long passed(JsonArray votes, boolean passed) {
    return votes.stream().map(JsonObject.class::cast).map(v -> v.getJsonObject("outcome"))
        .filter(o -> o != null && o.getBoolean("passed") != null && o.getBoolean("passed") == passed).count();
  }

  /** Account username → name, for the hosts (accounts are few; only the two fields are read). */
  private Future<Map<String, String>> hostNames() {
    FindOptions fields = new FindOptions().setFields(new JsonObject().put("name", 1));
    return mongo.findWithOptions(Accounts.COLLECTION, new JsonObject(), fields).map(accounts -> {
      Map<String, String> names = new HashMap<>();
      accounts.forEach(a -> names.put(a.getString("_id"), a.getString("name", a.getString("_id"))));
      return names;
    });
  }

  static Set<String> params() {
    return Set.of("from", "to");
  }
}
