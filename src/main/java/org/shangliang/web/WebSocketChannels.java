package org.shangliang.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * The TCP connection under a bridge socket that is a WebSocket (raw, or SockJS's websocket
 * transport). Vert.x 5 has no public way to it, and needs one here: its WebSocket close writes a
 * close frame and waits until that frame is sent, which a peer that reads nothing never allows, so
 * such a page could never be disconnected. The channel is reached through Vert.x's connection
 * class; should that change, nothing is found, sockets are closed the ordinary way only, and
 * SlowReadersTest fails.
 */
final class WebSocketChannels {
  private WebSocketChannels() {
  }

  /** The socket's channel, or null when it is not a WebSocket or cannot be reached. */
  static Channel of(SockJSSocket socket) {
    RoutingContext rc = socket.routingContext();
    HttpServerRequest request = rc == null ? null : rc.request();
    if (request == null || !"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
      return null;
    }
    return request.connection() instanceof ConnectionBase connection ? connection.channel() : null;
  }

  /** Keeps what the kernel buffers for the socket small (it doubles this), instead of growing it to megabytes. */
  static void limitSendBuffer(SockJSSocket socket, int bytes) {
    Channel channel = of(socket);
    if (channel != null) {
      channel.config().setOption(ChannelOption.SO_SNDBUF, bytes);
    }
  }

  /** Drops the connection now, with everything it has not sent: the peer sees a reset. */
  static boolean abort(SockJSSocket socket) {
    Channel channel = of(socket);
    if (channel == null || !channel.isOpen()) {
      return false;
    }
    channel.config().setOption(ChannelOption.SO_LINGER, 0);
    // From the first handler, the close goes straight to the socket and skips Vert.x's close handshake.
    ChannelHandlerContext first = channel.pipeline().firstContext();
    if (first != null) {
      first.close();
    } else {
      channel.close();
    }
    return true;
  }
}
