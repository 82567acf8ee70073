package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoRoom;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge over SockJS's WebSocket transport with its framing, as the pages reach it (and the
 * benchmarks' pages, {@code bench.transport=sockjs}): the same commands, answers, pushes and
 * refusals as over the raw WebSocket.
 */
class SockJsPagesTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a kiosk as a page: its command is answered, the room's push arrives, a refusal is named")
  void kioskAsPage() throws Exception {
    BridgeClient kiosk = server.pageBridge(server.token("Kiosk 1"));
    BridgeClient host = server.pageBridge(server.login("cadre"));
    JsonObject identity = Await.result(DemoRoom.command(kiosk, "hello")).getJsonObject("identity");
    assertEquals("kiosk", identity.getString("deviceKind"));

    List<JsonObject> pushed = new CopyOnWriteArrayList<>();
    kiosk.register(RoomAddresses.state(DemoData.ROOM_ID), pushed::add);
    Await.result(DemoRoom.command(kiosk, "snapshot"));
    Await.result(DemoRoom.command(host, "openMeeting"));
    Await.until("an OPEN snapshot pushed to the page", 5000, () -> pushed.stream()
        .anyMatch(s -> s.getJsonObject("meeting") != null && "OPEN".equals(s.getJsonObject("meeting").getString("status"))));

    Await.failure(DemoRoom.command(kiosk, "openMeeting"), "FORBIDDEN");
    Await.failure(DemoRoom.command(kiosk, "checkIn", new JsonObject().put("attendeeId", "not-an-id")), "BAD_REQUEST");
    Await.result(DemoRoom.command(kiosk, "checkIn", new JsonObject().put("attendeeId", DemoRoom.attendee(1))));
    assertEquals(1, Await.result(DemoRoom.command(host, "snapshot")).getJsonObject("presence").getInteger("checkedIn"));
    assertFalse(kiosk.isClosed());
  }

  @Test
  @DisplayName("a frame that is not JSON, sent in SockJS's framing, is refused and the session stays open")
  void brokenFrameAsPage() throws Exception {
    BridgeClient kiosk = server.pageBridge(server.token("Kiosk 2"));
    kiosk.sendRaw("{not json");
    Await.until("an error frame", 5000, () -> !kiosk.errors.isEmpty());
    assertEquals("err", kiosk.errors.get(0).getString("type"), kiosk.errors.get(0).encode());
    assertEquals("kiosk", Await.result(DemoRoom.command(kiosk, "hello")).getJsonObject("identity").getString("deviceKind"));
  }
}
