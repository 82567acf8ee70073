package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/** The 档案 tab in Chromium against a real server, after the demo meeting was held and closed. */
class ArchiveInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String MOTION = "同意按楼层分摊加装电梯费用";

  TestServer server;
  Browsers browsers;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    holdAndCloseDemoMeeting();
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  /** One attendee checks in, speaks and votes for a named motion; the meeting is closed. */
  void holdAndCloseDemoMeeting() throws Exception {
    BridgeClient cadre = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    JsonObject one = new JsonObject().put("attendeeId", attendee(1));
    Await.result(command(cadre, "openMeeting"));
    Await.result(command(kiosk, "checkIn", one));
    Await.result(command(kiosk, "raiseHand", one));
    Await.result(command(cadre, "giveFloor"));
    Await.result(command(cadre, "endSpeech"));
    String voteId = Await.result(command(cadre, "openVote", new JsonObject().put("motion", MOTION).put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST"))).getString("voteId");
    Await.result(command(kiosk, "castBallot", one.copy().put("voteId", voteId).put("choice", "FOR")));
    Await.result(command(cadre, "closeVote"));
    Await.result(command(cadre, "announceResult"));
    Await.result(command(cadre, "closeMeeting"));
  }

  @Test
  @DisplayName("staff open 档案, find the closed demo meeting by a word of its title and open its record")
  void findAndOpenAClosedMeeting() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-archive")).hasText("档案", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "console-tab-archive").click();
    assertThat(byTestId(page, "archive-meeting-" + DemoData.MEETING_ID)).isVisible(SOON);

    byTestId(page, "archive-meetings-text").fill("垃圾分类");
    byTestId(page, "archive-meetings-search").click();
    assertThat(byTestId(page, "archive-meetings-empty")).isVisible(SOON);

    byTestId(page, "archive-meetings-text").fill("邻里");
    byTestId(page, "archive-meetings-search").click();
    byTestId(page, "archive-meeting-" + DemoData.MEETING_ID).click();

    assertThat(byTestId(page, "archive-meeting-title")).hasText("仓后街社区红色邻里议事会");
    assertThat(byTestId(page, "archive-meeting-attendance")).containsText("实到 1 人");
    assertThat(byTestId(page, "archive-meeting-people")).containsText("张书记");
    assertThat(byTestId(page, "archive-meeting-votes")).containsText(MOTION);
    assertThat(byTestId(page, "archive-meeting-votes")).containsText(Pattern.compile("通过.*同意 1"));
    assertThat(byTestId(page, "archive-matter-00000000000000000000c001")).containsText("发言 1 次");
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
    assertTrue(browsers.dialogs.isEmpty(), browsers.dialogs.toString());
  }
}
