package org.shangliang.admin;

import org.shangliang.common.SpreadsheetText;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The audit log as a spreadsheet: CSV with a UTF-8 byte order mark (without it Excel reads the
 * Chinese as the local code page), one row per entry, in the time zone given (the community's).
 */
public final class AuditCsv {
  static final String[] HEADER = {"时间", "操作人", "角色", "区域", "操作", "议事室", "参数"};
  private static final Map<String, String> ROLES = Map.ofEntries(Map.entry("ADMIN", "管理员"), Map.entry("CADRE", "社区干部"),
      Map.entry("HOST", "社区干部"), Map.entry("GRID_WORKER", "网格员"), Map.entry("STAFF", "工作人员"),
      Map.entry("VIEWER", "只读查看"), Map.entry("KIOSK", "议事终端"), Map.entry("DISPLAY", "显示屏"),
      Map.entry("SYSTEM", "系统"), Map.entry("RESIDENT", "居民"));
  /** Every area an audit entry is written in, as the console's audit panel names it. */
  static final Map<String, String> AREAS = Map.ofEntries(Map.entry("room", "议事室"), Map.entry("admin", "账号管理"),
      Map.entry("request", "居民诉求"), Map.entry("notice", "公示"), Map.entry("signin", "登录"),
      Map.entry("community", "社区与设备"), Map.entry("member", "议事成员"), Map.entry("forum", "议事会"),
      Map.entry("followup", "跟踪回访"), Map.entry("minutes", "会议纪要"), Map.entry("export", "数据导出"));

  private AuditCsv() {
  }

  /** The entries ({@link AuditReader#view}s) as the text of a CSV file, byte order mark first. */
  public static String write(List<JsonObject> entries, ZoneId zone) {
    StringBuilder out = new StringBuilder(SpreadsheetText.BOM);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
      for (JsonObject entry : entries) {
        csv.printRecord(row(entry, zone));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> row(JsonObject entry, ZoneId zone) {
    JsonObject actor = entry.getJsonObject("actor", new JsonObject());
    String role = actor.getString("role");
    String area = entry.getString("area");
    String room = entry.getString("roomName") != null ? entry.getString("roomName") : entry.getString("roomId");
    return List.of(time(entry.getLong("at"), zone), SpreadsheetText.inert(who(actor)), role == null ? "" : ROLES.getOrDefault(role, role),
        area == null ? "" : AREAS.getOrDefault(area, area), SpreadsheetText.inert(entry.getString("action")), SpreadsheetText.inert(room),
        entry.getJsonObject("params", new JsonObject()).encode());
  }

  private static String time(Long at, ZoneId zone) {
    return at == null ? "" : LocalDateTime.ofInstant(Instant.ofEpochMilli(at), zone).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /** 王主任（cadre）; a device or the system by what it has. */
  private static String who(JsonObject actor) {
    String name = actor.getString("name");
    String id = actor.getString("id");
    if (name != null && id != null && !name.equals(id)) {
      return name + "（" + id + "）";
    }
    return name != null ? name : id;
  }

}
