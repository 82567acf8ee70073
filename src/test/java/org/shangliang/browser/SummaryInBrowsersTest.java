package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.Layout;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * 主持人先总结 in Chromium: the host writes the summary of the current matter on the host console,
 * and the room display shows it, whole and unclipped at 1920×1080 and 1280×720, while it is read.
 */
class SummaryInBrowsersTest extends DemoInBrowsers {
  /** 300 characters, as a host sums up an evening's discussion, repeats and all. */
  static final String SUMMARY = "刚才大家围绕3号楼、5号楼加装电梯的事谈得很充分，我把主要意见归纳一下。"
      + "第一，绝大多数住户赞成加装电梯，特别是家里有老人、行动不便的，盼了好多年了；"
      + "第二，费用按楼层分摊，楼层越高出得越多，一楼住户不出钱，这一点大家基本认可，二楼住户希望再少一点；"
      + "第三，低保户和特困户的费用由社区协调减免，具体名单公示七天，没有异议再定；"
      + "第四，施工期间要保证大家正常出行，楼道口要有人看着，噪声大的活只在白天干，周末不施工；"
      + "第五，电梯建好以后的电费和维保费用，由使用电梯的住户按户分摊，物业公司每个月公开账目。"
      + "如果大家没有新的意见，我们就按这个方案进行表决，同意的请按赞成，不同意的请按反对，拿不准的也可以弃权。谢谢！";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.IsHiddenOptions GONE = new LocatorAssertions.IsHiddenOptions().setTimeout(10_000);


  static void assertFits(Page page, String moment) {
    String at = moment + " at " + page.viewportSize().width + "x" + page.viewportSize().height;
    List<String> problems = Layout.problems(page);
    assertTrue(problems.isEmpty(), at + ": " + problems);
    assertEquals(List.of(), Axe.seriousViolations(page), at + ": axe-core");
  }

  static String shown(Page page) {
    return byTestId(page, "summary-text").textContent();
  }

  JsonObject storedSummary() {
    JsonObject meeting = Await.result(server.app.db().mongo().findOne(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID), null));
    return meeting.getJsonArray("agenda").getJsonObject(0).getJsonObject("summary");
  }

  @Test
  @DisplayName("a 300-character summary saved on the host console is shown whole on the room display at 1920×1080 and 1280×720, and 清除 takes it off")
  void summaryReachesTheRoom() throws Exception {
    assertEquals(300, SUMMARY.length());
    Page big = browsers.open(server.url("Room display"), 1920, 1080);
    Page small = browsers.open(server.url("Room display"), 1280, 720);
    Page host = browsers.signedInHost(server.url("Host console"), "cadre");
    assertThat(byTestId(host, "summary-panel")).isHidden();

    byTestId(host, "open-meeting").click();
    assertThat(byTestId(host, "summary-panel")).isVisible(SOON);
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "none");
    byTestId(host, "summary-text").fill(SUMMARY);
    assertThat(byTestId(host, "summary-count")).hasText("300 / 1000 字");
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "dirty");
    byTestId(host, "summary-save").click();
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "saved");
    assertThat(byTestId(host, "summary-state")).containsText("已保存");
    assertThat(byTestId(host, "summary-state")).containsText("王主任（社区）");
    assertEquals(List.of(), Axe.seriousViolations(host), "host console: axe-core");
    assertEquals(SUMMARY, storedSummary().getString("text"));

    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "summary")).isVisible(SOON);
      assertEquals(SUMMARY, shown(page), "the whole summary on one page at " + page.viewportSize().width);
      assertThat(byTestId(page, "summary-page")).isHidden();
      assertThat(byTestId(page, "speaker")).isHidden();
      assertFits(page, "the summary");
    }
    // A reload finds the saved summary again in the field.
    host.reload();
    assertThat(byTestId(host, "summary-text")).hasValue(SUMMARY, new LocatorAssertions.HasValueOptions().setTimeout(10_000));

    byTestId(host, "summary-clear").click();
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "none");
    assertThat(byTestId(host, "summary-text")).hasValue("");
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "summary")).isHidden(GONE);
      assertThat(byTestId(page, "speaker")).hasText("暂无人发言");
    }
    assertNull(storedSummary());
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a 1000-character summary pages on the 1280×720 display without clipping, each page going on where the last one stopped")
  void longSummaryPages() throws Exception {
    String thousand = (SUMMARY + SUMMARY + SUMMARY + SUMMARY).substring(0, 1000);
    BridgeClient cadre = server.bridge(server.login("cadre"));
    Await.result(command(cadre, "openMeeting"));
    Await.result(command(cadre, "summarise", new JsonObject().put("text", thousand)));
    Page big = browsers.open(server.url("Room display"), 1920, 1080);
    Page small = browsers.open(server.url("Room display"), 1280, 720);
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "summary")).isVisible(SOON);
      assertFits(page, "a 1000-character summary");
    }
    assertThat(byTestId(small, "summary-page")).hasText(java.util.regex.Pattern.compile("^第 1 / [2-9] 页$"));
    String first = shown(small);
    assertTrue(thousand.startsWith(first), "the first page starts the summary: " + first);
    assertThat(byTestId(small, "summary-page")).hasText(java.util.regex.Pattern.compile("^第 2 / [2-9] 页$"),
        new LocatorAssertions.HasTextOptions().setTimeout(25_000));
    String second = shown(small);
    assertTrue(thousand.startsWith(first + second), "the second page goes on from the first: " + second);
    assertFits(small, "the second page");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the summary gives way to a speaker, comes back after the speech, and leaves the screen to the motion once the vote opens")
  void summaryFollowsTheMatter() throws Exception {
    BridgeClient cadre = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    Await.result(command(cadre, "openMeeting"));
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(cadre, "summarise", new JsonObject().put("text", SUMMARY)));
    Page big = browsers.open(server.url("Room display"), 1920, 1080);
    Page small = browsers.open(server.url("Room display"), 1280, 720);
    assertThat(byTestId(big, "summary")).isVisible(SOON);

    Await.result(command(cadre, "giveFloor"));
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "countdown")).isVisible(SOON);
      assertThat(byTestId(page, "summary")).isHidden();
    }
    Await.result(command(cadre, "endSpeech"));
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "summary")).isVisible(SOON);
    }
    String voteId = Await.result(command(cadre, "openVote", new JsonObject().put("motion", "同意按楼层分摊加装电梯费用")
        .put("secret", false).put("walkInsVote", false).put("liveTally", true).put("base", "CAST"))).getString("voteId");
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "motion")).isVisible(SOON);
      assertThat(byTestId(page, "summary")).isHidden(GONE);
      assertFits(page, "the open vote");
    }
    Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(1)).put("voteId", voteId).put("choice", "FOR")));
    Await.result(command(cadre, "closeVote"));
    Await.result(command(cadre, "announceResult"));
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "verdict")).isVisible(SOON);
      assertThat(byTestId(page, "summary")).isHidden(GONE);
      assertFits(page, "the announced verdict");
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the grid worker, the meeting's other host, saves the summary on the console; the staff account is refused over the bridge and an over-long summary is refused, both changing nothing")
  void onlyHostsSummarise() throws Exception {
    Page host = browsers.signedInHost(server.url("Host console"), "grid");
    byTestId(host, "open-meeting").click();
    byTestId(host, "summary-text").fill(SUMMARY);
    byTestId(host, "summary-save").click();
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "saved");
    assertEquals(SUMMARY, storedSummary().getString("text"));

    BridgeClient staff = server.bridge(server.login("staff"));
    Await.failure(command(staff, "summarise", new JsonObject().put("text", "工作人员改写的总结")), "FORBIDDEN");
    Await.failure(command(staff, "summarise", new JsonObject().put("text", "")), "FORBIDDEN");
    BridgeClient cadre = server.bridge(server.login("cadre"));
    Await.failure(command(cadre, "summarise", new JsonObject().put("text", "长".repeat(1001))), "BAD_REQUEST");
    Await.failure(command(cadre, "summarise", new JsonObject().put("text", SUMMARY).put("extra", 1)), "BAD_REQUEST");
    assertEquals(SUMMARY, storedSummary().getString("text"));
    assertThat(byTestId(host, "summary-state")).hasAttribute("data-state", "saved");
    assertEquals(List.of(), Axe.seriousViolations(host), "host console: axe-core");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
