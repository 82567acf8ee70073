package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge answers a ping on its raw WebSocket with a pong, which the pages' client waits for
 * before it counts the socket open and after every later ping; SockJS's sessions have heartbeats
 * of their own and get none.
 */
class PingAnswersTest {
  static final JsonObject PING = new JsonObject().put("type", "ping");

  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("every ping on the raw WebSocket is answered with one pong, token or not")
  void rawPingsArePonged() throws Exception {
    BridgeClient anonymous = Await.result(BridgeClient.connect(server.vertx, server.port(), null)).recordFrames();
    anonymous.sendRaw(PING.encode());
    anonymous.sendRaw(PING.encode());
    anonymous.sendRaw(PING.encode());
    Await.until("three pongs", 5_000, () -> anonymous.frames.size() >= 3);

    BridgeClient display = server.bridge(server.token("Room display")).recordFrames();
    display.send(PING.copy());
    Await.until("a pong", 5_000, () -> !display.frames.isEmpty());
    // a request answered after the ping: the pong came first and alone
    Await.result(display.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot").put("roomId", DemoData.ROOM_ID)));

    assertEquals(List.of(pong(), pong(), pong()), anonymous.frames);
    assertEquals(pong(), display.frames.get(0));
    assertEquals(1, display.frames.stream().filter(pong()::equals).count(), display.frames.toString());
  }

  @Test
  @DisplayName("a SockJS session's ping gets no pong: its heartbeats do that work")
  void sockJsPingsAreNot() throws Exception {
    BridgeClient page = server.pageBridge(server.token("Room display")).recordFrames();
    page.send(PING.copy());
    // The reply to a request sent after the ping is the first frame the page hears.
    JsonObject snapshot = Await.result(page.request(RoomAddresses.COMMANDS,
        new JsonObject().put("action", "snapshot").put("roomId", DemoData.ROOM_ID)));
    assertTrue(snapshot.getBoolean("ok"), snapshot.encode());
    assertEquals(1, page.frames.size(), page.frames.toString());
    assertEquals("rec", page.frames.get(0).getString("type"));
  }

  static JsonObject pong() {
    return new JsonObject().put("type", "pong");
  }
}
