package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * A room's pages follow it from one meeting to the next: a kiosk and the room display opened for
 * the demo meeting show the next planned one, with its time and its invited, when the first
 * closes, without a reload or a new token.
 */
class NextMeetingInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.ContainsTextOptions SOON_TEXT = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  @Test
  @DisplayName("a kiosk and the room display opened for one meeting follow the room to the next by themselves")
  void pagesFollowTheRoom() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    BridgeClient cadre = server.bridge(server.login("cadre"));
    String lawyer = Await.result(staff.request("member.cmd", new JsonObject().put("action", "saveMember").put("name", "新来的律师")
        .put("kinds", new JsonArray().add("LEGAL")).put("partyMember", false).put("capable", false)))
        .getJsonObject("member").getString("id");
    long startsAt = System.currentTimeMillis() + 2 * 86_400_000L;
    Await.result(staff.request("plan.cmd", new JsonObject().put("action", "saveMeeting").put("roomId", DemoData.ROOM_ID)
        .put("title", "第二次议事会：小区停车").put("startsAt", startsAt).put("hosts", new JsonArray().add("cadre").add("grid"))
        .put("invitedMembers", new JsonArray().add(lawyer))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "夜间停车收费")))));

    Page kiosk = browsers.open(server.url("Kiosk 1"), 1280, 800);
    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    assertThat(kiosk.locator(".meeting-title")).containsText("仓后街社区红色邻里议事会", SOON_TEXT);
    assertThat(display.getByTestId("meeting-title")).containsText("仓后街社区红色邻里议事会", SOON_TEXT);

    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "closeMeeting").put("roomId", DemoData.ROOM_ID)));

    assertThat(kiosk.locator(".meeting-title")).containsText("第二次议事会", SOON_TEXT);
    assertThat(byTestId(kiosk, "meeting-time")).containsText("开会时间");
    assertThat(kiosk.getByText("新来的律师")).isVisible(SOON);
    assertThat(kiosk.getByText("王阿姨")).not().isVisible();
    assertThat(display.getByTestId("meeting-title")).containsText("第二次议事会", SOON_TEXT);
    assertThat(byTestId(display, "banner-body")).containsText("开会时间");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
