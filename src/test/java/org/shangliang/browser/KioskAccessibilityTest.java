package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kiosk on every screen an attendee meets: big type, big targets, readable contrast. */
class KioskAccessibilityTest {
  static final String WANG = "00000000000000000000d008";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient host;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  static String probe() throws IOException {
    try (InputStream in = KioskAccessibilityTest.class.getResourceAsStream("/a11y-probe.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  void hostDoes(String action, JsonObject params) {
    Await.result(host.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  static void assertFriendly(Page page, String screen) throws IOException {
    assertEquals(List.of(), page.evaluate(probe()), screen);
  }

  @Test
  @DisplayName("check-in, hand raised, speaking and voting screens keep 24 px text, 64 px targets and AA contrast")
  void everyScreenIsReadable() throws Exception {
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    assertThat(kiosk.locator("[data-testid='checkin-" + WANG + "']")).isVisible(SOON);
    assertFriendly(kiosk, "check-in");

    hostDoes("openMeeting", new JsonObject());
    kiosk.locator("[data-testid='checkin-" + WANG + "']").click();
    kiosk.locator("[data-testid='iam-confirm']").click();
    kiosk.locator("[data-testid='raise-hand']").click();
    assertThat(kiosk.locator("[data-testid='queue-position']")).isVisible(SOON);
    assertFriendly(kiosk, "hand raised");

    hostDoes("giveFloor", new JsonObject());
    assertThat(kiosk.locator("[data-testid='countdown']")).isVisible(SOON);
    assertFriendly(kiosk, "speaking");

    hostDoes("endSpeech", new JsonObject());
    hostDoes("openVote", new JsonObject().put("motion", "同意方案").put("secret", false).put("walkInsVote", false)
        .put("liveTally", true).put("base", "CAST"));
    kiosk.locator("[data-testid='vote-FOR']").click();
    assertThat(kiosk.locator("[data-testid='vote-confirm']")).isVisible(SOON);
    assertFriendly(kiosk, "confirming a ballot");
  }
}
