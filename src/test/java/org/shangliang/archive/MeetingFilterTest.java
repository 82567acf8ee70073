package org.shangliang.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a meeting search, on stored meeting documents, without a server. */
class MeetingFilterTest {
  static final JsonObject MEETING = new JsonObject().put("_id", "m").put("roomId", "r").put("title", "Spring 邻里议事会")
      .put("startsAt", 1_000L).put("gridIds", new JsonArray().add("g1"))
      .put("agenda", new JsonArray()
          .add(new JsonObject().put("id", "a").put("title", "加装电梯").put("source", new JsonObject().put("kind", "RESIDENTS")))
          .add(new JsonObject().put("id", "b").put("title", "停车管理")));

  static boolean matches(JsonObject filter) {
    return MeetingFilter.of(filter).matches(MEETING);
  }

  @Test
  @DisplayName("words match the meeting's title or any matter's, ignoring case and surrounding spaces")
  void words() {
    assertTrue(matches(new JsonObject().put("text", "  spring ")));
    assertTrue(matches(new JsonObject().put("text", "停车")));
    assertFalse(matches(new JsonObject().put("text", "垃圾")));
    assertTrue(matches(new JsonObject().put("text", "   ")), "blank words are no filter");
  }

  @Test
  @DisplayName("the time range includes its start and excludes its end; a meeting with no planned time is outside every range")
  void timeRange() {
    assertTrue(matches(new JsonObject().put("from", 1_000L).put("to", 1_001L)));
    assertFalse(matches(new JsonObject().put("to", 1_000L)));
    assertFalse(MeetingFilter.of(new JsonObject().put("from", 0L)).matches(MEETING.copy().putNull("startsAt")));
    Failure reversed = assertThrows(Failure.class, () -> MeetingFilter.of(new JsonObject().put("from", 5L).put("to", 5L)));
    assertEquals(ErrorCode.ARCHIVE_RANGE, reversed.code());
    assertEquals(new JsonObject().put("roomId", "r").put("startsAt", new JsonObject().put("$gte", 1L).put("$lt", 2L)),
        MeetingFilter.of(new JsonObject().put("roomId", "r").put("from", 1L).put("to", 2L)).query());
  }

  @Test
  @DisplayName("a grid must be one the meeting concerns; a topic kind must be some matter's source")
  void gridAndTopicKind() {
    assertTrue(matches(new JsonObject().put("gridId", "g1").put("topicKind", "RESIDENTS")));
    assertFalse(matches(new JsonObject().put("gridId", "g2")));
    assertFalse(matches(new JsonObject().put("topicKind", "PARTY_BRANCH")));
    assertFalse(matches(new JsonObject().put("roomId", "other")));
  }
}
