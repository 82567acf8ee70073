package org.shangliang.browser;

import com.microsoft.playwright.Page;
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
import org.shangliang.support.RoomChurn;
import org.shangliang.support.TestServer;
import org.shangliang.web.BridgeLimits;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room page in Chromium whose script stops running for a while (a hung tab, a kiosk busy with
 * something else): its browser stops taking what the server sends, the server drops the socket,
 * and the page, once it runs again, must come back by itself with the newest state.
 */
class FrozenPageTest {
  static final String ROOM = DemoData.ROOM_ID;
  static final String SUN = "00000000000000000000d009";
  static final String[] CHURNED = {"00000000000000000000d001", "00000000000000000000d002", "00000000000000000000d003"};
  /** Shorter than the default so the page is dropped within the test's freeze. */
  static final int STALL_SECONDS = 3;
  /**
   * Chromium keeps taking what arrives for a few megabytes after the page's script stops (about 6 s
   * of this room's pushes here), then stops reading; the server sees the socket full only then.
   */
  static final long FREEZE_MS = STALL_SECONDS * 1000 + 12_000;
  static final int WALK_INS = 200;

  TestServer server;
  Browsers browsers;
  Page page;
  BridgeClient host;
  BridgeClient sharedKiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(new BridgeLimits(BridgeLimits.DEFAULT.queueBytes(), STALL_SECONDS));
    host = server.bridge(server.login("cadre")).keepAlive();
    sharedKiosk = server.bridge(server.token("Kiosk 3")).keepAlive();
    command(host, "openMeeting", new JsonObject());
    // Many walk-ins with long names: every snapshot that carries the attendee list is long.
    for (int i = 0; i < WALK_INS; i++) {
      command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", "列席居民第" + i + "位（旁听登记）")
          .put("kind", "RESIDENT"));
    }
    browsers = new Browsers();
    page = browsers.open(server.baseUrl() + "/display/");
    page.evaluate("async (token) => {"
        + " const { startRoomSession } = await import('/common/room-session.js');"
        + " window.connections = []; window.latest = null;"
        + " window.session = startRoomSession({ token: () => token,"
        + "   onSnapshot: (s) => { window.latest = s; },"
        + "   onConnection: (state) => window.connections.push(state) }); }", server.token("Room display"));
    Await.until("the page shows the room", 10_000, () -> (Boolean) page.evaluate("window.latest !== null"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  static JsonObject command(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", ROOM)));
  }

  @Test
  @DisplayName("a room page frozen until the server drops its socket reconnects by itself and shows the newest state, "
      + "attendees included")
  void frozenPageComesBackWithTheNewestState() throws Exception {
    try (RoomChurn churn = RoomChurn.start(sharedKiosk, ROOM, CHURNED)) {
      System.out.println("frozen page: its script stops at " + LocalTime.now() + " for " + FREEZE_MS + " ms");
      page.evaluate("() => { const end = Date.now() + " + FREEZE_MS + "; while (Date.now() < end) {} }");
    }
    command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", SUN));
    Thread.sleep(200);
    command(sharedKiosk, "raiseHand", new JsonObject().put("attendeeId", SUN));
    JsonObject newest = command(host, "snapshot", new JsonObject());
    long version = newest.getJsonObject("meeting").getLong("version");

    Await.until("the page shows the newest state", 15_000, () -> ((Number) page.evaluate(
        "window.latest && window.latest.meeting ? window.latest.meeting.version : -1")).longValue() == version);
    @SuppressWarnings("unchecked")
    List<String> connections = (List<String>) page.evaluate("window.connections");
    assertTrue(connections.indexOf("closed") > 0 && connections.lastIndexOf("open") > connections.indexOf("closed"),
        "the server dropped the frozen page and it connected again: " + connections);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shown = (List<Map<String, Object>>) page.evaluate("window.latest.attendees");
    assertEquals(checkedIn(newest), shown.stream().filter(a -> Boolean.TRUE.equals(a.get("checkedIn")))
        .map(a -> (String) a.get("id")).sorted().toList());
    assertEquals(List.of(), browsers.pageErrors);
  }

  static List<String> checkedIn(JsonObject snapshot) {
    List<String> ids = new ArrayList<>();
    snapshot.getJsonArray("attendees").forEach(a -> {
      if (((JsonObject) a).getBoolean("checkedIn")) {
        ids.add(((JsonObject) a).getString("id"));
      }
    });
    return ids.stream().sorted().toList();
  }
}
