package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoInBrowsers;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * axe-core on the two consoles, in Chinese: the staff console's sign-in and every tab an
 * administrator sees, and the host console from sign-in through a speech, an open vote and the
 * announced result. Serious and critical findings: none.
 */
class ConsolesAccessibleInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String WANG = "00000000000000000000d008";

  static void look(Page page, String screen, List<String> found) {
    for (String violation : Axe.seriousViolations(page)) {
      found.add(screen + ": " + violation);
    }
  }

  @Test
  @DisplayName("the staff console's sign-in and each of its tabs, as an administrator sees them")
  void staffConsole() throws Exception {
    List<String> found = new ArrayList<>();
    Page console = browsers.open(server.baseUrl() + "/console/", 1366, 900);
    assertThat(byTestId(console, "login-user")).isVisible(SOON);
    look(console, "sign-in", found);
    byTestId(console, "login-user").fill("admin");
    byTestId(console, "login-pass").fill(DemoData.PASSWORD);
    byTestId(console, "login-submit").click();
    assertThat(byTestId(console, "signed-in-as")).containsText("管理员");
    Locator tabs = console.locator("[data-testid^='console-tab-']:visible");
    assertThat(byTestId(console, "console-tab-admin")).isVisible(SOON);
    List<String> names = tabs.all().stream().map(tab -> tab.getAttribute("data-testid")).toList();
    assertTrue(names.size() >= 9, "an administrator sees every tab: " + names);
    for (String name : names) {
      byTestId(console, name).click();
      assertThat(byTestId(console, name)).hasAttribute("aria-selected", "true");
      console.locator("[role=tabpanel]:visible").first().waitFor();
      console.waitForTimeout(500); // the tab's first answer from the server
      look(console, name, found);
    }
    assertEquals(List.of(), found);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the host console signed out, then through a speech, an open vote and the announced result")
  void hostConsole() throws Exception {
    List<String> found = new ArrayList<>();
    Page signIn = browsers.open(server.url("Host console"), 1280, 800);
    assertThat(byTestId(signIn, "login-user")).isVisible(SOON);
    look(signIn, "sign-in", found);

    Page host = browsers.signedInHost(server.url("Host console"), "cadre");
    look(host, "before the meeting", found);
    byTestId(host, "open-meeting").click();
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "checkIn").put("attendeeId", WANG)));
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "raiseHand").put("attendeeId", WANG)));
    assertThat(byTestId(host, "give-floor-next")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(10_000));
    look(host, "a hand raised", found);
    byTestId(host, "give-floor-next").click();
    assertThat(byTestId(host, "end-speech")).isVisible(SOON);
    look(host, "a speech", found);
    byTestId(host, "end-speech").click();

    BridgeClient cadre = server.bridge(server.login("cadre"));
    String voteId = Await.result(cadre.request("room.cmd", new JsonObject().put("action", "openVote").put("roomId", DemoData.ROOM_ID)
        .put("motion", "同意在3号楼北侧空地建设电动自行车集中充电棚").put("secret", false).put("walkInsVote", false)
        .put("liveTally", true).put("base", "CAST"))).getString("voteId");
    assertThat(byTestId(host, "vote-cast")).isVisible(SOON);
    look(host, "an open vote", found);
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "castBallot").put("attendeeId", WANG)
        .put("voteId", voteId).put("choice", "FOR")));
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "closeVote").put("roomId", DemoData.ROOM_ID)));
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "announceResult").put("roomId", DemoData.ROOM_ID)));
    assertThat(byTestId(host, "announced")).isVisible(SOON);
    look(host, "the announced result", found);
    assertEquals(List.of(), found);
  }
}
