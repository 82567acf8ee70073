package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.Http;
import org.shangliang.support.RawWebSocket;
import org.shangliang.support.RawWebSocket.Received;
import org.shangliang.support.TestServer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that hold connections open without finishing their requests, from many loopback
 * addresses (Linux routes all of 127.0.0.0/8 to this machine), while /health is asked from
 * 127.0.0.1. Every connection costs the server a file descriptor until it is closed. The server
 * runs with its default limits, or with timeouts short enough to wait for: head 2 s, idle
 * 3 s, request 3 s.
 */
class SlowClientsTest {
  /** Half-sent request heads held open at once: what this 2-core box takes in a test. */
  static final int SLOW_CONNECTIONS = 3_000;
  static final int ADDRESSES = 30;
  static final JsonObject PONG = new JsonObject().put("type", "pong");
  static final HttpLimits SHORT = new HttpLimits(2, 3, 3, 256, 10_000);

  TestServer server;
  Vertx clients;
  /**
   * Every client the test opens: Vert.x closes a client, and all its sockets, once it is no longer
   * reachable, so a client held only by a local variable may drop its connections at the next GC.
   */
  final List<NetClient> netClients = new ArrayList<>();

  @BeforeEach
  void start() {
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(clients.close());
    if (server != null) {
      server.close();
    }
  }

  /** Opens n connections from the given local address that send the start of a request head and no more. */
  List<Future<NetSocket>> openHalfSentHeads(String localAddress, int n, AtomicInteger closed) {
    NetClient client = clients.createNetClient(new NetClientOptions().setLocalAddress(localAddress)
        .setConnectTimeout(10_000));
    netClients.add(client);
    List<Future<NetSocket>> opening = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      opening.add(client.connect(server.port(), "127.0.0.1").onSuccess(socket -> {
        socket.closeHandler(v -> closed.incrementAndGet());
        socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      }));
    }
    return opening;
  }

  List<NetSocket> halfSentHeads(String localAddress, int n, AtomicInteger closed) {
    return Await.result(Future.join(openHalfSentHeads(localAddress, n, closed))).list();
  }

  static double healthMillis(String baseUrl) throws Exception {
    long start = System.nanoTime();
    assertEquals(200, Http.get(baseUrl + "/health").statusCode());
    return (System.nanoTime() - start) / 1e6;
  }

  static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  @Test
  @DisplayName("3,000 connections sending their request head a byte at a time are closed after the header timeout,"
      + " and /health answers within a second while they are open")
  void slowRequestHeadsAreTimedOut() throws Exception {
    // long enough a head timeout to open them all first on a busy 2-core box (it took 5-10 s here)
    HttpLimits limits = new HttpLimits(20, 60, 60, 256, 10_000);
    server = TestServer.start(limits);
    AtomicInteger closed = new AtomicInteger();
    long opening = System.nanoTime();
    List<NetSocket> sockets = new ArrayList<>();
    for (int a = 0; a < ADDRESSES; a++) {
      sockets.addAll(halfSentHeads("127.0.1." + (a + 1), SLOW_CONNECTIONS / ADDRESSES, closed));
    }
    double allOpenS = secondsSince(opening);
    // a byte every second: more often than the idle timeout, so only the header timeout can end them
    long drip = clients.setPeriodic(1_000, id -> sockets.forEach(s -> s.write(Buffer.buffer("x"))));
    double worstHealthMs = 0;
    int leastOpen = SLOW_CONNECTIONS;
    int samples = 0;
    long deadline = System.currentTimeMillis() + 60_000;
    while (closed.get() < SLOW_CONNECTIONS && System.currentTimeMillis() < deadline) {
      int open = SLOW_CONNECTIONS - closed.get();
      double ms = healthMillis(server.baseUrl());
      if (open == SLOW_CONNECTIONS) {
        samples++;
        worstHealthMs = Math.max(worstHealthMs, ms);
      }
      leastOpen = Math.min(leastOpen, open);
      Thread.sleep(250);
    }
    clients.cancelTimer(drip);
    double allClosedS = secondsSince(opening);
    System.out.printf("%d slow request heads from %d addresses, all open %.1f s after the first: /health asked %d times"
        + " while all %d were open, slowest %.1f ms; the server closed %d of them, the last %.1f s after the first"
        + " opened (header timeout %d s)%n", SLOW_CONNECTIONS, ADDRESSES, allOpenS, samples, SLOW_CONNECTIONS,
        worstHealthMs, closed.get(), allClosedS, limits.headerTimeoutSeconds());
    assertEquals(SLOW_CONNECTIONS, closed.get(), "connections still open after " + allClosedS + " s");
    assertTrue(samples >= 5, "all were open at once for only " + samples + " samples");
    assertTrue(allClosedS < allOpenS + limits.headerTimeoutSeconds() + 3, "closed after " + allClosedS + " s");
    assertTrue(worstHealthMs < 1_000, "/health took " + worstHealthMs + " ms");
  }

  @Test
  @DisplayName("connections from one address beyond its cap are closed at once, and other addresses are still served")
  void connectionsPerAddressAreCapped() throws Exception {
    server = TestServer.start(new HttpLimits(30, 60, 60, 256, 10_000));
    AtomicInteger closed = new AtomicInteger();
    long opening = System.nanoTime();
    List<NetSocket> sockets = halfSentHeads("127.0.2.1", 300, closed);
    Await.until("the connections over the cap are closed", 5_000, () -> closed.get() >= 300 - 256);
    double overCapClosedS = secondsSince(opening);
    Thread.sleep(500);
    System.out.printf("300 connections from one address (cap 256): %d closed within %.2f s%n", closed.get(), overCapClosedS);
    assertEquals(300 - 256, closed.get());
    assertTrue(healthMillis(server.baseUrl()) < 1_000);
    sockets.forEach(NetSocket::close);
    Await.until("the address's connections are released", 5_000, () -> closed.get() == 300);
    AtomicInteger closedLater = new AtomicInteger();
    halfSentHeads("127.0.2.1", 10, closedLater);
    Thread.sleep(300);
    assertEquals(0, closedLater.get(), "once its connections are gone the address is served again");
  }

  @Test
  @DisplayName("a request body that arrives too slowly is answered 408 REQUEST_TIMEOUT and its connection closed")
  void slowBodyIsTimedOut() throws Exception {
    server = TestServer.start(SHORT);
    RawConnection raw = rawConnection();
    NetSocket socket = raw.socket();
    StringBuilder answer = raw.answer();
    AtomicInteger closed = raw.closed();
    long sent = System.nanoTime();
    socket.write("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{\"username\":\"");
    long drip = clients.setPeriodic(500, id -> socket.write("a"));
    Await.until("the server ends the request", 10_000, () -> closed.get() == 1);
    clients.cancelTimer(drip);
    double endedS = secondsSince(sent);
    System.out.printf("slow body: answered '%s' and closed after %.1f s (request timeout %d s)%n",
        answer.toString().lines().findFirst().orElse(""), endedS, SHORT.requestTimeoutSeconds());
    assertTrue(answer.toString().startsWith("HTTP/1.1 408"), answer.toString());
    assertTrue(answer.toString().contains("\"REQUEST_TIMEOUT\""), answer.toString());
    assertTrue(endedS < SHORT.requestTimeoutSeconds() + 2, "ended after " + endedS + " s");
  }

  @Test
  @DisplayName("a connection that asked for a WebSocket and got a plain answer is held to the head deadline like any other")
  void refusedUpgradeIsNoEscape() throws Exception {
    server = TestServer.start(SHORT);
    RawConnection raw = rawConnection();
    NetSocket socket = raw.socket();
    StringBuilder answer = raw.answer();
    AtomicInteger closed = raw.closed();
    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    Await.until("the plain answer", 5_000, () -> answer.toString().contains("\"UP\""));
    long answered = System.nanoTime();
    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    long drip = clients.setPeriodic(500, id -> socket.write("x"));
    Await.until("the server closes it", 10_000, () -> closed.get() == 1);
    clients.cancelTimer(drip);
    double closedS = secondsSince(answered);
    System.out.printf("refused upgrade, then a slow head: closed %.1f s after the answer (header timeout %d s)%n",
        closedS, SHORT.headerTimeoutSeconds());
    assertTrue(answer.toString().startsWith("HTTP/1.1 200"), answer.toString());
    assertTrue(closedS < SHORT.headerTimeoutSeconds() + 2, "closed after " + closedS + " s");
  }

  @Test
  @DisplayName("a page whose WebSocket closed again and again is still let in: closed WebSockets no longer count towards the cap")
  void closedWebSocketsFreeTheirPlace() throws Exception {
    server = TestServer.start(new HttpLimits(30, 60, 60, 5, 10_000));
    int places = 0;
    while (webSocketsAtOnce(places + 1)) {
      places++;
    }
    assertTrue(places >= 3 && places <= 5, "at most 5 from one address (the test's own client may hold one): " + places);
    // more closes than places: each would keep its place if closed WebSockets still counted; the
    // server learns of a close a moment after the client, so each open may wait for the one before
    for (int i = 0; i < 12; i++) {
      Await.until("WebSocket " + (i + 1) + " of 12 let in", 2_000, this::openPingAndClose);
    }
    // the server learns of the last close a moment after the client's
    int free = places;
    Await.until("the address's " + free + " places are free again", 5_000, () -> webSocketsAtOnce(free));
  }

  /** Whether a WebSocket to the bridge was let in; it pings once and closes. */
  boolean openPingAndClose() {
    try (RawWebSocket page = RawWebSocket.open(server.port(), "/eventbus/websocket", null)) {
      page.sendText("{\"type\":\"ping\"}");
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Whether n WebSockets to the bridge could be open at the same time; all are closed again. */
  boolean webSocketsAtOnce(int n) {
    List<RawWebSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        open.add(RawWebSocket.open(server.port(), "/eventbus/websocket", null));
      }
      return true;
    } catch (IOException refused) {
      return false;
    } finally {
      for (RawWebSocket page : open) {
        try {
          page.close();
        } catch (IOException alreadyClosed) {
          // closed either way
        }
      }
    }
  }

  @Test
  @DisplayName("a silent WebSocket is closed after the idle timeout, while one that pings outlives every other timeout")
  void webSocketsLiveWhileTheyTalk() throws Exception {
    server = TestServer.start(SHORT);
    try (RawWebSocket silent = RawWebSocket.open(server.port(), "/eventbus/websocket", null);
         RawWebSocket talking = RawWebSocket.open(server.port(), "/eventbus/websocket", null)) {
      long opened = System.nanoTime();
      for (int i = 0; i < 12; i++) {
        talking.sendText("{\"type\":\"ping\"}");
        Thread.sleep(500);
      }
      Received silentEnd = silent.awaitEnd(1_000);
      talking.sendText(hello().encode());
      Received reply = talking.receive(2_000);
      int pongs = 0;
      while (reply.kind() == Received.Kind.DATA && PONG.equals(new JsonObject(reply.text()))) {
        pongs++;
        reply = talking.receive(2_000);
      }
      System.out.printf("after %.1f s: the silent WebSocket %s, the talking one answered %s after %d pongs%n",
          secondsSince(opened), silentEnd.kind(), reply.kind(), pongs);
      assertTrue(silentEnd.ended(), "the silent socket is still open: " + silentEnd);
      assertEquals(12, pongs, "every ping on the raw WebSocket is answered");
      assertEquals(Received.Kind.DATA, reply.kind());
      assertTrue(new JsonObject(reply.text()).getJsonObject("body").getBoolean("ok"));
    }
  }

  @Test
  @DisplayName("a SockJS socket that sends nothing is closed after twice the idle timeout, though heartbeats keep its"
      + " connection busy; one that talks without ever pinging stays")
  void silentSockJsSocketsAreClosed() throws Exception {
    server = TestServer.start(SHORT); // idle 3 s: a SockJS heartbeat every 2.25 s, silence limit 6 s
    try (RawWebSocket listener = RawWebSocket.open(server.port(), sockJsWebSocket(), null);
         RawWebSocket talker = RawWebSocket.open(server.port(), sockJsWebSocket(), null)) {
      long opened = System.nanoTime();
      int heartbeats = 0;
      double endedS = -1;
      while (endedS < 0 && secondsSince(opened) < 12) {
        talker.sendText(sockJsFrame(hello()));
        long second = System.nanoTime();
        while (endedS < 0 && secondsSince(second) < 1) {
          Received heard = listener.receive(200);
          if (heard.ended() || heard.kind() == Received.Kind.DATA && heard.text().startsWith("c")) {
            endedS = secondsSince(opened);
          } else if (heard.kind() == Received.Kind.DATA && heard.text().equals("h")) {
            heartbeats++;
          }
        }
      }
      JsonObject last = hello();
      talker.sendText(sockJsFrame(last));
      boolean answered = false;
      for (Received heard = talker.receive(2_000); !answered && heard.kind() == Received.Kind.DATA;
           heard = talker.receive(2_000)) {
        answered = heard.text().startsWith("a") && heard.text().contains(last.getString("replyAddress"));
      }
      System.out.printf("the silent SockJS socket heard %d heartbeats and was closed after %.1f s; the talker answered: %s%n",
          heartbeats, endedS, answered);
      assertTrue(endedS >= 5.5 && endedS < 10, "closed after " + endedS + " s, the limit being 6 s");
      assertTrue(heartbeats >= 2, "the connection was kept busy by heartbeats: " + heartbeats);
      assertTrue(answered, "the socket that talks without pinging is still open and answered");
    }
  }

  static String sockJsWebSocket() {
    return "/eventbus/000/" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "/websocket";
  }

  /** A frame as SockJS's client sends it: a JSON array of the bus frames' texts. */
  static String sockJsFrame(JsonObject busFrame) {
    return new JsonArray().add(busFrame.encode()).encode();
  }

  static JsonObject hello() {
    return new JsonObject().put("type", "send").put("address", RoomAddresses.COMMANDS)
        .put("replyAddress", UUID.randomUUID().toString()).put("body", new JsonObject().put("action", "hello"));
  }

  @Test
  @DisplayName("an xhr-streaming response outlives the request timeout and still carries replies")
  void streamingTransportOutlivesTheRequestTimeout() throws Exception {
    server = TestServer.start(SHORT);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String session = server.baseUrl() + "/eventbus/123/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(session + "/xhr_streaming"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    lines.readLine(); // SockJS's prelude of 2048 'h'
    assertEquals("o", lines.readLine());
    Thread.sleep((SHORT.requestTimeoutSeconds() + 1) * 1000L);
    String replyAddress = UUID.randomUUID().toString();
    String frame = new JsonObject().put("type", "send").put("address", RoomAddresses.COMMANDS)
        .put("replyAddress", replyAddress).put("body", new JsonObject().put("action", "hello")).encode();
    HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(session + "/xhr_send"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonArray().add(frame).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(204, sent.statusCode());
    String line = lines.readLine();
    while ("h".equals(line)) { // heartbeats: the stream is kept alive
      line = lines.readLine();
    }
    assertFalse(line == null, "the stream was closed");
    assertTrue(line.startsWith("a["), line);
    assertEquals(replyAddress, new JsonObject(new JsonArray(line.substring(1)).getString(0)).getString("address"));
    stream.body().close();
  }

  /** A raw TCP connection to the server that keeps what it is answered and counts its closing. */
  private record RawConnection(NetSocket socket, StringBuilder answer, AtomicInteger closed) {
  }

  private RawConnection rawConnection() {
    NetClient client = clients.createNetClient();
    netClients.add(client);
    NetSocket socket = Await.result(client.connect(server.port(), "127.0.0.1"));
    RawConnection raw = new RawConnection(socket, new StringBuilder(), new AtomicInteger());
    socket.handler(data -> raw.answer().append(data.toString(StandardCharsets.UTF_8)));
    socket.closeHandler(v -> raw.closed().incrementAndGet());
    return raw;
  }
}
