package org.shangliang.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a bridge socket that has sent nothing at all for the silence limit: its page is gone, or
 * its network is. The bridge's own check hears only pings, so a page would have to ping even while
 * it talks; here every frame counts (a ping, a request, a registration), and a notice board, whose
 * heartbeat comes every 30 s, never needs to ping. One sweep for all sockets replaces a timer each.
 */
final class SilentSockets implements Handler<BridgeEvent> {
  private final Handler<BridgeEvent> next;
  private final long limitMs;
  private final Map<SockJSSocket, LastHeard> sockets = new ConcurrentHashMap<>();

  SilentSockets(Vertx vertx, long limitMs, Handler<BridgeEvent> next) {
    this.next = next;
    this.limitMs = limitMs;
    vertx.setPeriodic(Math.max(250, limitMs / 4), id -> closeSilent(System.currentTimeMillis()));
  }

  @Override
  public void handle(BridgeEvent event) {
    BridgeEventType type = event.type();
    SockJSSocket socket = event.socket();
    switch (type) {
      case SOCKET_CREATED -> sockets.put(socket, new LastHeard(System.currentTimeMillis()));
      case SOCKET_CLOSED -> sockets.remove(socket);
      case SOCKET_PING, SEND, PUBLISH, REGISTER, UNREGISTER -> {
        LastHeard heard = sockets.get(socket);
        if (heard != null) {
          heard.at = System.currentTimeMillis();
        }
      }
      default -> {
        // RECEIVE goes out to the page and says nothing of it; the rest end the socket anyway
      }
    }
    next.handle(event);
  }

  private void closeSilent(long now) {
    sockets.forEach((socket, heard) -> {
      if (now - heard.at > limitMs && sockets.remove(socket, heard)) {
        socket.close();
      }
    });
  }

  /** Written on the socket's event loop, read by the sweep on another. */
  private static final class LastHeard {
    volatile long at;

    LastHeard(long at) {
      this.at = at;
    }
  }
}
