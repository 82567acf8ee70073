package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * An administrator sets up the community in the console in Chromium: a grid and a room, then a
 * new kiosk and a new room display paired by the code their own pages show, each of which opens
 * its page by itself and shows that it was stopped once revoked.
 */
class CommunityInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
  static final LocatorAssertions.HasTextOptions SOON_TEXT = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

  Page signedInAdmin() {
    Page page = browsers.open(server.baseUrl() + "/console/");
    byTestId(page, "login-user").fill("admin");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    byTestId(page, "console-tab-community").click();
    return page;
  }

  /** The new screen's code once its page shows one. */
  static String codeOn(Page screen) {
    Locator code = byTestId(screen, "pairing-code");
    assertThat(code).hasText(Pattern.compile("^\\d{6}$"), SOON_TEXT);
    return code.textContent();
  }

  @Test
  @DisplayName("an administrator adds a grid and a room, pairs a new kiosk into the room, and the kiosk opens its screen by itself; stopped, it says so")
  void pairAndRevokeAKiosk() {
    Page console = signedInAdmin();
    byTestId(console, "grid-new-name").fill("第四网格");
    byTestId(console, "grid-add").click();
    assertThat(byTestId(console, "grid-list")).containsText("第四网格", SOON);
    byTestId(console, "room-new-name").fill("第二议事室");
    byTestId(console, "room-add").click();
    assertThat(byTestId(console, "room-list")).containsText("第二议事室", SOON);

    Page kiosk = browsers.open(server.baseUrl() + "/kiosk/?pair");
    String code = codeOn(kiosk);
    assertThat(byTestId(kiosk, "report-start")).isHidden();
    byTestId(console, "device-pair-code").fill(code);
    byTestId(console, "device-pair-kind").selectOption("kiosk");
    byTestId(console, "device-pair-name").fill("4号终端");
    byTestId(console, "device-pair-place").selectOption(new SelectOption().setLabel("第二议事室"));
    byTestId(console, "device-pair-submit").click();
    assertThat(byTestId(console, "console-status")).containsText("4号终端", SOON);

    // the kiosk page opens its own screen, the token kept out of the address bar
    assertThat(kiosk).hasURL(Pattern.compile(".*/kiosk/$"), new PageAssertions.HasURLOptions().setTimeout(10_000));
    assertThat(byTestId(kiosk, "report-start")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    assertThat(kiosk.locator("body")).containsText("今天这里还没有安排会议", SOON);
    Locator row = console.locator("[data-testid^='device-row-']").filter(new Locator.FilterOptions().setHasText("4号终端"));
    assertThat(row).containsText("第二议事室");

    row.locator("[data-testid^='device-revoke-']").click();
    assertThat(row.locator("[data-testid^='device-revoke-question-']")).containsText("确定停用");
    row.locator("[data-testid^='device-revoke-confirm-']").click();
    assertThat(byTestId(kiosk, "screen-title")).hasText("本设备已被停用，请联系工作人员", SOON_TEXT);
    assertThat(byTestId(kiosk, "report-start")).isHidden();
    assertThat(row).hasAttribute("data-revoked", "true");
    assertThat(row).containsText("已停用");
    kiosk.reload();
    assertThat(byTestId(kiosk, "screen-title")).hasText("本设备已被停用，请联系工作人员", SOON_TEXT);
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a new screen paired as a room display opens its room, follows it when moved to another room, and says so when stopped")
  void pairMoveAndRevokeARoomDisplay() throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    String roomId = Await.result(admin.request("community.cmd", new JsonObject().put("action", "saveRoom")
        .put("name", "第二议事室"))).getJsonObject("room").getString("id");
    Page screen = browsers.open(server.baseUrl() + "/display/?pair", 1920, 1080);
    JsonObject device = Await.result(admin.request("community.cmd", new JsonObject().put("action", "pairDevice")
        .put("code", codeOn(screen)).put("kind", "roomDisplay").put("name", "议事室二号屏").put("roomId", DemoData.ROOM_ID)))
        .getJsonObject("device");
    assertThat(screen).hasURL(Pattern.compile(".*/display/\\?room=" + DemoData.ROOM_ID + "$"),
        new PageAssertions.HasURLOptions().setTimeout(10_000));
    assertThat(byTestId(screen, "room-name")).hasText("有事好商量协商议事室", SOON_TEXT);

    Await.result(admin.request("community.cmd", new JsonObject().put("action", "moveDevice")
        .put("id", device.getString("id")).put("roomId", roomId)));
    assertThat(screen).hasURL(Pattern.compile(".*/display/\\?room=" + roomId + "$"), new PageAssertions.HasURLOptions().setTimeout(10_000));
    assertThat(byTestId(screen, "room-name")).hasText("第二议事室", SOON_TEXT);

    Await.result(admin.request("community.cmd", new JsonObject().put("action", "revokeDevice").put("id", device.getString("id"))));
    assertThat(byTestId(screen, "revoked")).hasText("本设备已被停用，请联系工作人员", SOON_TEXT);
    assertThat(byTestId(screen, "room-name")).hasCount(0);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
