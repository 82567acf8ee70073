package org.shangliang.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.JsonCodec;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A pushed frame framed once for every page that gets it over SockJS's WebSocket transport. Through
 * its session, each socket would turn the frame's bytes into a String, escape it into SockJS's
 * framing ({@code a["…"]}, every character beyond ASCII as {@code \\uXXXX}) and encode the result
 * again: a tally to 200 displays was framed 200 times, a snapshot with Chinese text to 700 pages
 * 700 times (docs/BENCHMARKS.md, "Vote storm", the transports). Here the session's own encoder
 * frames it once, and each connection is handed a WebSocket text frame over the same bytes.
 *
 * <p>Only where nothing can overtake it or be overtaken: a SockJS session over a WebSocket whose
 * connection is writable and served by this thread, with nothing the caller wrote before still
 * unsent ({@code idle}); and only a frame that fits in one WebSocket frame of the server's largest
 * size, since Vert.x splits a longer message into frames of that size (a client may refuse
 * larger frames, as Vert.x's own refuses those over 64 KiB). Anything else, and every reply, goes
 * through the session as before. The
 * raw /eventbus/websocket needs none of this: its session writes the frame's bytes as they are.
 * Used on one event loop, like the {@link SlowReaders} that hold it.
 */
final class SockJsFanOut {
  /** SockJS's WebSocket transport: the bridge's path, then a server and a session segment. */
  private static final Pattern SOCKJS_WEBSOCKET = Pattern.compile(Pattern.quote(BridgeRoutes.PATH) + "/[^/.]+/[^/.]+/websocket");

  private Buffer lastFrame;
  private byte[] lastText;

  /** The connection under the socket if it is a SockJS session over a WebSocket, else null: asked once per socket. */
  static Channel channelOf(SockJSSocket socket) {
    RoutingContext rc = socket.routingContext();
    if (rc == null || rc.request() == null || !SOCKJS_WEBSOCKET.matcher(rc.request().path()).matches()) {
      return null;
    }
    return WebSocketChannels.of(socket);
  }

  /**
   * Writes the pushed frame to the connection as SockJS would, unless the conditions above do not
   * hold: then answers null, and the caller writes it through the session.
   */
  ChannelFuture write(Channel channel, Buffer frame, boolean idle) {
    if (channel == null || !idle || !channel.isWritable() || !channel.eventLoop().inEventLoop()) {
      return null;
    }
    byte[] text = sockJsText(frame);
    if (text.length > BridgeRoutes.MAX_MESSAGE_BYTES) {
      return null; // Vert.x splits it into frames of at most this size, as pages' clients may expect
    }
    return channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(text)));
  }

  /** "a" and the frame as a JSON array of one string, as the session frames it: ASCII only. */
  private byte[] sockJsText(Buffer frame) {
    if (frame != lastFrame) {
      lastFrame = frame;
      lastText = ("a" + JsonCodec.encode(new String[] {frame.toString(StandardCharsets.UTF_8)})).getBytes(StandardCharsets.US_ASCII);
    }
    return lastText;
  }
}
