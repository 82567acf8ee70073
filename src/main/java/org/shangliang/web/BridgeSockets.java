package org.shangliang.web;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Handler;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.auth.Credentials;
import org.shangliang.common.Identity;
import org.shangliang.metrics.Meters;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the bridge's open sockets by who holds them (kiosk, room display, notice board, host,
 * staff, or not yet known) for /metrics, then hands every event on to the bridge's gatekeeper. A
 * socket's kind is learnt from the first frame that carries a token.
 */
final class BridgeSockets implements Handler<BridgeEvent> {
  static final List<String> KINDS = List.of("kiosk", "display", "board", "host", "staff", "unknown");
  private final Handler<BridgeEvent> next;
  private final Credentials credentials;
  private final Map<SockJSSocket, String> kinds = new ConcurrentHashMap<>();

  BridgeSockets(Handler<BridgeEvent> next, Credentials credentials) {
    this.next = next;
    this.credentials = credentials;
    for (String kind : KINDS) {
      Gauge.builder("shangliang.bridge.sockets", kinds, all -> all.values().stream().filter(kind::equals).count())
          .description("Open bridge sockets by who holds them").tag("kind", kind).register(Meters.registry());
    }
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_CREATED) {
      kinds.put(socket, "unknown");
    } else if (type == BridgeEventType.SOCKET_CLOSED) {
      kinds.remove(socket);
    } else if ((type == BridgeEventType.SEND || type == BridgeEventType.REGISTER) && "unknown".equals(kinds.get(socket))) {
      credentials.resolve(BridgeGuard.tokenOf(event.getRawMessage())).onSuccess(who -> kinds.replace(socket, "unknown", kindOf(who)));
    }
    next.handle(event);
  }

  static String kindOf(Identity who) {
    return switch (who.role()) {
      case KIOSK -> "kiosk";
      case DISPLAY -> who.roomId() == null ? "board" : "display";
      case ADMIN, CADRE, GRID_WORKER -> "host";
      case STAFF, VIEWER -> "staff";
      case NONE -> "unknown";
    };
  }

}
