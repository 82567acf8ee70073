package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.Axe;
import org.shangliang.support.Layout;
import org.shangliang.support.TestServer;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The room display at its real sizes (1920×1080 and 1280×720) with long real content: every text
 * fits its box and the screen, the verdict with its reason included; the speech's end is shown.
 */
class RoomDisplayFitInBrowsersTest {
  /** 60 characters, as a host types a motion that says everything. */
  static final String MOTION = "同意在3号楼和5号楼各加装一部电梯，费用按楼层分摊，一楼住户不承担费用，低保户由社区协调减免，施工期间保证居民正常出行。";
  /** 40 characters. */
  static final String MATTER = "关于仓后街3号楼、5号楼加装电梯的费用分摊方案及施工期间住户出行与安全保障的措施";
  static final String OVERRIDE = "暴雨红色预警，三位代表因交通中断无法到场，已电话表示同意照常表决；施工队已进场待命，延期将增加费用，"
      + "到会代表一致同意今天照常表决，结果在公示期内接受全体居民监督";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient host;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.startWithDemoQuorum();
    browsers = new Browsers();
    host = server.bridge(server.login("cadre"));
    kiosk = server.bridge(server.token("Kiosk 3"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  void setMatter(JsonObject set) {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID), new JsonObject().put("$set", set)));
  }

  static void assertFits(Page page, String moment) {
    List<String> problems = Layout.problems(page);
    String at = moment + " at " + page.viewportSize().width + "x" + page.viewportSize().height;
    assertTrue(problems.isEmpty(), at + ": " + problems);
    assertEquals(List.of(), Axe.seriousViolations(page), at + ": axe-core");
  }

  @Test
  @DisplayName("with a 60-character motion, a 40-character matter and a long reason to vote below the quorum, no text of the room display is clipped or off screen at 1920×1080 and 1280×720, the verdict included")
  void longContentFits() throws Exception {
    assertEquals(60, MOTION.length());
    assertEquals(40, MATTER.length());
    setMatter(new JsonObject().put("agenda.0.title", MATTER));
    Await.result(command(host, "openMeeting"));
    for (int n = 1; n <= 4; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
      Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(command(host, "giveFloor"));
    Page big = browsers.open(server.url("Room display"), 1920, 1080);
    Page small = browsers.open(server.url("Room display"), 1280, 720);
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "current-matter")).hasText(MATTER, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
      assertThat(byTestId(page, "countdown")).isVisible();
      assertFits(page, "a speech");
    }
    // 正在商议, 正在发言 and 下一位发言 are at least 32 px on the 1080p screen.
    Number smallestLabel = (Number) big.evaluate("() => Math.min(...[...document.querySelectorAll('.label')]"
        + ".filter((l) => l.offsetParent).map((l) => parseFloat(getComputedStyle(l).fontSize)))");
    assertTrue(smallestLabel.doubleValue() >= 32, "labels at " + smallestLabel + " px");

    Await.result(command(host, "endSpeech"));
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", MOTION).put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST").put("quorumOverride", OVERRIDE))).getString("voteId");
    for (int n = 1; n <= 3; n++) {
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n)).put("voteId", voteId)
          .put("choice", n == 3 ? "AGAINST" : "FOR")));
    }
    for (Page page : List.of(big, small)) {
      // 已投 x / 应投 y while the vote is open.
      assertThat(byTestId(page, "tally-cast")).hasText("已投 3 票 / 应投 4 人", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
      assertThat(byTestId(page, "motion")).hasText(MOTION);
      assertFits(page, "an open vote");
    }

    Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(4)).put("voteId", voteId).put("choice", "FOR")));
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    for (Page page : List.of(big, small)) {
      assertThat(byTestId(page, "verdict")).hasText("通过", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
      assertThat(byTestId(page, "outcome-below-quorum")).containsText(OVERRIDE);
      assertFits(page, "the announced verdict");
      for (String part : List.of("verdict", "verdict-reason", "outcome-below-quorum", "motion")) {
        assertTrue(Layout.inside(page, "[data-testid='" + part + "']"), part + " is on screen");
      }
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  /** Records, in the page, when the speaker block first and last said 发言时间到, and with which name. */
  static final String WATCH_TIME_UP = "() => { window.timeUp = { first: null, last: null, names: [] };"
      + " setInterval(() => { const state = document.querySelector('[data-testid=speaker-state]');"
      + "   if (state && state.textContent === '发言时间到' && state.offsetParent) { const now = Date.now();"
      + "     window.timeUp.first = window.timeUp.first || now; window.timeUp.last = now;"
      + "     window.timeUp.names.push(document.querySelector('[data-testid=speaker]').textContent); } }, 50); }";

  @Test
  @DisplayName("a speech that runs out by itself keeps 发言时间到 with the speaker's name on the room display for at least 3 s, after its last 30 s were said in words")
  void timeUpIsHeld() throws Exception {
    setMatter(new JsonObject().put("agenda.0.speechSeconds", 3));
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    assertThat(byTestId(display, "current-matter")).isVisible(SOON);
    display.evaluate(WATCH_TIME_UP);
    Await.result(command(host, "giveFloor"));
    assertThat(byTestId(display, "countdown")).isVisible(SOON);
    String name = byTestId(display, "speaker").textContent();
    assertEquals("张书记", name);

    assertThat(byTestId(display, "speaker-state")).hasText(java.util.regex.Pattern.compile("^还剩[1-3]秒，请准备结束$"),
        new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    assertThat(display.locator(".speaker-block[data-state='warning']")).hasCount(1);
    assertThat(byTestId(display, "speaker")).hasText("暂无人发言", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
    JsonObject seen = new JsonObject(String.valueOf(display.evaluate("() => JSON.stringify(window.timeUp)")));
    assertTrue(seen.getValue("first") != null, "发言时间到 was never shown");
    long held = seen.getLong("last") - seen.getLong("first");
    assertTrue(held >= 3000, "发言时间到 shown for only " + held + " ms");
    assertTrue(seen.getJsonArray("names").stream().allMatch(name::equals), "the speaker's name stays with it: " + seen);
    assertTrue(Layout.problems(display).isEmpty(), "layout: " + Layout.problems(display));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
