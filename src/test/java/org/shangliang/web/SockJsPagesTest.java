package org.shangliang.web;

import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoRoom;
import org.shangliang.support.SockJsFrames;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge over SockJS's WebSocket transport with its framing, as the pages reach it when their
 * raw WebSocket cannot open (and the benchmarks' pages with {@code bench.transport=sockjs}): the
 * same commands, answers, pushes and refusals as over the raw WebSocket.
 */
class SockJsPagesTest {
  static final int WALK_INS = 300;
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
  @DisplayName("a push reaches every page in SockJS's own framing, beyond-ASCII text escaped, the same bytes for each")
  void pushesFramedAsSockJsFramesThem() throws Exception {
    String motion = "同意\"加装\"电梯 \\ 费用 😀 \u2028 分摊" + "长".repeat(150);
    List<List<String>> received = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    WebSocketClient client = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 22));
    String display = server.token("Room display");
    for (List<String> messages : received) {
      // the handler set before the connection: SockJS's "o" may be read with the handshake's answer
      ClientWebSocket socket = client.webSocket().textMessageHandler(messages::add);
      Await.result(socket.connect(server.port(), "127.0.0.1", SockJsFrames.sessionPath()));
      Await.until("the session open", 5000, () -> messages.contains("o"));
      JsonObject register = new JsonObject().put("type", "register").put("address", RoomAddresses.state(DemoData.ROOM_ID))
          .put("headers", new JsonObject().put("auth", display));
      socket.writeTextMessage(SockJsFrames.wrap(register.encode()));
    }
    BridgeClient host = server.pageBridge(server.login("cadre"));
    Await.result(DemoRoom.command(host, "openMeeting"));
    Thread.sleep(500); // the registrations are in place long before; the meeting's snapshot may come or not
    Await.result(DemoRoom.command(host, "openVote", new JsonObject().put("motion", motion).put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")));

    for (List<String> messages : received) {
      Await.until("the vote's snapshot", 5000, () -> messages.stream().anyMatch(m -> m.contains("\\u957f\\u957f")));
    }
    String first = withMotion(received.get(0));
    assertEquals(first, withMotion(received.get(1)), "the same frame for every page");
    assertTrue(first.chars().allMatch(c -> c < 0x80), "only ASCII on the wire");
    List<String> inner = SockJsFrames.messages(first);
    assertEquals(1, inner.size());
    assertEquals(first, "a" + JsonCodec.encode(inner.toArray(new String[0])), "framed exactly as the session frames");
    assertEquals(motion, pushedBody(first).getJsonObject("meeting").getJsonObject("vote").getString("motion"));
    client.close();
  }

  @Test
  @DisplayName("a snapshot of 300 walk-ins' names, larger than one WebSocket frame, reaches a page whole")
  void largePushInFrames() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    // a client's frames are at most 64 KiB unless it says otherwise: the server must split larger messages
    WebSocketClient client = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 22));
    ClientWebSocket display = client.webSocket().textMessageHandler(messages::add);
    Await.result(display.connect(server.port(), "127.0.0.1", SockJsFrames.sessionPath()));
    Await.until("the session open", 5000, () -> messages.contains("o"));
    display.writeTextMessage(SockJsFrames.wrap(new JsonObject().put("type", "register")
        .put("address", RoomAddresses.state(DemoData.ROOM_ID))
        .put("headers", new JsonObject().put("auth", server.token("Room display"))).encode()));
    BridgeClient host = server.pageBridge(server.login("cadre"));
    BridgeClient sharedKiosk = server.pageBridge(server.token("Kiosk 3"));
    Await.result(DemoRoom.command(host, "openMeeting"));
    for (int i = 0; i < WALK_INS; i++) {
      String name = String.format("%03d", i) + "号居民".repeat(5) + "长";
      Await.result(DemoRoom.command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", name).put("kind", "RESIDENT")));
    }
    Await.until("a snapshot with every walk-in", 10_000, () -> messages.stream()
        .anyMatch(m -> m.length() > BridgeRoutes.MAX_MESSAGE_BYTES && attendeesIn(m) >= WALK_INS));
    assertFalse(display.isClosed(), "the page's connection stays open");
    client.close();
  }

  private static int attendeesIn(String message) {
    if (SockJsFrames.kind(message) != SockJsFrames.Kind.MESSAGES) {
      return 0;
    }
    return pushedBody(message).getJsonArray("attendees", new JsonArray()).size();
  }

  /** The body of the first bus frame in a SockJS message: a push carries it as JSON text. */
  private static JsonObject pushedBody(String message) {
    Object body = new JsonObject(SockJsFrames.messages(message).get(0)).getValue("body");
    return body instanceof String text ? new JsonObject(text) : (JsonObject) body;
  }

  private static String withMotion(List<String> messages) {
    return messages.stream().filter(m -> m.contains("\\u957f\\u957f")).reduce((a, b) -> b).orElseThrow();
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
