package org.shangliang.minutes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.community.CommunitySettings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the minutes' values read on paper, in the minutes' own time zone: times, durations, 赞成 /
 * 反对 / 弃权, 记名 / 无记名. The print view (kiosk-ui/console/minutes-page.js) words them alike.
 */
final class MinutesText {
  static final Map<String, String> CHOICES = Map.of("FOR", "赞成", "AGAINST", "反对", "ABSTAIN", "弃权");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ZoneId zone;

  MinutesText(String timeZone) {
    // minutes drafted before they kept their zone fall back to the community's default, as a blank setting does
    this.zone = CommunitySettings.zoneOf(timeZone == null || timeZone.isBlank() ? new JsonObject()
        : new JsonObject().put("timeZone", timeZone));
  }

  String dateTime(Long ms) {
    return ms == null ? "" : DATE_TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
  }

  String date(Long ms) {
    return ms == null ? "" : DATE.format(Instant.ofEpochMilli(ms).atZone(zone));
  }

  String clock(Long ms) {
    return ms == null ? "" : CLOCK.format(Instant.ofEpochMilli(ms).atZone(zone));
  }

  /** When the meeting was held: opened to closed (the end's date only when it differs), else the planned start. */
  String heldAt(JsonObject minutes) {
    Long from = ms(minutes, "openedAt") != null ? ms(minutes, "openedAt") : ms(minutes, "startsAt");
    Long to = ms(minutes, "closedAt");
    if (from == null) {
      return "";
    }
    if (to == null) {
      return dateTime(from);
    }
    String end = date(from).equals(date(to)) ? dateTime(to).substring(11) : dateTime(to);
    return dateTime(from) + " 至 " + end;
  }

  /** A time in epoch ms, or null when missing, null or not a number. */
  static Long ms(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof Number n ? n.longValue() : null;
  }

  /** A text field; empty when missing or null. */
  static String str(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value == null ? "" : String.valueOf(value);
  }

  /** A nested object; empty when missing, null or not an object. */
  static JsonObject object(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof JsonObject o ? o : new JsonObject();
  }

  /** A count or a number of seconds; 0 when missing. */
  static long count(JsonObject object, String key) {
    Long value = ms(object, key);
    return value == null ? 0 : value;
  }

  /** A yes-or-no field; {@code otherwise} when missing or not a boolean. */
  static boolean flag(JsonObject object, String key, boolean otherwise) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof Boolean b ? b : otherwise;
  }

  /** 95 → 1分35秒, 45 → 45秒. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "秒";
    }
    return seconds % 60 == 0 ? seconds / 60 + "分钟" : seconds / 60 + "分" + seconds % 60 + "秒";
  }

  static String choice(String choice) {
    return CHOICES.getOrDefault(choice, choice == null ? "" : choice);
  }

  /** Names joined with 、, or 无 when there are none. */
  static String names(JsonArray names) {
    List<String> list = strings(names).filter(n -> !n.isBlank()).toList();
    return list.isEmpty() ? "无" : String.join("、", list);
  }

  static Stream<String> strings(JsonArray array) {
    return array == null ? Stream.empty() : array.stream().map(v -> v == null ? "" : String.valueOf(v));
  }

  static Stream<JsonObject> objects(JsonArray array) {
    return array == null ? Stream.empty()
        : array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }

  /** A value that may be missing or empty, as the paper shows it. */
  static String orNone(String value) {
    return value == null || value.isBlank() ? "无" : value;
  }

  static String number(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value == null ? "—" : String.valueOf(value);
  }
}
