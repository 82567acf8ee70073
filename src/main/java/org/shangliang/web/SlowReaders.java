package org.shangliang.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.common.Pushes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every bridge socket's backlog bounded, whatever its page does (docs/DESIGN.md, "Pages that
 * stop reading"). The bridge hands each message for a socket to the hook, which writes it here
 * and counts its bytes until the network has taken them: Vert.x's own measure, writeQueueFull(),
 * stays false for SockJS sessions over a WebSocket, whose frames go straight to the connection.
 * A full socket is sent no more pushed states until it drains, then only the newest; one that stays
 * full for the stall limit, or whose unread replies reach four times the limit, is closed.
 * Used on the web server's event loop only.
 */
final class SlowReaders {
  private static final Logger LOG = LoggerFactory.getLogger(SlowReaders.class);
  /** Replies are never dropped; a page that keeps asking and never reads meets this instead. */
  static final int HARD_LIMIT_FACTOR = 4;
  /**
   * The kernel's send buffer for a bridge WebSocket (Linux doubles it). Left to autotuning it may
   * grow to megabytes (tcp_wmem, 4 MiB here), all taken before the server sees the socket full.
   */
  static final int SEND_BUFFER_BYTES = 32 * 1024;
  private static final OutgoingFrame PONG = OutgoingFrame.of(new JsonObject().put("type", "pong"));

  private final Vertx vertx;
  private final BridgeLimits limits;
  private final Map<SockJSSocket, SocketOutbox> outboxes = new HashMap<>();
  private final PushFrames pushFrames = new PushFrames();
  private long closedCount;

  SlowReaders(Vertx vertx, BridgeLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
  }

  void opened(SockJSSocket socket) {
    outboxes.put(socket, new SocketOutbox(limits.queueBytes()));
    WebSocketChannels.limitSendBuffer(socket, SEND_BUFFER_BYTES);
  }

  void closed(SockJSSocket socket) {
    SocketOutbox box = outboxes.remove(socket);
    if (box != null && box.stallTimer >= 0) {
      vertx.cancelTimer(box.stallTimer);
    }
  }

  /**
   * A page on the bridge's raw WebSocket hears a pong for each ping: its proof that the connection
   * works both ways (kiosk-ui/common/raw-socket.js), and traffic towards it for proxies that close
   * a connection the server is silent on. SockJS's transports have their own heartbeats instead.
   */
  void pinged(SockJSSocket socket) {
    SocketOutbox box = outboxes.get(socket);
    if (box != null && !box.closing && BridgeRoutes.isRawWebSocket(socket)) {
      write(socket, box, PONG);
    }
  }

  /**
   * A message is about to be written to a socket (RECEIVE). A pushed one (newest wins) is held
   * while the socket is full; anything else, a reply, always goes out.
   */
  void deliver(BridgeEvent event, boolean pushed) {
    SocketOutbox box = outboxes.get(event.socket());
    if (box == null) {
      event.complete(true); // a reply racing the socket's end: the bridge writes it to a closed socket
      return;
    }
    event.complete(false); // written below, not by the bridge, so that its bytes are counted
    JsonObject envelope = event.getRawMessage();
    if (box.closing || pushed && box.hold(envelope.getString("address"), envelope, isPartial(envelope))) {
      return;
    }
    write(event.socket(), box, pushed ? pushFrames.encode(envelope) : OutgoingFrame.of(envelope));
    if (!pushed && box.unsent() >= (long) HARD_LIMIT_FACTOR * limits.queueBytes()) {
      close(event.socket(), box, "its unread replies reached " + box.unsent() + " bytes");
    }
  }

  private void write(SockJSSocket socket, SocketOutbox box, OutgoingFrame frame) {
    int bytes = frame.bytes();
    if (box.written(bytes, System.currentTimeMillis())) {
      box.stallTimer = vertx.setTimer(limits.stallMs(), t -> {
        box.stallTimer = -1;
        close(socket, box, "it read nothing for " + limits.stallSeconds() + " s");
      });
    }
    socket.write(frame.text()).onComplete(ar -> sent(socket, box, bytes));
  }

  private void sent(SockJSSocket socket, SocketOutbox box, int bytes) {
    List<JsonObject> due = box.sent(bytes);
    if (!box.full() && box.stallTimer >= 0) {
      vertx.cancelTimer(box.stallTimer);
      box.stallTimer = -1;
    }
    for (JsonObject envelope : due) {
      if (!box.closing) {
        write(socket, box, OutgoingFrame.of(envelope));
      }
    }
  }

  /**
   * Drops a WebSocket's connection at once: Vert.x's close would first wait to send a close frame,
   * which a page that reads nothing never takes. Other transports are SockJS sessions, whose close
   * frees what they queue.
   */
  private void close(SockJSSocket socket, SocketOutbox box, String why) {
    if (box.closing) {
      return;
    }
    box.closing = true;
    box.clear();
    closedCount++;
    LOG.info("closing the bridge socket of {}: {} ({} closed so far)", socket.remoteAddress(), why, closedCount);
    // The dropped connection fails the socket: expected here, not an error for the log.
    socket.exceptionHandler(ignored -> { });
    if (!WebSocketChannels.abort(socket)) {
      socket.close();
    }
  }

  private static boolean isPartial(JsonObject envelope) {
    return envelope.getValue("headers") instanceof JsonObject headers && headers.containsKey(Pushes.PARTIAL);
  }
}
