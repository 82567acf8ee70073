package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.shangliang.support.DemoRoom.command;
import static org.shangliang.support.DemoRoom.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The host console and the room display keep the meeting's rules in view: the quorum and a reason
 * to go on below it, each vote starting from its matter's rules, and an end that asks first and
 * leaves no control that can no longer act.
 */
class MeetingRulesInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient sharedKiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.startWithDemoQuorum();
    browsers = new Browsers();
    sharedKiosk = server.bridge(server.token("Kiosk 3"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  @Test
  @DisplayName("below the quorum the console asks for a reason; the display shows 已投 x / 应投 y, then 未达法定人数 beside the result")
  void quorumOverrideInTheRoom() {
    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    Page host = signedInHost();
    byTestId(host, "open-meeting").click();
    checkIn(1, 2, 3, 4);
    assertThat(byTestId(host, "presence-quorum")).hasAttribute("data-met", "false");

    byTestId(host, "vote-motion").fill("同意电动车充电棚建在3号楼北侧");
    byTestId(host, "vote-open").click();
    assertThat(byTestId(host, "quorum-ask")).isVisible(SOON);
    assertThat(byTestId(host, "quorum-message")).containsText("未达到法定人数");
    assertThat(byTestId(display, "tally-cast")).not().isVisible();
    byTestId(host, "quorum-override").click(); // no reason yet: nothing is sent
    assertThat(byTestId(host, "vote-cast")).not().isVisible();
    byTestId(host, "quorum-reason").fill("暴雨天气，一位代表请假，到会代表同意照常表决");
    byTestId(host, "quorum-override").click();

    assertThat(byTestId(host, "vote-cast")).containsText("应投 4 人", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(host, "quorum-ask")).isHidden();
    assertThat(byTestId(display, "tally-cast")).containsText("已投 0 票 / 应投 4 人");
    String voteId = Await.result(command(sharedKiosk, "snapshot")).getJsonObject("meeting").getJsonObject("vote").getString("id");
    for (int n = 1; n <= 3; n++) {
      Await.result(command(sharedKiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n))
          .put("voteId", voteId).put("choice", "FOR")));
    }
    assertThat(byTestId(display, "tally-cast")).containsText("已投 3 票 / 应投 4 人");
    byTestId(host, "vote-close").click();
    byTestId(host, "announce").click();
    assertThat(byTestId(display, "outcome")).isVisible(SOON);
    assertThat(byTestId(display, "outcome-below-quorum")).containsText("未达法定人数");
    assertThat(byTestId(display, "outcome-below-quorum")).containsText("暴雨天气");
    assertThat(byTestId(host, "vote-below-quorum")).containsText("暴雨天气");
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
  }

  @Test
  @DisplayName("each new vote starts from its matter's rules; a secret vote cannot be given a live tally")
  void voteFormStartsFromTheMatter() {
    Page host = signedInHost();
    byTestId(host, "open-meeting").click();
    checkIn(1, 2, 3, 4, 5);
    assertThat(byTestId(host, "vote-secret")).not().isChecked();
    assertThat(byTestId(host, "vote-live")).isChecked();

    byTestId(host, "vote-secret").check();
    assertThat(byTestId(host, "vote-live")).isDisabled();
    assertThat(byTestId(host, "vote-live")).not().isChecked();
    assertThat(byTestId(host, "vote-live-hint")).isVisible();
    byTestId(host, "vote-motion").fill("同意加装电梯费用按楼层分摊");
    byTestId(host, "vote-open").click();
    assertThat(byTestId(host, "vote-close")).isVisible(SOON);
    byTestId(host, "vote-close").click();
    byTestId(host, "announce").click();
    assertThat(byTestId(host, "announced")).isVisible(SOON);

    // Same matter, next vote: back to the matter's rules (named, live), not the last vote's choices.
    assertThat(byTestId(host, "vote-secret")).not().isChecked();
    assertThat(byTestId(host, "vote-live")).isEnabled();
    assertThat(byTestId(host, "vote-live")).isChecked();

    // 楼道堆物清理 is a secret vote by its own rules.
    byTestId(host, "goto-matter-1").click();
    assertThat(byTestId(host, "vote-secret")).isChecked(new LocatorAssertions.IsCheckedOptions().setTimeout(10_000));
    assertThat(byTestId(host, "vote-live")).isDisabled();
  }

  @Test
  @DisplayName("ending the meeting waits for the speech and the vote, asks first, and then leaves nothing that cannot act")
  void endingTheMeeting() {
    Page host = signedInHost();
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    Page idleKiosk = browsers.open(server.url("Kiosk 2"));
    byTestId(host, "open-meeting").click();
    checkIn(1, 2, 3, 4);
    byTestId(kiosk, "checkin-00000000000000000000d008").click();
    byTestId(kiosk, "iam-confirm").click();
    byTestId(kiosk, "raise-hand").click();
    Await.result(command(sharedKiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    assertThat(byTestId(host, "queue-00000000000000000000d001")).isVisible(SOON);
    byTestId(host, "give-floor-00000000000000000000d001").click();

    assertThat(byTestId(host, "close-meeting")).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(10_000));
    assertThat(byTestId(host, "close-meeting-why")).containsText("正在发言");
    byTestId(host, "end-speech").click();
    assertThat(byTestId(host, "close-meeting")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(10_000));

    byTestId(host, "close-meeting").click();
    assertThat(byTestId(host, "close-meeting-hands")).containsText("1 人举手");
    byTestId(host, "close-meeting-no").click();
    assertThat(byTestId(host, "meeting-status")).hasAttribute("data-status", "OPEN");
    byTestId(host, "close-meeting").click();
    byTestId(host, "close-meeting-yes").click();

    assertThat(byTestId(host, "meeting-status")).hasAttribute("data-status", "CLOSED");
    assertThat(byTestId(host, "meeting-ended")).isVisible();
    assertThat(byTestId(host, "queue-closed")).isVisible();
    assertEquals(0, byTestId(host, "give-floor-next").count());
    assertEquals(0, host.locator("[data-testid^='goto-matter-']").count());
    assertThat(byTestId(host, "vote-open")).isHidden();
    assertThat(byTestId(kiosk, "raise-hand")).isHidden();
    assertThat(byTestId(kiosk, "queue-position")).isHidden();
    assertThat(byTestId(idleKiosk, "screen-title")).hasText("本次议事会已结束");
    assertEquals(0, idleKiosk.locator("[data-testid^='checkin-']").count(), "no check-in once the meeting has ended");
    assertThat(byTestId(idleKiosk, "report-start")).isVisible();
    assertTrue(browsers.dialogs.isEmpty(), "asks in the page, not in a browser dialog: " + browsers.dialogs);
  }

  Page signedInHost() {
    return browsers.signedInHost(server.url("Host console"), "cadre");
  }

  void checkIn(int... attendees) {
    for (int n : attendees) {
      Await.result(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
  }
}
