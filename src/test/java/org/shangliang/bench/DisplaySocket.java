package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.shangliang.support.SockJsFrames;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A room display's end of the bridge: a real WebSocket that registers for the room's addresses and
 * hands on every message published there, over SockJS's WebSocket transport as the display page
 * does, or over the raw /eventbus/websocket ({@link BenchRoom.Transport}). It reads whole WebSocket
 * messages: the snapshot of a room of hundreds spans several 64 KiB frames.
 */
final class DisplaySocket {
  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Held on purpose: an unreachable client is closed by Vert.x, evicting its connections. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final String token;
  private final List<String> addresses;
  private final Consumer<JsonObject> onMessage;
  private final boolean sockJs;
  /** Error frames, e.g. a refused registration. */
  final List<JsonObject> errors = new CopyOnWriteArrayList<>();

  private final Promise<DisplaySocket> opened = Promise.promise();

  private DisplaySocket(WebSocketClient client, WebSocket socket, String token, List<String> addresses,
                        Consumer<JsonObject> onMessage, boolean sockJs) {
    this.client = client;
    this.socket = socket;
    this.token = token;
    this.addresses = addresses;
    this.onMessage = onMessage;
    this.sockJs = sockJs;
    socket.binaryMessageHandler(this::onFrame);
    socket.textMessageHandler(sockJs ? this::onSockJsMessage : text -> onFrame(Buffer.buffer(text)));
    socket.closeHandler(closed -> opened.tryFail("the bridge closed the display before its session opened"));
  }

  /** Once connected: over the raw WebSocket it registers now; over SockJS once the session said it is open. */
  private Future<DisplaySocket> connected() {
    if (!sockJs) {
      register();
    }
    return opened.future();
  }

  /** Connects, registers for the addresses, and answers once the socket (and its SockJS session) is open. */
  static Future<DisplaySocket> connect(Vertx vertx, int port, String token, List<String> addresses,
                                       Consumer<JsonObject> onMessage, BenchRoom.Transport transport) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    boolean sockJs = transport == BenchRoom.Transport.SOCKJS;
    // handlers before the connection: SockJS's "o" may be read with the handshake's answer
    ClientWebSocket socket = client.webSocket();
    DisplaySocket display = new DisplaySocket(client, socket, token, addresses, onMessage, sockJs);
    return socket.connect(port, "127.0.0.1", sockJs ? SockJsFrames.sessionPath() : "/eventbus/websocket")
        .compose(connected -> display.connected());
  }

  private void register() {
    addresses.forEach(address -> write(new JsonObject().put("type", "register").put("address", address)));
    opened.tryComplete(this);
  }

  /** The server closes a socket that has sent nothing for 120 s; a silent page pings as eventbus.js does. */
  void ping() {
    write(new JsonObject().put("type", "ping"));
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  Future<Void> close() {
    return socket.close().eventually(client::close);
  }

  private void write(JsonObject frame) {
    frame.put("headers", new JsonObject().put("auth", token));
    socket.writeTextMessage(sockJs ? SockJsFrames.wrap(frame.encode()) : frame.encode());
  }

  private void onSockJsMessage(String message) {
    SockJsFrames.read(message, this::register, frame -> onFrame(Buffer.buffer(frame)),
        closed -> opened.tryFail("the bridge closed the display's session: " + closed));
  }

  private void onFrame(Buffer data) {
    JsonObject frame = new JsonObject(data);
    String type = frame.getString("type");
    if ("rec".equals(type) && addresses.contains(frame.getString("address"))) {
      Object body = frame.getValue("body");
      onMessage.accept(body instanceof String text ? new JsonObject(text) : (JsonObject) body);
    } else if ("err".equals(type)) {
      errors.add(frame);
    }
  }
}
