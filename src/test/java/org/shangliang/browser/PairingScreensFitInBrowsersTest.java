package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.Layout;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The screens a new or stopped device shows, at every size such a device has: the pairing code of
 * a kiosk and of a display, and what each says once staff stop it. No text is clipped or off
 * screen, nothing needs scrolling, and axe-core finds nothing serious, in Chinese.
 */
class PairingScreensFitInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

  static void assertFits(Page page, String screen) {
    String at = screen + " at " + page.viewportSize().width + "x" + page.viewportSize().height;
    assertEquals(List.of(), Layout.problems(page), at + ": layout");
    assertEquals(List.of(), Axe.seriousViolations(page), at + ": axe-core");
    Object sizes = page.evaluate("() => [document.documentElement.scrollWidth <= innerWidth, document.documentElement.scrollHeight <= innerHeight]");
    assertEquals(List.of(true, true), sizes, at + ": the page scrolls");
  }

  /** The code the screen shows, once it shows one. */
  static String code(Page screen) {
    assertThat(byTestId(screen, "pairing-code")).hasText(java.util.regex.Pattern.compile("^\\d{6}$"), SOON);
    return byTestId(screen, "pairing-code").textContent();
  }

  JsonObject pair(BridgeClient admin, String code, JsonObject device) {
    return Await.result(admin.request("community.cmd", device.copy().put("action", "pairDevice").put("code", code)))
        .getJsonObject("device");
  }

  void revoke(BridgeClient admin, JsonObject device) {
    Await.result(admin.request("community.cmd", new JsonObject().put("action", "revokeDevice").put("id", device.getString("id"))));
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("a kiosk's pairing code and its stopped screen fit the kiosk, big and clear")
  void kioskPairingFits(int width, int height) throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    Page kiosk = browsers.open(server.baseUrl() + "/kiosk/?pair", width, height);
    String code = code(kiosk);
    assertFits(kiosk, "the kiosk's pairing code");
    assertEquals(List.of(), kiosk.evaluate(KioskAccessibilityTest.probe()), "the kiosk's pairing code");

    JsonObject device = pair(admin, code, new JsonObject().put("kind", "kiosk").put("name", "4号终端").put("roomId", DemoData.ROOM_ID));
    assertThat(byTestId(kiosk, "report-start")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    revoke(admin, device);
    assertThat(byTestId(kiosk, "screen-title")).hasText("本设备已被停用，请联系工作人员", SOON);
    assertFits(kiosk, "the stopped kiosk");
    assertEquals(List.of(), kiosk.evaluate(KioskAccessibilityTest.probe()), "the stopped kiosk");
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1920, 1080", "1280, 720", "1080, 1920"})
  @DisplayName("a display's pairing code and its stopped screen fit room displays and boards in landscape and portrait")
  void displayPairingFits(int width, int height) throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    Page screen = browsers.open(server.baseUrl() + "/display/?pair", width, height);
    String code = code(screen);
    assertFits(screen, "the display's pairing code");

    JsonObject device = pair(admin, code, new JsonObject().put("kind", "board").put("name", "3号公示栏")
        .put("gridId", DemoData.GRID_IDS[1]));
    assertThat(byTestId(screen, "display-name")).hasText("3号公示栏", SOON);
    revoke(admin, device);
    assertThat(byTestId(screen, "revoked")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    assertFits(screen, "the stopped display");
  }
}
