package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.HeldMeeting;
import org.shangliang.support.PhoneFeedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The 成效评估 tab in Chromium against a real server, after the demo meeting was held, closed, its
 * minutes approved and its result rated by two phones: the tables under the charts and a meeting's
 * detail say what evaluation.cmd answers, and ECharts drew every chart.
 */
class EvaluationInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final Set<String> RATES = Set.of("rate", "punctualRate", "speakersShare", "largestShare", "solvedRate",
      "attendanceRate", "satisfactionRate");
  static final Map<String, String> GROUPS = Map.of("people", "attendance", "activity", "activity", "rules", "rules",
      "results", "results", "followUp", "followUp", "satisfaction", "satisfaction");

  BridgeClient staff;

  @BeforeEach
  void signIn() throws Exception {
    staff = server.bridge(server.login("staff"));
  }

  /** Three come (two on time), two speak, one vote passes, the minutes name who is responsible, two phones rate the result. */
  void holdRateAndRecordTheDemoMeeting() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    for (int n = 1; n <= 2; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(3))));
    for (int n = 1; n <= 2; n++) {
      Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(n))));
      Await.result(command(host, "giveFloor", new JsonObject().put("attendeeId", attendee(n))));
      Await.result(command(host, "endSpeech"));
    }
    HeldMeeting.voteAndAnnounce(host, kiosk, "同意建设充电棚", 3);
    String noticeId = HeldMeeting.resultNotice(staff);
    Await.result(command(host, "closeMeeting"));
    PhoneFeedback.rate(server, noticeId, "SATISFIED", null);
    PhoneFeedback.rate(server, noticeId, "UNSATISFIED", "太吵");
    HeldMeeting.approveMinutes(host, new JsonObject().put("feasibility", 4)
        .put("resolution", new JsonObject().put("text", "建设充电棚").put("responsible", "物业公司")));
  }

  JsonObject evaluation(String action, JsonObject params) {
    return Await.result(staff.request(ConsoleAddresses.EVALUATION, params.copy().put("action", action)));
  }

  /** A figure as the page writes it: 0.667 → "66.7%", 0.3 → "30%", 2 → "2", 0.0 → "0", true → "是". */
  static String shown(String field, Object value) {
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    double v = ((Number) value).doubleValue();
    if (RATES.contains(field)) {
      return plain(Math.round(v * 1000) / 10.0) + "%";
    }
    return field.endsWith("Seconds") ? plain(v) + " 秒" : plain(v);
  }

  static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  static List<String> cells(Page page, String rowTestId) {
    return byTestId(page, rowTestId).locator("th, td").allInnerTexts().stream().map(String::strip).toList();
  }

  static List<String> expectedRow(String label, JsonObject totals, String... fields) {
    List<String> row = new ArrayList<>(List.of(label));
    for (String field : fields) {
      row.add(shown(field, totals.getValue(field)));
    }
    return row;
  }

  @Test
  @DisplayName("staff choose dates around a held meeting: the totals, the tables under the drawn charts and the meeting's detail say what evaluation.cmd answers")
  void figuresAsChartsAndTables() throws Exception {
    holdRateAndRecordTheDemoMeeting();
    JsonObject meeting = evaluation("evaluateMeeting", new JsonObject().put("meetingId", DemoData.MEETING_ID)).getJsonObject("evaluation");
    ZoneId zone = ZoneId.systemDefault();
    LocalDate day = Instant.ofEpochMilli(meeting.getLong("startsAt")).atZone(zone).toLocalDate();
    LocalDate from = day.minusDays(1);
    LocalDate to = day.plusDays(1);
    JsonObject period = evaluation("evaluatePeriod", new JsonObject().put("from", from.atStartOfDay(zone).toInstant().toEpochMilli())
        .put("to", to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
    assertEquals(1, period.getJsonArray("meetings").size());

    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-evaluation")).hasText("成效评估", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "console-tab-evaluation").click();
    assertThat(byTestId(page, "evaluation-summary")).containsText("共", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    byTestId(page, "evaluation-period").selectOption("custom");
    byTestId(page, "evaluation-from").fill(from.toString());
    byTestId(page, "evaluation-to").fill(to.toString());
    byTestId(page, "evaluation-show").click();
    assertThat(byTestId(page, "evaluation-summary")).containsText(from + " 至 " + to + "，共 1 场会议");

    JsonObject total = period.getJsonObject("total");
    for (String field : List.of("meetings", "attendanceRate", "punctualRate", "speakersShare", "speeches", "resolved",
        "solvedRate", "satisfactionRate", "ratings")) {
      assertThat(byTestId(page, "evaluation-total-" + field + "-value")).hasText(shown(field, total.getValue(field)));
    }
    assertThat(byTestId(page, "evaluation-total-attendanceRate")).containsText("签到的受邀人数 ÷ 受邀人数");
    assertEquals("30%", shown("attendanceRate", total.getValue("attendanceRate")), "the figures the test reads are the meeting's");
    assertEquals("50%", shown("satisfactionRate", total.getValue("satisfactionRate")));

    JsonArray byQuarter = period.getJsonArray("byQuarter");
    assertThat(byTestId(page, "evaluation-table-quarter").locator("tbody tr")).hasCount(byQuarter.size());
    for (Object q : byQuarter) {
      JsonObject quarter = (JsonObject) q;
      assertEquals(expectedRow(quarter.getString("key"), quarter, "meetings", "attendanceRate", "satisfactionRate"),
          cells(page, "evaluation-quarter-" + quarter.getString("key")));
    }
    JsonArray byGrid = period.getJsonArray("byGrid");
    assertEquals(2, byGrid.size(), "the demo meeting concerns two grids");
    assertThat(byTestId(page, "evaluation-table-grid").locator("tbody tr")).hasCount(byGrid.size());
    for (Object g : byGrid) {
      JsonObject grid = (JsonObject) g;
      List<String> row = cells(page, "evaluation-grid-" + grid.getString("key"));
      assertEquals(expectedRow(row.get(0), grid, "meetings", "attendanceRate", "satisfactionRate"), row);
      assertFalse(row.get(0).equals(grid.getString("key")), "a grid shows by its name: " + row);
    }
    JsonObject activity = meeting.getJsonObject("activity");
    assertEquals(List.of(meeting.getString("title"), "2", "2"), cells(page, "evaluation-meeting-" + DemoData.MEETING_ID));
    assertEquals(List.of(shown("speeches", activity.getValue("speeches")), shown("speakers", activity.getValue("speakers"))),
        List.of("2", "2"));

    for (String chart : List.of("quarter", "grid", "meeting")) {
      Locator canvas = byTestId(page, "evaluation-chart-" + chart).locator("canvas").first();
      canvas.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
      BoundingBox box = canvas.boundingBox();
      assertTrue(box != null && box.width > 100 && box.height > 100, chart + " chart drawn: " + box);
      assertThat(byTestId(page, "evaluation-chart-" + chart)).hasAttribute("aria-label",
          java.util.regex.Pattern.compile(".+：.+"));
    }
    // ECharts painted something: not every pixel of the quarter chart is the same
    assertTrue((Boolean) byTestId(page, "evaluation-chart-quarter").locator("canvas").first().evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
            + "for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 3] !== d[3]) return true; return false; }"));

    byTestId(page, "evaluation-open-" + DemoData.MEETING_ID).click();
    assertThat(byTestId(page, "evaluation-detail")).isVisible(SOON);
    assertThat(byTestId(page, "evaluation-detail-title")).containsText(meeting.getString("title"));
    int checked = 0;
    for (Map.Entry<String, String> group : GROUPS.entrySet()) {
      JsonObject part = meeting.getJsonObject(group.getValue());
      for (String field : part.fieldNames()) {
        assertThat(byTestId(page, "evaluation-f-" + group.getKey() + "-" + field)).hasText(shown(field, part.getValue(field)));
        checked++;
      }
    }
    assertTrue(checked >= 35, "every figure of the evaluation is shown: " + checked);
    assertThat(byTestId(page, "evaluation-f-people-present")).hasText("3");
    assertThat(byTestId(page, "evaluation-f-results-minutesApproved")).hasText("是");
    assertThat(byTestId(page, "evaluation-f-satisfaction-rate")).hasText("50%");

    assertEquals(List.of(), Axe.seriousViolations(page));
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
    assertTrue(browsers.dialogs.isEmpty(), browsers.dialogs.toString());
  }
}
