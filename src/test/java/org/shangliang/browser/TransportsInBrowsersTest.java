package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * A kiosk page held to each transport with ?transport=…: the bridge's raw WebSocket, its first
 * choice, and each of SockJS's, as a kiosk behind a proxy that blocks WebSockets falls back to
 * plain HTTP. It checks an attendee in and votes in Chromium, while the test watches which
 * requests the page really makes.
 */
class TransportsInBrowsersTest {
  static final String WANG = "00000000000000000000d008";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(15_000);

  TestServer server;
  Browsers browsers;
  BridgeClient host;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    host = server.bridge(server.login("cadre"));
    hostCommand("openMeeting", new JsonObject());
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  JsonObject hostCommand(String action, JsonObject params) {
    return Await.result(host.request(RoomAddresses.COMMANDS, params.put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"raw-websocket", "websocket", "xhr-streaming", "xhr-polling"})
  @DisplayName("a kiosk held to one transport checks an attendee in and casts a ballot through it")
  void kioskChecksInAndVotes(String transport) throws Exception {
    List<String> bridgeRequests = new CopyOnWriteArrayList<>();
    List<String> webSockets = new CopyOnWriteArrayList<>();
    Page kiosk = browsers.open("about:blank");
    kiosk.onRequest(request -> {
      if (request.url().contains("/eventbus/")) {
        bridgeRequests.add(request.method() + " " + request.url().replaceAll(".*/eventbus/", "").replaceAll("\\?.*", ""));
      }
    });
    kiosk.onWebSocket(ws -> webSockets.add(ws.url()));
    kiosk.navigate(server.url("Kiosk 1") + "&transport=" + transport);

    byTestId(kiosk, "checkin-" + WANG).click();
    byTestId(kiosk, "iam-confirm").click();
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    String voteId = hostCommand("openVote", new JsonObject().put("motion", "同意加装电梯费用分摊方案").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    byTestId(kiosk, "vote-FOR").click();
    byTestId(kiosk, "vote-confirm").click();
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible(SOON);

    JsonObject tally = hostCommand("snapshot", new JsonObject()).getJsonObject("tally");
    List<String> sends = bridgeRequests.stream().filter(r -> r.endsWith("/xhr_send")).toList();
    System.out.printf("%s: ballot of vote %s counted (cast %d); %d WebSocket(s), %d xhr_streaming, %d xhr polls,"
        + " %d xhr_send%n", transport, voteId, tally.getInteger("cast"), webSockets.size(),
        bridgeRequests.stream().filter(r -> r.endsWith("/xhr_streaming")).count(),
        bridgeRequests.stream().filter(r -> r.endsWith("/xhr")).count(), sends.size());
    assertEquals(1, tally.getInteger("cast"));
    switch (transport) {
      case "raw-websocket" -> {
        assertTrue(webSockets.stream().allMatch(u -> u.endsWith("/eventbus/websocket")), webSockets.toString());
        assertFalse(webSockets.isEmpty());
        assertTrue(bridgeRequests.stream().noneMatch(r -> r.endsWith(" info") || r.contains("/")), "no SockJS session: " + bridgeRequests);
      }
      case "websocket" -> {
        assertTrue(webSockets.stream().anyMatch(u -> u.matches(".*/eventbus/[^/]+/[^/]+/websocket")), webSockets.toString());
        assertTrue(sends.isEmpty(), bridgeRequests.toString());
      }
      case "xhr-streaming" -> {
        assertTrue(webSockets.isEmpty(), webSockets.toString());
        assertTrue(bridgeRequests.stream().anyMatch(r -> r.endsWith("/xhr_streaming")), bridgeRequests.toString());
        assertFalse(sends.isEmpty());
      }
      default -> {
        assertTrue(webSockets.isEmpty(), webSockets.toString());
        assertTrue(bridgeRequests.stream().noneMatch(r -> r.endsWith("/xhr_streaming")), bridgeRequests.toString());
        assertTrue(bridgeRequests.stream().filter(r -> r.endsWith("/xhr")).count() >= 2, bridgeRequests.toString());
        assertFalse(sends.isEmpty());
      }
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
