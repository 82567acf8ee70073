package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.command;

/**
 * The console's 会议公示 panel in a real Chromium: staff post a meeting's plan, and later its
 * process, in one click, and the board of a grid the meeting concerns shows it with its kind.
 */
class MeetingPublicityInBrowsersTest extends DemoInBrowsers {
  static final String MEETING = DemoData.MEETING_ID;
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.ContainsTextOptions SOON_TEXT = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  Page signedInStaff() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "meeting-notice-row-" + MEETING)).isVisible(SOON);
    return page;
  }

  Page board1() {
    Page page = browsers.open(server.url("Notice board 1"), 1920, 1080);
    assertThat(byTestId(page, "display-name")).containsText("1号公示栏", SOON_TEXT);
    return page;
  }

  static Locator card(Page page, String noticeId) {
    return page.locator("[data-testid='signage-notice'][data-notice-id='" + noticeId + "']");
  }

  @Test
  @DisplayName("staff post the meeting plan from the console, board 1 shows it as 议事方案; posting again updates it; after the meeting the process is posted the same way")
  void planAndProcessFromTheConsole() throws Exception {
    Page board = board1();
    Page console = signedInStaff();
    Locator row = byTestId(console, "meeting-notice-row-" + MEETING);
    assertThat(row).containsText("仓后街社区红色邻里议事会");
    assertThat(byTestId(console, "meeting-plan-state-" + MEETING)).containsText("议事方案未公示");

    byTestId(console, "meeting-plan-" + MEETING).click();
    Locator state = byTestId(console, "meeting-plan-state-" + MEETING);
    assertThat(state).containsText("议事方案已公示", SOON_TEXT);
    String noticeId = state.getAttribute("data-notice-id");
    assertThat(byTestId(console, "notice-editor").locator("[data-testid='notice-kind']")).hasValue("PLAN");

    Locator shown = card(board, noticeId);
    assertThat(shown).isVisible(SOON);
    assertThat(shown.locator(".notice-card__kind")).hasText("议事方案");
    assertThat(shown.locator("[data-testid='notice-title']")).hasText("议事方案公示：仓后街社区红色邻里议事会");
    assertThat(shown.locator("[data-testid='notice-body']")).containsText("有事好商量协商议事室");
    assertThat(shown.locator("[data-testid='notice-body']")).containsText("老旧小区加装电梯费用分摊方案");

    assertThat(byTestId(console, "meeting-plan-" + MEETING)).hasText("更新议事方案", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(console, "meeting-plan-" + MEETING).click();
    assertThat(byTestId(console, "notice-history").locator("li")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    assertThat(byTestId(console, "notice-history")).containsText("由会议安排生成并发布（议事方案）");
    assertThat(console.locator("[data-testid^='notice-row-']").filter(new Locator.FilterOptions()
        .setHasText("议事方案公示：仓后街社区红色邻里议事会"))).hasCount(1);

    BridgeClient host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
    Await.result(command(host, "openMeeting"));
    Await.result(command(host, "closeMeeting"));
    Locator process = byTestId(console, "meeting-process-" + MEETING);
    assertThat(process).isVisible(SOON); // the panel reads the meetings again with the next overview
    process.click();
    Locator processState = byTestId(console, "meeting-process-state-" + MEETING);
    assertThat(processState).containsText("议事过程已公示", SOON_TEXT);
    Locator processCard = card(board, processState.getAttribute("data-notice-id"));
    assertThat(processCard).isVisible(SOON);
    assertThat(processCard.locator(".notice-card__kind")).hasText("议事过程");
    assertThat(processCard.locator("[data-testid='notice-body']")).containsText("本次会议讨论议题 0 项");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
    assertEquals(List.of(), browsers.dialogs);
  }
}
