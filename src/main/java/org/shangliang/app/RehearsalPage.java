package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One page of a {@link Rehearsal}: the bridge's raw WebSocket, as the pages' own event-bus client
 * opens first (kiosk-ui/common/raw-socket.js): open once the bridge answered its first ping, then
 * one JSON frame per message each way, with the page's token in every frame's headers.
 */
final class RehearsalPage {
  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Held on purpose: Vert.x closes an unreachable client together with its connections. */
  private final WebSocketClient client;
  private final WebSocket socket;
  private final String token;
  private final Promise<RehearsalPage> opened = Promise.promise();
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RehearsalPage(WebSocketClient client, WebSocket socket, String token) {
    this.client = client;
    this.socket = socket;
    this.token = token;
    socket.textMessageHandler(this::onMessage);
    // what the bridge writes itself (a refusal) comes as a binary message
    socket.binaryMessageHandler(bytes -> onMessage(bytes.toString()));
    socket.closeHandler(gone -> {
      closed = true;
      opened.tryFail("the bridge closed the page before it answered");
      pending.values().forEach(reply -> reply.tryFail("the bridge closed the page"));
    });
  }

  /** Opens a page on the node at this port; completes once the bridge answered its first ping. */
  static Future<RehearsalPage> open(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
    // Handlers are set before it connects: Vert.x resumes a connected socket before the connect's
    // callbacks run, and a frame read with the handshake's answer would reach no handler.
    ClientWebSocket socket = client.webSocket();
    RehearsalPage page = new RehearsalPage(client, socket, token);
    return socket.connect(port, "127.0.0.1", "/eventbus/websocket").compose(connected -> {
      page.ping();
      return page.opened.future();
    });
  }

  /**
   * Sends a command and answers its reply; a failure reply fails with the code and message the node
   * sent, and a page the bridge closed fails every request, sent or to send, instead of waiting.
   */
  Future<JsonObject> request(String address, JsonObject body) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    pending.put(replyAddress, reply);
    send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress).put("body", body));
    if (closed) {
      reply.tryFail("the bridge closed the page");
    }
    return reply.future();
  }

  /**
   * Registers for what the node pushes to this address. What comes is read off the socket, as a page
   * does, but not decoded: the rehearsal runs the node's code, and decoding 200 displays' tallies in
   * the same JVM only took the node's cores.
   */
  void listen(String address) {
    send(new JsonObject().put("type", "register").put("address", address));
  }

  void ping() {
    send(new JsonObject().put("type", "ping"));
  }

  Future<Void> close() {
    return socket.close().eventually(client::close);
  }

  private void send(JsonObject frame) {
    frame.put("headers", new JsonObject().put("auth", token));
    socket.writeTextMessage(frame.encode());
  }

  private void onMessage(String message) {
    if (!opened.future().isComplete()) {
      opened.tryComplete(this); // the first answer, the pong, says the page is open
    } else if (!pending.isEmpty()) {
      onFrame(new JsonObject(message));
    }
  }

  private void onFrame(JsonObject frame) {
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply == null) {
      return;
    }
    if ("err".equals(frame.getString("type"))) {
      reply.fail(frame.getString("failureType", "FAILED") + ": " + frame.getString("message"));
    } else {
      reply.complete(frame.getJsonObject("body"));
    }
  }
}
