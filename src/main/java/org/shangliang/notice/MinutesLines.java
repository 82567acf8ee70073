package org.shangliang.notice;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the process notice (议事过程公示) takes from a meeting's approved minutes: the attendance,
 * each matter's summary and resolution with its responsible party and due date, and who approved
 * them. Every method answers an empty string without approved minutes, so the notice reads as it
 * did before the minutes were approved.
 */
final class MinutesLines {
  /** A summary longer than this is cut on the board; the whole is in the filed minutes. */
  static final int SUMMARY_CHARS = 120;

  private MinutesLines() {
  }

  static String attendance(JsonObject minutes) {
    if (minutes == null) {
      return "";
    }
    JsonObject a = minutes.getJsonObject("attendance", new JsonObject());
    int walkIns = a.getInteger("walkIns", 0);
    return "\n到会：实到 " + a.getInteger("present", 0) + " 人（应到 " + a.getInteger("invited", 0) + " 人）"
        + (walkIns > 0 ? "，列席 " + walkIns + " 人" : "");
  }

  static String ofMatter(JsonObject minutes, String matterId, ZoneId zone) {
    JsonObject matter = matter(minutes, matterId);
    if (matter == null) {
      return "";
    }
    StringBuilder lines = new StringBuilder();
    String summary = matter.getString("summary", "").strip();
    if (!summary.isEmpty()) {
      lines.append("\n- 主持人总结：").append(summary.length() <= SUMMARY_CHARS ? summary
          : summary.substring(0, SUMMARY_CHARS - 1) + "…");
    }
    JsonObject resolution = matter.getJsonObject("resolution", new JsonObject());
    String text = resolution.getString("text", "").strip();
    if (!text.isEmpty()) {
      lines.append("\n- 决议：").append(text);
      String responsible = resolution.getString("responsible", "").strip();
      if (!responsible.isEmpty()) {
        lines.append("；责任主体：").append(responsible);
      }
      Long due = resolution.getLong("dueAt");
      if (due != null) {
        lines.append("；完成时限：").append(day(due, zone));
      }
    }
    return lines.toString();
  }

  static String approval(JsonObject minutes, ZoneId zone) {
    if (minutes == null) {
      return "";
    }
    JsonObject by = minutes.getJsonObject("approvedBy", new JsonObject());
    int addenda = minutes.getJsonArray("addenda", new JsonArray()).size();
    return "\n会议记录已于 " + day(minutes.getLong("approvedAt", 0L), zone) + " 由 " + by.getString("name", "主持人") + " 审定"
        + (addenda > 0 ? "，另有补充更正 " + addenda + " 条" : "");
  }

  private static JsonObject matter(JsonObject minutes, String matterId) {
    if (minutes == null) {
      return null;
    }
    return minutes.getJsonArray("matters", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(m -> matterId.equals(m.getString("id"))).findFirst().orElse(null);
  }

  private static String day(long at, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA).withZone(zone).format(Instant.ofEpochMilli(at));
  }
}
