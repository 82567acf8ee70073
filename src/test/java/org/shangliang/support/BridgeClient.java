package org.shangliang.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A page's view of the bridge for tests and benchmarks: a real WebSocket speaking the bridge's JSON
 * frames, with the caller's token in every frame's headers. {@link #connect} opens the raw
 * /eventbus/websocket; {@link #connectAsPage} opens SockJS's WebSocket transport with its framing
 * ({@link SockJsFrames}), as the pages' own client does.
 */
public final class BridgeClient {
  private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
  /** Held on purpose: an unreachable client is closed by Vert.x, evicting its connections. */
  private final WebSocketClient client;
  private final Vertx vertx;
  private final WebSocket socket;
  private final String token;
  /** Whether frames travel in SockJS's framing, as from a page, rather than raw. */
  private final boolean sockJs;
  private final Promise<BridgeClient> opened = Promise.promise();
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonObject>> subscriptions = new ConcurrentHashMap<>();
  /** Error frames that answered no request (e.g. a refused registration). */
  public final List<JsonObject> errors = new CopyOnWriteArrayList<>();
  /** Every frame received, in order, once {@link #recordFrames()} was called: what a hostile page could keep. */
  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private volatile boolean recording;

  private BridgeClient(Vertx vertx, WebSocketClient client, WebSocket socket, String token, boolean sockJs) {
    this.vertx = vertx;
    this.client = client;
    this.socket = socket;
    this.token = token;
    this.sockJs = sockJs;
    // Whole messages, not frames: a big snapshot arrives in several WebSocket frames.
    socket.binaryMessageHandler(this::onFrame);
    socket.textMessageHandler(sockJs ? this::onSockJsMessage : text -> onFrame(Buffer.buffer(text)));
    // A request whose socket closed gets no answer any more: fail it, as a page's client does.
    socket.closeHandler(closed -> {
      opened.tryFail("the bridge closed the connection before the session opened");
      pending.keySet().forEach(address -> {
        Promise<JsonObject> reply = pending.remove(address);
        if (reply != null) {
          reply.tryFail(new BridgeFailure("OFFLINE", -1, "connection lost", new JsonObject()));
        }
      });
    });
  }

  public static Future<BridgeClient> connect(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    ClientWebSocket socket = client.webSocket();
    BridgeClient bridge = new BridgeClient(vertx, client, socket, token, false);
    return socket.connect(port, "127.0.0.1", "/eventbus/websocket").map(connected -> bridge);
  }

  /** Connects as a page does, over SockJS's WebSocket transport; answers once SockJS said the session is open. */
  public static Future<BridgeClient> connectAsPage(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    // Handlers before the connection: Vert.x resumes a connected socket before the connect's
    // callbacks run, and SockJS's "o" read with the handshake's answer would reach no handler.
    ClientWebSocket socket = client.webSocket();
    BridgeClient bridge = new BridgeClient(vertx, client, socket, token, true);
    return socket.connect(port, "127.0.0.1", SockJsFrames.sessionPath()).compose(connected -> bridge.opened.future());
  }

  /** Sends a command and answers its reply; a failure reply fails with a {@link BridgeFailure}. */
  public Future<JsonObject> request(String address, JsonObject body) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    pending.put(replyAddress, reply);
    send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress)
        .put("body", body));
    return reply.future();
  }

  public void register(String address, Consumer<JsonObject> handler) {
    subscriptions.put(address, handler);
    send(new JsonObject().put("type", "register").put("address", address));
  }

  /** Sends any frame as is, with the token added to its headers. */
  public void send(JsonObject frame) {
    if (token != null) {
      frame.put("headers", new JsonObject().put("auth", token));
    }
    sendRaw(frame.encode());
  }

  /** Sends this text as one bus frame, whatever it holds (SockJS-framed on a page's connection). */
  public void sendRaw(String text) {
    socket.writeTextMessage(sockJs ? SockJsFrames.wrap(text) : text);
  }

  /** From now on, keeps every frame received in {@link #frames}. */
  public BridgeClient recordFrames() {
    recording = true;
    return this;
  }

  /** Pings the bridge every 20 s, as our page client does: the bridge closes a socket that sends nothing for 60 s. */
  public BridgeClient keepAlive() {
    vertx.setPeriodic(20_000, id -> {
      if (socket.isClosed()) {
        vertx.cancelTimer(id);
      } else {
        sendRaw(new JsonObject().put("type", "ping").encode());
      }
    });
    return this;
  }

  /** Stops reading the socket, as a frozen page does: what the server sends backs up towards it. */
  public void pause() {
    socket.pause();
  }

  /** Reads again after {@link #pause()}. */
  public void resume() {
    socket.resume();
  }

  public Future<Void> close() {
    return socket.close().eventually(() -> client.close());
  }

  /** The token this client sends in every frame. */
  public String token() {
    return token;
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  private void onSockJsMessage(String message) {
    SockJsFrames.read(message, () -> opened.tryComplete(this), frame -> onFrame(Buffer.buffer(frame)),
        closed -> opened.tryFail("the bridge closed the session: " + closed));
  }

  private void onFrame(Buffer data) {
    JsonObject frame = new JsonObject(data);
    if (recording) {
      frames.add(frame);
    }
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply != null) {
      if ("err".equals(frame.getString("type"))) {
        reply.fail(BridgeFailure.of(frame));
      } else {
        reply.complete(frame.getJsonObject("body"));
      }
      return;
    }
    Consumer<JsonObject> handler = address == null ? null : subscriptions.get(address);
    if (handler != null && "rec".equals(frame.getString("type"))) {
      Object body = frame.getValue("body");
      handler.accept(body instanceof String text ? new JsonObject(text) : (JsonObject) body);
    } else if ("err".equals(frame.getString("type"))) {
      errors.add(frame);
    }
  }

  /** A failure reply: the named code and message the server sent, and the whole of what it sent ({@code retryAfter}…). */
  public static final class BridgeFailure extends RuntimeException {
    public final String code;
    public final int failureCode;
    public final JsonObject detail;

    BridgeFailure(String code, int failureCode, String message, JsonObject detail) {
      super(code + ": " + message, null, false, false);
      this.code = code;
      this.failureCode = failureCode;
      this.detail = detail;
    }

    static BridgeFailure of(JsonObject frame) {
      String message = frame.getString("message", "");
      try {
        JsonObject parsed = new JsonObject(message);
        return new BridgeFailure(parsed.getString("code"), frame.getInteger("failureCode", -1), parsed.getString("message"), parsed);
      } catch (RuntimeException notJson) {
        return new BridgeFailure(frame.getString("failureType", "ERROR"), frame.getInteger("failureCode", -1), message,
            new JsonObject());
      }
    }
  }
}
