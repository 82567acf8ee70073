package org.shangliang.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.Locale;

/**
 * What a search of past meetings asks for: words in the meeting's or a matter's title, a planned
 * time within [{@code from}, {@code to}), a grid the meeting concerns, a kind of topic among its
 * matters (where the topic came from: 党支部点题, 网格员荐题, 群众出题, staff) and a room. The room
 * and the time go into the database query; the rest is matched here, on a bounded read, since the
 * embedded store has no text index.
 */
record MeetingFilter(String text, Long from, Long to, String gridId, String topicKind, String roomId) {

  static MeetingFilter of(JsonObject body) {
    Long from = body.getLong("from");
    Long to = body.getLong("to");
    if (from != null && to != null && from >= to) {
      throw new Failure(ErrorCode.ARCHIVE_RANGE);
    }
    String text = body.getString("text");
    return new MeetingFilter(text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT), from, to,
        body.getString("gridId"), body.getString("topicKind"), body.getString("roomId"));
  }

  /** The part of the filter the database applies. */
  JsonObject query() {
    JsonObject query = new JsonObject();
    if (roomId != null) {
      query.put("roomId", roomId);
    }
    JsonObject range = new JsonObject();
    if (from != null) {
      range.put("$gte", from);
    }
    if (to != null) {
      range.put("$lt", to);
    }
    if (!range.isEmpty()) {
      query.put("startsAt", range);
    }
    return query;
  }

  /** Whether the meeting document matches every part of the filter (the database's part too, checked again). */
  boolean matches(JsonObject meeting) {
    return inTime(meeting.getLong("startsAt")) && (roomId == null || roomId.equals(meeting.getString("roomId")))
        && (gridId == null || meeting.getJsonArray("gridIds", new JsonArray()).contains(gridId))
        && (topicKind == null || agenda(meeting).stream().anyMatch(m -> topicKind.equals(sourceKind((JsonObject) m))))
        && (text == null || contains(meeting.getString("title"))
            || agenda(meeting).stream().anyMatch(m -> contains(((JsonObject) m).getString("title"))));
  }

  private boolean inTime(Long startsAt) {
    if (from == null && to == null) {
      return true;
    }
    return startsAt != null && (from == null || startsAt >= from) && (to == null || startsAt < to);
  }

  private boolean contains(String title) {
    return title != null && title.toLowerCase(Locale.ROOT).contains(text);
  }

  static JsonArray agenda(JsonObject meeting) {
    return meeting.getJsonArray("agenda", new JsonArray());
  }

  /** Where a matter's topic came from, or null when its plan did not say. */
  static String sourceKind(JsonObject matter) {
    JsonObject source = matter.getJsonObject("source");
    return source == null ? null : source.getString("kind");
  }
}
