package org.shangliang.followup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Follow-up dates for resolutions of each topic kind, against dates written out by hand. */
class FollowUpRulesTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 2027-01-31 09:00 in Shanghai: a month later is the last day of February. */
  static final long TRACKED = ZonedDateTime.of(2027, 1, 31, 9, 0, 0, 0, SHANGHAI).toInstant().toEpochMilli();

  static JsonObject item(String kind) {
    return new JsonObject().put("status", "OPEN").put("trackedAt", TRACKED).put("topicKind", kind).put("followUps", new JsonArray());
  }

  static long at(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, SHANGHAI).toInstant().toEpochMilli();
  }

  @Test
  @DisplayName("协商类 and 决策类 every half month, 咨询类 and 听证类 every calendar month, from the last follow-up; none once solved")
  void cadences() {
    assertEquals(at(2027, 2, 15, 9), FollowUpRules.nextFollowUpAt(item("CONSULTATION"), SHANGHAI));
    assertEquals(at(2027, 2, 15, 9), FollowUpRules.nextFollowUpAt(item("DECISION"), SHANGHAI));
    assertEquals(at(2027, 2, 28, 9), FollowUpRules.nextFollowUpAt(item("INQUIRY"), SHANGHAI));
    assertEquals(at(2027, 2, 28, 9), FollowUpRules.nextFollowUpAt(item("HEARING"), SHANGHAI));
    // a kind nobody chose is followed up as often as the strictest rule asks
    assertEquals(at(2027, 2, 15, 9), FollowUpRules.nextFollowUpAt(item(null), SHANGHAI));

    JsonObject followedUp = item("HEARING");
    followedUp.getJsonArray("followUps").add(new JsonObject().put("at", at(2027, 3, 10, 16)));
    assertEquals(at(2027, 4, 10, 16), FollowUpRules.nextFollowUpAt(followedUp, SHANGHAI));
    assertNull(FollowUpRules.nextFollowUpAt(followedUp.put("status", "SOLVED"), SHANGHAI));
  }
}
