package org.shangliang.bench;

import org.shangliang.support.PageClient;
import org.shangliang.support.SockJsFrames;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.RoomAddresses;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One idle page over the SockJS WebSocket transport, doing what its real page does (eventbus.js,
 * room-session.js, signage.js): on SockJS's open frame it pings and asks room.cmd hello; then it
 * registers for its addresses (a board: its own; a room display: its room's state and tally; a
 * joined phone, which runs the kiosk page: its room's state) and asks for its first frame (a
 * board: its playlist; the others: the room's snapshot). From then on it pings as eventbus.js does
 * (after a silence), and a board reports its heartbeat to signage.cmd as signage.js does. Every frame carries the page's token.
 *
 * <p>Against the real server a hello or first request answered with a final code (unauthenticated,
 * forbidden, not found) or a refused registration is a refusal; any other failed answer (a timeout)
 * is asked again after 2 s, as room-session.js does, and counted as a retry. Against the bare
 * bridge, which has no application, the bridge's own "no handlers" answer stands for the reply.
 */
final class IdlePage {
  enum Kind { BOARD, DISPLAY, PHONE }

  static final long PING_MS = PageClient.PING_MS;
  static final long REQUEST_TIMEOUT_MS = PageClient.REQUEST_TIMEOUT_MS;
  static final long FIRST_FRAME_TIMEOUT_MS = 30_000;
  static final long RETRY_DELAY_MS = 1_000;
  /** raw-socket.js's first frame: a ping without headers, whose pong opens the page. */
  private static final String OPENING_PING = new JsonObject().put("type", "ping").encode();
  /** room-session.js RETRY_MS and FINAL_CODES: answers that asking again cannot change. */
  static final long SYNC_RETRY_MS = 2_000;
  /** signage.js DWELL_MS: how long a board shows a notice before the next. */
  static final long DWELL_MS = 10_000;
  private static final Set<String> FINAL_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND");

  final Kind kind;
  /** The board's device id, or the room's id. */
  final String id;
  private final String token;
  private final IdlePages pages;
  private final Map<String, Consumer<JsonObject>> pending = new ConcurrentHashMap<>();
  private volatile WebSocket socket;
  private volatile long attemptStart;
  private volatile int attempts;
  /** Time from the last attempt's start to the first frame, in ms; 0 until then. */
  volatile double firstFrameMs;
  volatile boolean ready;
  volatile boolean settled;
  /** Set when the page failed for good: never ready, refused, or closed while idle. */
  volatile String problem;
  /** The tag of the last reach frame heard. */
  volatile String reached;
  private volatile long pingTimer = -1;
  private volatile long heartbeatTimer = -1;
  private volatile boolean registered;
  /** On the raw WebSocket: whether the bridge has answered the opening ping. */
  private volatile boolean rawOpen;
  /** A board's notices, from its playlist (or made up, against the bare bridge), and the next one it shows. */
  private volatile List<String> notices = List.of();
  private int nextNotice;

  IdlePage(Kind kind, String id, String token, IdlePages pages) {
    this.kind = kind;
    this.id = id;
    this.token = token;
    this.pages = pages;
  }

  List<String> addresses() {
    return switch (kind) {
      case BOARD -> List.of(SignageAddresses.display(id));
      case DISPLAY -> List.of(RoomAddresses.state(id), RoomAddresses.tally(id));
      case PHONE -> List.of(RoomAddresses.state(id));
    };
  }

  /**
   * Opens one attempt: the bridge's raw WebSocket, open once its first ping is answered, as
   * raw-socket.js does; or a SockJS session of its own, as the browser's SockJS client names it.
   */
  void start() {
    attempts++;
    registered = false;
    rawOpen = false;
    attemptStart = System.nanoTime();
    // handlers before the connection: SockJS's "o" may be read with the handshake's answer
    ClientWebSocket ws = pages.client.webSocket();
    if (pages.raw) {
      ws.textMessageHandler(text -> onRawFrame(ws, text));
      ws.binaryMessageHandler(bytes -> onRawFrame(ws, bytes.toString()));
    } else {
      ws.textMessageHandler(text -> onText(ws, text));
    }
    ws.closeHandler(v -> onClose(ws));
    socket = ws;
    ws.connect(pages.port, "127.0.0.1", pages.raw ? "/eventbus/websocket" : SockJsFrames.sessionPath()).onComplete(ar -> {
      if (ar.failed()) {
        if (socket == ws) {
          socket = null;
        }
        retry("connect: " + ar.cause().getClass().getSimpleName());
      } else {
        if (pages.raw) {
          ws.writeTextMessage(OPENING_PING);
        }
        watchFirstFrame(ws);
      }
    });
  }

  private void onRawFrame(WebSocket ws, String text) {
    if (ws != socket) {
      return;
    }
    JsonObject frame = new JsonObject(text);
    if (!"pong".equals(frame.getString("type"))) {
      onBusFrame(frame);
    } else if (rawOpen) {
      pages.pongs.increment();
    } else {
      rawOpen = true;
      pingAfterSilence(ws); // its opening ping was answered: the next one after a silence, as eventbus.js
      sync(ws);
    }
  }

  private void watchFirstFrame(WebSocket ws) {
    pages.vertx.setTimer(FIRST_FRAME_TIMEOUT_MS, t -> {
      if (!ready && !settled && socket == ws) {
        socket = null;
        ws.close();
        retry("no first frame in " + FIRST_FRAME_TIMEOUT_MS / 1000 + " s");
      }
    });
  }

  private void onText(WebSocket ws, String text) {
    if (text.isEmpty() || ws != socket) {
      return;
    }
    switch (SockJsFrames.kind(text)) {
      case OPEN -> opened();
      case HEARTBEAT -> pages.sockJsHeartbeats.increment();
      case MESSAGES -> SockJsFrames.messages(text).forEach(f -> onBusFrame(new JsonObject(f)));
      case CLOSE -> pages.closeFrames.merge(text, 1, Integer::sum);
      default -> pages.strangeFrames.increment();
    }
  }

  private void opened() {
    ping();
    sync(socket);
  }

  /** room-session.js sync(): hello, then (once per connection) the registrations, then the first frame. */
  private void sync(WebSocket ws) {
    if (ws != null && ws == socket && !ready && problem == null) {
      request(RoomAddresses.COMMANDS, new JsonObject().put("action", "hello"), this::hello);
    }
  }

  private void hello(JsonObject reply) {
    if (!answered("hello", reply)) {
      return;
    }
    if (pages.real) {
      JsonObject identity = body(reply).getJsonObject("identity", new JsonObject());
      if (!"device".equals(identity.getString("type"))) {
        fail("hello: the server took the page for " + identity.encode());
        return;
      }
    }
    if (!registered) {
      registered = true;
      addresses().forEach(a -> write(new JsonObject().put("type", "register").put("address", a)));
    }
    if (kind == Kind.BOARD) {
      request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist"), this::firstFrame);
      if (pages.boardHeartbeatMs > 0 && heartbeatTimer < 0) {
        heartbeatTimer = pages.vertx.setPeriodic(pages.boardHeartbeatMs, t -> heartbeat());
      }
    } else {
      request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot").put("roomId", id), this::firstFrame);
    }
  }

  private void firstFrame(JsonObject reply) {
    if (!answered(kind == Kind.BOARD ? "playlist" : "snapshot", reply)) {
      return;
    }
    if (kind == Kind.BOARD) {
      notices = pages.real ? noticeIdsOf(body(reply)) : pages.madeUpNotices;
      nextNotice = ThreadLocalRandom.current().nextInt(Math.max(1, notices.size()));
    }
    firstFrameMs = (System.nanoTime() - attemptStart) / 1e6;
    ready = true;
    pages.settled(this);
  }

  private static List<String> noticeIdsOf(JsonObject playlist) {
    return playlist.getJsonArray("notices", new JsonArray()).stream()
        .map(n -> ((JsonObject) n).getString("id")).toList();
  }

  /**
   * signage.js heartbeat(): the notice on screen and every one shown since the last heartbeat, one
   * a dwell ({@value #DWELL_MS} ms), in turn.
   */
  private void heartbeat() {
    JsonArray shown = new JsonArray();
    String current = null;
    long cards = notices.isEmpty() ? 0 : Math.max(1, pages.boardHeartbeatMs / DWELL_MS);
    for (int i = 0; i < cards; i++) {
      current = notices.get(nextNotice++ % notices.size());
      if (!shown.contains(current)) {
        shown.add(current);
      }
    }
    pages.heartbeats.increment();
    pages.reportedNotices.add(shown.size());
    request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "heartbeat").put("current", current)
        .put("shown", shown), reply -> {
          if (reply == null) {
            pages.heartbeatTimeouts.increment();
          } else if (pages.real && !"rec".equals(reply.getString("type"))) {
            pages.heartbeatErrors.merge(String.valueOf(reply.getValue("message")), 1, Integer::sum);
          }
        });
  }

  /**
   * Whether a reply stands for the page's answer: a message from the real server, or the bare
   * bridge's "no handlers". Anything else fails the page; a missing reply (null) ends the attempt.
   */
  private boolean answered(String what, JsonObject reply) {
    if (reply == null) {
      return askAgain(what + " unanswered in " + REQUEST_TIMEOUT_MS / 1000 + " s");
    }
    if ("rec".equals(reply.getString("type"))) {
      return true;
    }
    if (!pages.real && "NO_HANDLERS".equals(reply.getString("failureType"))) {
      return true;
    }
    String code = codeOf(reply);
    if (pages.real && !FINAL_CODES.contains(code)) {
      return askAgain(what + " answered " + code);
    }
    fail(what + " refused: " + reply.encode());
    return false;
  }

  /**
   * Asks again from hello in 2 s on the same connection, as room-session.js does after a failed
   * hello or snapshot. (A real board that misses its playlist waits for the next push or
   * reconnect; here it asks again, since the benchmark needs its first frame.) Answers false.
   */
  private boolean askAgain(String why) {
    pages.retryReasons.merge(why + ", asked again", 1, Integer::sum);
    WebSocket ws = socket;
    pages.vertx.setTimer(SYNC_RETRY_MS, t -> sync(ws));
    return false;
  }

  /** The error code of a failed answer, as eventbus.js errorFromFrame() reads it. */
  private static String codeOf(JsonObject reply) {
    String message = reply.getString("message", "");
    if (message.startsWith("{")) {
      try {
        String code = new JsonObject(message).getString("code");
        if (code != null) {
          return code;
        }
      } catch (RuntimeException e) {
        // not JSON: a bridge-level failure
      }
    }
    return String.valueOf(reply.getValue("failureType", "INTERNAL"));
  }

  private void onBusFrame(JsonObject frame) {
    String address = frame.getString("address");
    Consumer<JsonObject> waiting = address == null ? null : pending.remove(address);
    if (waiting != null) {
      waiting.accept(frame);
    } else if (address != null && !addresses().contains(address)) {
      pages.lateReplies.increment(); // a reply after its request had timed out
    } else if ("rec".equals(frame.getString("type"))) {
      JsonObject body = body(frame);
      if ("reach".equals(body.getString("type"))) {
        reached = body.getString("tag");
      } else {
        pages.pushed.computeIfAbsent(kind, k -> new LongAdder()).increment();
      }
    } else if ("err".equals(frame.getString("type"))) {
      // a refused registration: the bridge says so without an address
      fail("refused: " + frame.encode());
    }
  }

  private void onClose(WebSocket ws) {
    cancelTimers();
    pending.clear();
    if (pages.stopping || ws != socket) {
      return;
    }
    socket = null;
    String why = "code " + ws.closeStatusCode() + (ws.closeReason() == null ? "" : " " + ws.closeReason());
    if (ready) {
      pages.closedWhileIdle.merge(why, 1, Integer::sum);
      problem = "closed by the server while idle: " + why;
    } else if (problem == null) {
      retry("closed before the first frame: " + why);
    }
  }

  private void retry(String why) {
    cancelTimers();
    if (settled) {
      return;
    }
    if (attempts > pages.retries) {
      problem = "never got its first frame (" + attempts + " attempts, last: " + why + ")";
      pages.settled(this);
      return;
    }
    pages.retryReasons.merge(why, 1, Integer::sum);
    pages.vertx.setTimer(RETRY_DELAY_MS, t -> start());
  }

  private void fail(String why) {
    if (problem != null) {
      return;
    }
    problem = why;
    pages.refusals.increment();
    cancelTimers();
    WebSocket ws = socket;
    socket = null;
    if (ws != null) {
      ws.close();
    }
    pages.settled(this);
  }

  private void ping() {
    write(new JsonObject().put("type", "ping"));
  }

  private void request(String address, JsonObject body, Consumer<JsonObject> onReply) {
    String replyAddress = UUID.randomUUID().toString();
    pending.put(replyAddress, onReply);
    pages.vertx.setTimer(REQUEST_TIMEOUT_MS, t -> {
      Consumer<JsonObject> late = pending.remove(replyAddress);
      if (late != null) {
        late.accept(null);
      }
    });
    write(new JsonObject().put("type", "send").put("address", address).put("body", body).put("replyAddress", replyAddress));
  }

  /** As eventbus.js write(): every frame carries the page's headers, its token. */
  private void write(JsonObject frame) {
    WebSocket ws = socket;
    if (ws != null && !ws.isClosed()) {
      frame.put("headers", new JsonObject().put("auth", token));
      ws.writeTextMessage(pages.raw ? frame.encode() : SockJsFrames.wrap(frame.encode()));
      pingAfterSilence(ws);
    }
  }

  /** As eventbus.js: a ping only after {@value #PING_MS} ms with nothing sent, so a board never pings. */
  private void pingAfterSilence(WebSocket ws) {
    if (pingTimer >= 0) {
      pages.vertx.cancelTimer(pingTimer);
    }
    pingTimer = pages.vertx.setTimer(PING_MS, t -> {
      if (ws == socket) {
        ping();
      }
    });
  }

  private void cancelTimers() {
    if (pingTimer >= 0) {
      pages.vertx.cancelTimer(pingTimer);
      pingTimer = -1;
    }
    if (heartbeatTimer >= 0) {
      pages.vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  void close() {
    cancelTimers();
    WebSocket ws = socket;
    if (ws != null) {
      ws.close();
    }
  }

  private static JsonObject body(JsonObject frame) {
    Object body = frame.getValue("body");
    if (body instanceof JsonObject object) {
      return object;
    }
    if (body instanceof String text && text.startsWith("{")) {
      return new JsonObject(text);
    }
    return new JsonObject();
  }
}
