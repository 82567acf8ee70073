package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our browser event-bus client (kiosk-ui/common/eventbus.js) in Chromium against the real bridge. */
class EventBusClientTest {
  TestServer server;
  Browsers browsers;
  Page page;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    // Any of our pages gives the module its origin and SockJS; the test drives its own bus in it.
    page = browsers.open(server.baseUrl() + "/display/");
    page.evaluate("async (token) => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " window.received = []; window.opens = 0; window.states = [];"
        + " window.bus = new EventBus({ url: '/eventbus', headers: () => ({ auth: token }) });"
        + " window.bus.onStateChange((s) => window.states.push(s));"
        + " window.bus.onOpen(() => { window.opens++; });"
        + " window.bus.subscribe('" + RoomAddresses.state(DemoData.ROOM_ID) + "', (body) => window.received.push(body.kind));"
        + " await new Promise((resolve) => window.bus.onOpen(resolve)); }", server.token("Room display"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  String request(String action) {
    return (String) page.evaluate("async () => { try { const r = await window.bus.request('room.cmd', { action: '"
        + action + "' }); return r.ok ? 'ok' : 'no'; } catch (e) { return e.code; } }");
  }

  void hostOpensMeeting() throws Exception {
    BridgeClient host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
    Await.result(host.request(RoomAddresses.COMMANDS, new io.vertx.core.json.JsonObject()
        .put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));
  }

  @Test
  @DisplayName("a request resolves with the reply, and a refusal rejects with the server's named code")
  void requestsAndNamedErrors() {
    assertEquals("ok", request("snapshot"));
    assertEquals("FORBIDDEN", request("openMeeting"));
    assertEquals("UNKNOWN_ACTION", request("selfDestruct"));
  }

  @Test
  @DisplayName("after the server goes away requests fail OFFLINE; when it is back the client reconnects and re-subscribes")
  void reconnectsAndResubscribes() throws Exception {
    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    Await.until("the client notices", 10_000, () -> "closed".equals(page.evaluate("window.bus.state")));
    assertEquals("OFFLINE", request("snapshot"));

    server = TestServer.start(dataDir, port);
    Await.until("the client is back", 15_000, () -> ((Number) page.evaluate("window.opens")).intValue() >= 2);
    hostOpensMeeting();
    Await.until("a publish reaches the re-registered subscription", 10_000,
        () -> ((List<?>) page.evaluate("window.received")).contains("snapshot"));
    assertTrue(((List<?>) page.evaluate("window.states")).contains("closed"));
  }

  @Test
  @DisplayName("a client held to xhr-polling, as behind a proxy that blocks WebSockets, gets replies and comes back after a restart")
  void xhrPollingReconnects() throws Exception {
    page.evaluate("async (token) => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " window.polled = []; window.pollOpens = 0;"
        + " window.pollBus = new EventBus({ url: '/eventbus', transport: 'xhr-polling', headers: () => ({ auth: token }) });"
        + " window.pollBus.onOpen(() => { window.pollOpens++; });"
        + " window.pollBus.subscribe('" + RoomAddresses.state(DemoData.ROOM_ID) + "', (body) => window.polled.push(body.kind));"
        + " await new Promise((resolve) => window.pollBus.onOpen(resolve)); }", server.token("Room display"));
    assertEquals("xhr-polling", page.evaluate("window.pollBus.transport"));
    assertEquals("ok", page.evaluate("async () => (await window.pollBus.request('room.cmd', { action: 'snapshot' })).ok ? 'ok' : 'no'"));

    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    Await.until("the client notices", 15_000, () -> "closed".equals(page.evaluate("window.pollBus.state")));
    server = TestServer.start(dataDir, port);
    Await.until("the client is back", 20_000, () -> ((Number) page.evaluate("window.pollOpens")).intValue() >= 2);
    hostOpensMeeting();
    Await.until("a publish reaches the re-registered subscription", 10_000,
        () -> ((List<?>) page.evaluate("window.polled")).contains("snapshot"));
    assertEquals("xhr-polling", page.evaluate("window.pollBus.transport"));
  }

  @Test
  @DisplayName("a page's bus opens the bridge's raw WebSocket first, and its requests and pushes travel there")
  void opensTheRawWebSocketFirst() throws Exception {
    assertEquals("raw-websocket", page.evaluate("window.bus.transport"));
    assertEquals("ok", request("snapshot"));
    hostOpensMeeting();
    Await.until("a push on the raw socket", 10_000, () -> ((List<?>) page.evaluate("window.received")).contains("snapshot"));
  }

  @Test
  @DisplayName("a raw WebSocket that opens but never answers, as through a proxy in the way, gives way to SockJS in the"
      + " same attempt, and after a restart the page goes to SockJS at once")
  void fallsBackToSockJsWhenTheRawSocketIsMute() throws Exception {
    AtomicInteger rawSockets = new AtomicInteger();
    // Never connected to the server: the page's socket opens and hears nothing.
    Page page = pageWithRoute(ws -> rawSockets.incrementAndGet());
    openWatchedBus(page, "fb", "raw: { openTimeoutMs: 1000 }");
    assertEquals("websocket", page.evaluate("window.fb.transport"));
    assertEquals(List.of("open"), page.evaluate("window.fbStates"), "the raw socket's failure is no outage");
    assertEquals(1, rawSockets.get());
    assertEquals(true, page.evaluate("async () => (await window.fb.request('room.cmd', { action: 'snapshot' })).ok"));

    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    Await.until("the client notices", 15_000, () -> "closed".equals(page.evaluate("window.fb.state")));
    server = TestServer.start(dataDir, port);
    Await.until("the client is back", 20_000, () -> ((Number) page.evaluate("window.fbOpens")).intValue() >= 2);
    assertEquals("websocket", page.evaluate("window.fb.transport"));
    assertEquals(1, rawSockets.get(), "no raw socket tried again");
  }

  @Test
  @DisplayName("a raw WebSocket whose ping goes unanswered, as over a half-open connection, is closed and opened again")
  void closesARawSocketThatStopsAnswering() throws Exception {
    AtomicBoolean deaf = new AtomicBoolean();
    Page page = pageThatCanGoDeaf(deaf);
    openWatchedBus(page, "ho", "pingAfterMs: 500, raw: { openTimeoutMs: 1000, answerTimeoutMs: 1000 }");
    assertEquals("raw-websocket", page.evaluate("window.ho.transport"));
    page.waitForTimeout(2_000);
    assertEquals(List.of("open"), page.evaluate("window.hoStates"), "pings answered: the socket stays");

    deaf.set(true);
    Await.until("the silent socket is given up and a new one opened", 10_000,
        () -> ((Number) page.evaluate("window.hoOpens")).intValue() >= 2);
    assertEquals(List.of("open", "closed", "open"), page.evaluate("window.hoStates"));
    // the new raw socket is deaf too, so the page went on to SockJS
    assertEquals("websocket", page.evaluate("window.ho.transport"));
    assertEquals(true, page.evaluate("async () => (await window.ho.request('room.cmd', { action: 'snapshot' })).ok"));
  }

  @Test
  @DisplayName("a raw WebSocket whose request goes unanswered, as a board's heartbeat over a half-open connection, is"
      + " closed and opened again, though the page never pings")
  void closesARawSocketWhoseRequestGoesUnanswered() throws Exception {
    AtomicBoolean deaf = new AtomicBoolean();
    Page page = pageThatCanGoDeaf(deaf);
    openWatchedBus(page, "rq", "pingAfterMs: 600000, raw: { openTimeoutMs: 1000, answerTimeoutMs: 1000 }");
    assertEquals(true, page.evaluate("async () => (await window.rq.request('room.cmd', { action: 'snapshot' })).ok"));

    deaf.set(true);
    Object failed = page.evaluate("async () => { try { await window.rq.request('room.cmd', { action: 'snapshot' });"
        + " return 'answered'; } catch (e) { return e.code; } }");
    assertEquals("OFFLINE", failed, "the request fails as its socket is given up, before its own 10 s timeout");
    Await.until("a new connection", 10_000, () -> ((Number) page.evaluate("window.rqOpens")).intValue() >= 2);
    assertEquals(List.of("open", "closed", "open"), page.evaluate("window.rqStates"));
    assertEquals(true, page.evaluate("async () => (await window.rq.request('room.cmd', { action: 'snapshot' })).ok"));
  }

  /** A page whose raw WebSockets pass what the server sends until deaf is set, and nothing after. */
  Page pageThatCanGoDeaf(AtomicBoolean deaf) {
    return pageWithRoute(ws -> {
      WebSocketRoute toServer = ws.connectToServer();
      toServer.onMessage(frame -> {
        if (!deaf.get()) {
          if (frame.text() != null) {
            ws.send(frame.text());
          } else {
            ws.send(frame.binary());
          }
        }
      });
    });
  }

  /**
   * Opens window[name], a room display's bus with these further options (JavaScript), counting its
   * opens in window[name + 'Opens'] and its states in window[name + 'States']; waits until it is open.
   */
  void openWatchedBus(Page on, String name, String options) {
    on.evaluate(("async (token) => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " window.NAMEOpens = 0; window.NAMEStates = [];"
        + " window.NAME = new EventBus({ url: '/eventbus', headers: () => ({ auth: token }), OPTIONS });"
        + " window.NAME.onStateChange((s) => window.NAMEStates.push(s));"
        + " window.NAME.onOpen(() => { window.NAMEOpens++; });"
        + " await new Promise((resolve) => window.NAME.onOpen(resolve)); }").replace("NAME", name).replace("OPTIONS", options),
        server.token("Room display"));
  }

  /**
   * A page of the server's origin, with SockJS loaded and no bus of its own, whose raw WebSockets
   * go through the route: Playwright routes only the sockets of pages loaded after it was set.
   */
  Page pageWithRoute(Consumer<WebSocketRoute> route) {
    Page routed = browsers.blank(1280, 800, "zh-CN");
    routed.routeWebSocket("**/eventbus/websocket", route);
    routed.navigate(server.baseUrl() + "/health");
    routed.addScriptTag(new Page.AddScriptTagOptions().setUrl("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js"));
    return routed;
  }

  @Test
  @DisplayName("a client whose first connection fails reports 'closed' at once, so a page loaded in an outage can say so")
  void firstFailedConnectionIsReported() {
    Object states = page.evaluate("async () => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " const states = [];"
        + " const bus = new EventBus({ url: '/no-bridge-here' });"
        + " bus.onStateChange((s) => states.push(s));"
        + " await new Promise((resolve) => { const t = setInterval(() => { if (states.length) { clearInterval(t); resolve(); } }, 50); });"
        + " bus.close(); return states; }");
    assertEquals(List.of("closed"), states);
  }

  @Test
  @DisplayName("a page pings only after a silence: none while it talks, one per silence after, and the bridge keeps it")
  void pingsOnlyAfterASilence() {
    List<Long> pings = new CopyOnWriteArrayList<>();
    page.onWebSocket(ws -> ws.onFrameSent(frame -> {
      String text = frame.text();
      if (text != null && text.contains("probe") && text.contains("ping")) {
        pings.add(System.nanoTime());
      }
    }));
    page.evaluate("async (token) => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " window.probe = new EventBus({ url: '/eventbus', transport: 'websocket', pingAfterMs: 1000,"
        + "   headers: () => ({ auth: token, probe: 'yes' }) });"
        + " await new Promise((resolve) => window.probe.onOpen(resolve)); }", server.token("Room display"));
    page.waitForTimeout(300);
    assertEquals(1, pings.size(), "one ping as the connection opens");

    // A request every 300 ms whatever the replies take, so a slow reply on a busy machine cannot
    // make a silence of its own.
    Object answers = page.evaluate("async () => { const asked = [];"
        + " for (let i = 0; i < 8; i++) {"
        + "   asked.push(window.probe.request('room.cmd', { action: 'snapshot' }).then((r) => r.ok));"
        + "   await new Promise((r) => setTimeout(r, 300)); }"
        + " return Promise.all(asked); }");
    page.waitForTimeout(300);
    assertEquals(List.of(true, true, true, true, true, true, true, true), answers);
    assertEquals(1, pings.size(), "no ping while the page talks at least once a second");

    page.waitForTimeout(2_600);
    assertTrue(pings.size() >= 3 && pings.size() <= 5, "a ping after each second of silence (about 3 s of it): " + pings.size());
    assertEquals(true, page.evaluate("async () => (await window.probe.request('room.cmd', { action: 'snapshot' })).ok"));
  }
}
