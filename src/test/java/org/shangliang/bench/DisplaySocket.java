package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A room display's end of the bridge: a real WebSocket to /eventbus/websocket that registers for
 * one address and hands on every message published there. Unlike the tests' BridgeClient it reads
 * whole WebSocket messages: the snapshot of a room of hundreds spans several 64 KiB frames, and a
 * per-frame handler would see pieces of JSON.
 */
final class DisplaySocket {
  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Held on purpose: an unreachable client is closed by Vert.x, evicting its connections. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final String token;
  private final List<String> addresses;
  private final Consumer<JsonObject> onMessage;
  /** Error frames, e.g. a refused registration. */
  final List<JsonObject> errors = new CopyOnWriteArrayList<>();

  private DisplaySocket(WebSocketClient client, WebSocket socket, String token, List<String> addresses,
                        Consumer<JsonObject> onMessage) {
    this.client = client;
    this.socket = socket;
    this.token = token;
    this.addresses = addresses;
    this.onMessage = onMessage;
    socket.binaryMessageHandler(this::onFrame);
    socket.textMessageHandler(text -> onFrame(Buffer.buffer(text)));
    addresses.forEach(address -> write(new JsonObject().put("type", "register").put("address", address)));
  }

  /** Connects, registers for the addresses, and answers once the socket is open. */
  static Future<DisplaySocket> connect(Vertx vertx, int port, String token, List<String> addresses,
                                       Consumer<JsonObject> onMessage) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    return client.connect(port, "127.0.0.1", "/eventbus/websocket")
        .map(ws -> new DisplaySocket(client, ws, token, addresses, onMessage));
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
    socket.writeTextMessage(frame.encode());
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
