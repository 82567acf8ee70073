package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoInBrowsers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The console's 会议记录 view in Chromium against a real server, after the demo meeting ran over the
 * bridge (speech, summary, a named vote, close): a host fills in and saves the draft, approves it
 * after the confirmation, finds it locked and adds a correction; staff read it without any way to
 * change it; a save on a version someone else changed meanwhile says so and shows theirs.
 */
class MinutesInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String SUMMARY = "大家都同意在3号楼北侧空地建充电棚，分歧在费用：多数意见是维修基金列支，物业负责日常管理和消防巡查。";
  static final String MOTION = "同意在3号楼北侧空地建设电动自行车集中充电棚，费用由维修基金列支";
  static final String RECORDER = "社区党委办公室工作人员张晓梅（兼任本次会议记录）";
  static final String RESPONSIBLE = "幸福里物业服务中心与3号楼业主代表";
  static final String HOSTILE = "<img src=x onerror=alert(1)>备注：&amp; 不是标记";
  static final String ADDENDUM = "更正：决议中的“北侧空地”应为“北侧自行车棚旁空地”，以街道批复的图纸为准。";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The demo meeting run by the cadre over the bridge: four checked in, one speech, the summary, a named vote, closed. */
  void runDemoMeeting() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    for (int n = 1; n <= 4; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(host, "giveFloor", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(host, "endSpeech"));
    Await.result(command(host, "summarise", new JsonObject().put("text", SUMMARY)));
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", MOTION).put("secret", false)
        .put("walkInsVote", false).put("liveTally", false).put("base", "CAST"))).getString("voteId");
    Map.of(1, "FOR", 2, "FOR", 3, "AGAINST", 4, "FOR").forEach((n, choice) -> Await.result(command(kiosk, "castBallot",
        new JsonObject().put("attendeeId", attendee(n)).put("voteId", voteId).put("choice", choice))));
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    Await.result(command(host, "closeMeeting"));
  }

  Page signedIn(String username) {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill(username);
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-meetings")).isVisible(SOON);
    return page;
  }

  /** The minutes opened from the closed meeting's row in 会议安排. */
  Locator minutesFromMeetings(Page page) {
    byTestId(page, "console-tab-meetings").click();
    byTestId(page, "meeting-minutes-" + DemoData.MEETING_ID).click();
    Locator view = byTestId(page, "meetings-tab").getByTestId("minutes-view");
    assertThat(view.getByTestId("minutes-view-status")).isVisible(SOON);
    return view;
  }

  JsonObject stored() {
    return Await.result(server.app.db().mongo().findOne("minutes", new JsonObject().put("_id", DemoData.MEETING_ID), null));
  }

  @Test
  @DisplayName("a host fills in the drafted minutes and saves them, approves them after the confirmation, finds them locked and adds a correction under their name")
  void hostEditsApprovesAndCorrects() throws Exception {
    runDemoMeeting();
    Page page = signedIn("cadre");
    Locator view = minutesFromMeetings(page);
    assertThat(view.getByTestId("minutes-view-status")).hasText("草稿");
    assertThat(view.getByTestId("minutes-view-title")).hasText("仓后街社区红色邻里议事会");
    assertThat(view.getByTestId("minutes-summary").first()).hasValue(SUMMARY);
    assertThat(view.getByTestId("minutes-view-vote")).hasCount(1);
    assertThat(view.getByTestId("minutes-view-vote")).containsText(MOTION);
    assertThat(view.getByTestId("minutes-view-vote")).containsText("记名表决");
    assertThat(view.getByTestId("minutes-view-vote")).containsText("通过。赞成 3 票，反对 1 票，弃权 0 票");
    assertThat(view.getByTestId("minutes-view-print")).hasAttribute("href", "/console/minutes.html?meeting=" + DemoData.MEETING_ID);
    assertThat(view.getByTestId("minutes-view-print")).hasAttribute("target", "_blank");

    view.getByTestId("minutes-recorder").fill(RECORDER);
    view.getByTestId("minutes-responsible").first().fill(RESPONSIBLE);
    view.getByTestId("minutes-due").first().fill("2026-03-31");
    view.getByTestId("minutes-notes").fill(HOSTILE);
    view.getByTestId("minutes-save").click();
    assertThat(view.getByTestId("minutes-view-notice")).hasText("已保存。");
    JsonObject saved = stored();
    assertEquals(2, saved.getInteger("version"));
    assertEquals(RECORDER, saved.getString("recorder"));
    assertEquals(HOSTILE, saved.getString("notes"));
    JsonObject resolution = saved.getJsonArray("matters").getJsonObject(0).getJsonObject("resolution");
    assertEquals(RESPONSIBLE, resolution.getString("responsible"));
    assertEquals("通过：" + MOTION, resolution.getString("text"), "the drafted resolution is kept as it was");
    assertEquals(LocalDate.of(2026, 3, 31), Instant.ofEpochMilli(resolution.getLong("dueAt")).atZone(ZONE).toLocalDate());
    assertEquals(SUMMARY, saved.getJsonArray("matters").getJsonObject(0).getString("summary"));

    view.getByTestId("minutes-approve").click();
    assertThat(view.getByTestId("minutes-approve-question")).containsText("锁定");
    view.getByTestId("minutes-approve-cancel").click();
    assertThat(view.getByTestId("minutes-approve-question")).hasCount(0);
    assertEquals("DRAFT", stored().getString("status"), "cancelled: nothing approved");
    view.getByTestId("minutes-approve").click();
    view.getByTestId("minutes-approve-confirm").click();
    assertThat(view.getByTestId("minutes-view-status")).hasText("已审定");
    assertThat(view.getByTestId("minutes-view-approved")).containsText("王主任（社区）");
    assertEquals("APPROVED", stored().getString("status"));

    assertThat(view.getByTestId("minutes-save")).hasCount(0);
    assertThat(view.getByTestId("minutes-approve")).hasCount(0);
    assertThat(view.locator("input")).hasCount(0);
    assertThat(view.locator("textarea")).hasCount(1);
    assertEquals("P", view.getByTestId("minutes-recorder").evaluate("el => el.tagName"));
    assertThat(view.getByTestId("minutes-recorder")).hasText(RECORDER);
    assertThat(view.getByTestId("minutes-notes")).hasText(HOSTILE);
    assertThat(view.getByTestId("minutes-due").first()).hasText("2026-03-31");
    assertThat(view.getByTestId("minutes-view-hint")).containsText("已审定");

    view.getByTestId("minutes-addendum").fill(ADDENDUM);
    view.getByTestId("minutes-addendum-add").click();
    assertThat(view.getByTestId("minutes-addendum-item")).hasCount(1);
    assertThat(view.getByTestId("minutes-addendum-item")).containsText(ADDENDUM);
    assertThat(view.getByTestId("minutes-addendum-item")).containsText("王主任（社区）");
    assertEquals(ADDENDUM, stored().getJsonArray("addenda").getJsonObject(0).getString("text"));
    assertThat(view.getByTestId("minutes-addendum")).hasValue("");
    assertThat(view.getByTestId("minutes-recorder")).hasText(RECORDER);

    assertTrue(browsers.dialogs.isEmpty(), "no script ran from the minutes' text: " + browsers.dialogs);
    List<String> serious = Axe.seriousViolations(page);
    assertTrue(serious.isEmpty(), String.join("\n", serious));
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }

  @Test
  @DisplayName("staff, not a host, read the minutes from 档案 and from 会议安排 with no way to change or approve them")
  void staffReadOnly() throws Exception {
    runDemoMeeting();
    Page page = signedIn("staff");
    byTestId(page, "console-tab-archive").click();
    byTestId(page, "archive-meeting-" + DemoData.MEETING_ID).click();
    byTestId(page, "archive-meeting-minutes").click();
    Locator view = byTestId(page, "archive-tab").getByTestId("minutes-view");
    assertThat(view.getByTestId("minutes-view-status")).hasText("草稿", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(view.getByTestId("minutes-view-hint")).containsText("只有本次会议的主持人");
    assertEquals("P", view.getByTestId("minutes-summary").first().evaluate("el => el.tagName"));
    assertThat(view.getByTestId("minutes-summary").first()).hasText(SUMMARY);
    assertThat(view.getByTestId("minutes-view-vote")).containsText(MOTION);
    assertThat(view.getByTestId("minutes-save")).hasCount(0);
    assertThat(view.getByTestId("minutes-approve")).hasCount(0);
    assertThat(view.locator("input, textarea")).hasCount(0);
    assertThat(view.getByTestId("minutes-view-print")).hasAttribute("href", "/console/minutes.html?meeting=" + DemoData.MEETING_ID);

    Locator fromPlan = minutesFromMeetings(page);
    assertThat(fromPlan.getByTestId("minutes-save")).hasCount(0);
    assertThat(fromPlan.getByTestId("minutes-summary").first()).hasText(SUMMARY);
    List<String> serious = Axe.seriousViolations(page);
    assertTrue(serious.isEmpty(), String.join("\n", serious));
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }

  @Test
  @DisplayName("a save on minutes the other host changed meanwhile says so, changes nothing of theirs and shows their text")
  void staleSaveReloads() throws Exception {
    runDemoMeeting();
    Page page = signedIn("cadre");
    Locator view = minutesFromMeetings(page);
    BridgeClient grid = server.bridge(server.login("grid"));
    Await.result(grid.request(ConsoleAddresses.MINUTES, new JsonObject().put("action", "editMinutes")
        .put("meetingId", DemoData.MEETING_ID).put("version", 1).put("recorder", "李网格员")));

    view.getByTestId("minutes-recorder").fill(RECORDER);
    view.getByTestId("minutes-save").click();
    assertThat(view.getByTestId("minutes-view-notice")).containsText("有别人修改了");
    assertThat(view.getByTestId("minutes-recorder")).hasValue("李网格员");
    assertEquals("李网格员", stored().getString("recorder"));
    assertEquals(2, stored().getInteger("version"));
    assertThat(byTestId(page, "console-error")).isHidden();

    view.getByTestId("minutes-recorder").fill(RECORDER);
    view.getByTestId("minutes-save").click();
    assertThat(view.getByTestId("minutes-view-notice")).hasText("已保存。");
    assertEquals(RECORDER, stored().getString("recorder"));
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }
}
