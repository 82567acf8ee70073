package org.shangliang.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.auth.Credentials;
import org.shangliang.common.Identity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers this node's bridge sockets by the account or device whose token their frames carry,
 * and closes them all when that identity's tokens are revoked anywhere in the cluster
 * ({@link Credentials#REVOKED}): a revoked kiosk is cut off at once, not at its next frame, and
 * its page reconnects to learn that it is no longer enrolled (or, after a move, its new room).
 */
final class SocketsByIdentity implements Handler<BridgeEvent> {
  /** WebSocket close code 1008, policy violation: the socket's credentials are no longer what they were. */
  static final int CREDENTIALS_CHANGED = 1008;

  private final Handler<BridgeEvent> next;
  private final Credentials credentials;
  private final Map<String, Set<SockJSSocket>> byIdentity = new ConcurrentHashMap<>();
  /** The last token each socket's frames carried: resolved again only when it changes. */
  private final Map<SockJSSocket, String> tokens = new ConcurrentHashMap<>();
  /** Whose each remembered socket is, so a closing socket is forgotten without a walk over every identity. */
  private final Map<SockJSSocket, String> owners = new ConcurrentHashMap<>();

  SocketsByIdentity(Vertx vertx, Credentials credentials, Handler<BridgeEvent> next) {
    this.next = next;
    this.credentials = credentials;
    // Every node must hear it, so a normal (cluster-wide) consumer, not a local one.
    vertx.eventBus().<String>consumer(Credentials.REVOKED, message -> closeAllOf(message.body()));
  }

  @Override
  public void handle(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SEND || type == BridgeEventType.REGISTER) {
      remember(event.socket(), BridgeGuard.tokenOf(event.getRawMessage()));
    } else if (type == BridgeEventType.SOCKET_CLOSED) {
      forget(event.socket());
    }
    next.handle(event);
  }

  private void remember(SockJSSocket socket, String token) {
    // Read first: most frames carry the token already known, and writing it again would mark the
    // long-lived map dirty for the collector at every frame of every socket.
    if (token == null || token.equals(tokens.get(socket))) {
      return;
    }
    tokens.put(socket, token);
    credentials.resolve(token).onSuccess(who -> {
      if (who.type() != Identity.Type.ANONYMOUS && tokens.containsKey(socket)) {
        String earlier = owners.put(socket, who.id());
        if (earlier != null && !earlier.equals(who.id())) {
          removeFrom(earlier, socket);
        }
        byIdentity.computeIfAbsent(who.id(), id -> ConcurrentHashMap.newKeySet()).add(socket);
      }
    });
  }

  private void forget(SockJSSocket socket) {
    tokens.remove(socket);
    String owner = owners.remove(socket);
    if (owner != null) {
      removeFrom(owner, socket);
    }
  }

  private void removeFrom(String identityId, SockJSSocket socket) {
    byIdentity.computeIfPresent(identityId, (id, sockets) -> {
      sockets.remove(socket);
      return sockets.isEmpty() ? null : sockets;
    });
  }

  private void closeAllOf(String identityId) {
    Set<SockJSSocket> sockets = identityId == null ? null : byIdentity.remove(identityId);
    if (sockets != null) {
      sockets.forEach(socket -> {
        tokens.remove(socket);
        owners.remove(socket);
        socket.close(CREDENTIALS_CHANGED, "credentials revoked");
      });
    }
  }

}
