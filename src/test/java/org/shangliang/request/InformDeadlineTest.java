package org.shangliang.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.Config;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 办完即反's deadline: working days skip Saturdays and Sundays, and the deadline is the end of the last one. */
class InformDeadlineTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static long at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
  }

  /** The last millisecond of the day, in the community's time zone. */
  static long endOf(String date) {
    return LocalDateTime.parse(date + "T00:00").plusDays(1).atZone(ZONE).toInstant().toEpochMilli() - 1;
  }

  @Test
  @DisplayName("done on a Friday with 3 working days: told by the end of Wednesday, the weekend not counted")
  void overAWeekend() {
    // 2026-03-06 is a Friday
    assertEquals(endOf("2026-03-11"), InformDeadline.dueAt(at("2026-03-06T15:30"), 3, ZONE));
    assertEquals(endOf("2026-03-09"), InformDeadline.dueAt(at("2026-03-06T23:59"), 1, ZONE), "Friday + 1 is Monday");
    assertEquals(endOf("2026-03-06"), InformDeadline.dueAt(at("2026-03-05T08:00"), 1, ZONE), "Thursday + 1 is Friday");
  }

  @Test
  @DisplayName("done at the weekend: counting starts on Monday; 0 days means by the end of the day it was done")
  void doneAtTheWeekend() {
    assertEquals(endOf("2026-03-09"), InformDeadline.dueAt(at("2026-03-07T10:00"), 1, ZONE), "Saturday + 1 is Monday");
    assertEquals(endOf("2026-03-11"), InformDeadline.dueAt(at("2026-03-08T10:00"), 3, ZONE), "Sunday + 3 is Wednesday");
    assertEquals(endOf("2026-03-08"), InformDeadline.dueAt(at("2026-03-08T10:00"), 0, ZONE));
    assertEquals(endOf("2026-03-16"), InformDeadline.dueAt(at("2026-03-09T00:00"), 5, ZONE), "Monday + 5 is next Monday");
    assertEquals(endOf("2026-03-23"), InformDeadline.dueAt(at("2026-03-09T00:00"), 10, ZONE), "two weekends skipped");
  }

  @Test
  @DisplayName("the day is the community's: just after midnight in Shanghai is the next day even when UTC still says the day before")
  void inTheCommunitysTimeZone() {
    // 2026-03-07 00:30 in Shanghai is Friday 16:30 UTC: a Saturday completion, so Monday is the first working day
    assertEquals(endOf("2026-03-09"), InformDeadline.dueAt(at("2026-03-07T00:30"), 1, ZONE));
  }

  @Test
  @DisplayName("a request has a deadline only while done and not yet told, counted from its last completion")
  void onlyWhileDone() {
    InformDeadline deadline = new InformDeadline(3);
    JsonArray completions = new JsonArray().add(new JsonObject().put("at", at("2026-02-02T09:00")))
        .add(new JsonObject().put("at", at("2026-03-06T15:30")));
    assertEquals(endOf("2026-03-11"), deadline.dueAt(new JsonObject().put("status", "DONE").put("completions", completions), ZONE));
    assertNull(deadline.dueAt(new JsonObject().put("status", "INFORMED").put("completions", completions), ZONE));
    assertNull(deadline.dueAt(new JsonObject().put("status", "DONE"), ZONE));
    assertThrows(IllegalArgumentException.class, () -> new InformDeadline(-1));
  }

  @Test
  @DisplayName("INFORM_WITHIN_WORKING_DAYS is 3 unless the environment or the config file says otherwise")
  void setting() {
    assertEquals(3, Config.load(null, Map.of()).informWithinWorkingDays());
    assertEquals(5, Config.load(null, Map.of(Config.INFORM_WITHIN_WORKING_DAYS, "5")).informWithinWorkingDays());
  }
}
