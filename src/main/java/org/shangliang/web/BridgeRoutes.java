package org.shangliang.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import org.shangliang.room.TallyAudience;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The event-bus bridge at /eventbus with every SockJS transport, so that pages behind proxies that
 * block WebSockets still work over plain HTTP (xhr-streaming, xhr-polling). Only pages of this
 * server's own origins may use it from a browser.
 */
final class BridgeRoutes {
  static final String PATH = "/eventbus";
  /** Where the pages' first choice of transport, the same frames without SockJS's framing, is served. */
  static final String RAW_WEBSOCKET_PATH = PATH + "/websocket";
  /** The most one WebSocket message or one xhr_send body may hold. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;
  /** Transports whose one response stays open while the page waits for messages. */
  private static final Set<String> STREAMING = Set.of("xhr", "xhr_streaming", "eventsource", "htmlfile", "jsonp");

  /**
   * How often an open transport sends SockJS's heartbeat at most: under a proxy's usual 60 s read
   * timeout, and rarely enough that 10,000 idle screens cost a node little (SockJS's default is 25 s).
   */
  private static final long MAX_HEARTBEAT_MS = 45_000;

  private final Vertx vertx;
  private final Credentials credentials;
  private final Supplier<String> publicUrl;
  private final long heartbeatMs;
  private final long silenceLimitMs;
  private final BridgeLimits outboxLimits;
  private final TallyAudience tallyAudience;

  /**
   * idleTimeoutSeconds: the server closes connections silent both ways for that long; heartbeats
   * come before it, and a bridge socket that sends nothing for twice as long is closed.
   * outboxLimits: how much a socket that does not read may have waiting, and for how long.
   */
  BridgeRoutes(Vertx vertx, Credentials credentials, Supplier<String> publicUrl, int idleTimeoutSeconds,
               BridgeLimits outboxLimits, TallyAudience tallyAudience) {
    this.vertx = vertx;
    this.tallyAudience = tallyAudience;
    this.credentials = credentials;
    this.publicUrl = publicUrl;
    this.heartbeatMs = heartbeatMillis(idleTimeoutSeconds);
    this.silenceLimitMs = silenceLimitMillis(idleTimeoutSeconds);
    this.outboxLimits = outboxLimits;
  }

  void mount(Router router) {
    router.route(PATH + "/*").handler(this::ownOriginsOnly);
    router.route(PATH + "/*").handler(BridgeRoutes::uncompressed);
    // xhr_send and xhr carry frames in POST bodies, which SockJS reads only through a body handler
    router.post(PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(MAX_MESSAGE_BYTES));
    SockJSHandlerOptions options = new SockJSHandlerOptions().setInsertJSESSIONID(false).setHeartbeatInterval(heartbeatMs);
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx, options)
        .bridge(BridgeGuard.options(), new BridgeSockets(new SilentSockets(vertx, silenceLimitMs,
            new SocketsByIdentity(vertx, credentials, new BridgeGuard(credentials, new SlowReaders(vertx, outboxLimits),
                new TallyListeners(tallyAudience)))), credentials)));
  }

  /** SockJS's heartbeat: three quarters of the idle timeout, so a page that only listens is never idle. */
  static long heartbeatMillis(int idleTimeoutSeconds) {
    return Math.min(MAX_HEARTBEAT_MS, idleTimeoutSeconds * 750L);
  }

  /** A page pings after 40 s with nothing sent (eventbus.js): twice the idle timeout is three missed pings. */
  static long silenceLimitMillis(int idleTimeoutSeconds) {
    return idleTimeoutSeconds * 2_000L;
  }

  /** Whether the socket is the bridge's raw WebSocket, not one of SockJS's sessions. */
  static boolean isRawWebSocket(SockJSSocket socket) {
    String uri = socket.uri();
    return uri != null && (uri.equals(RAW_WEBSOCKET_PATH) || uri.startsWith(RAW_WEBSOCKET_PATH + "?"));
  }

  /** Whether the request belongs to the bridge (its WebSockets and its HTTP transports). */
  static boolean isBridge(HttpServerRequest req) {
    return req.path() != null && req.path().startsWith(PATH + "/");
  }

  /** Whether the request is one of the bridge's long-lived HTTP transports (no request deadline). */
  static boolean streams(HttpServerRequest req) {
    String path = req.path();
    return path != null && path.startsWith(PATH + "/") && STREAMING.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * A page of another site gets 403 and no CORS grant: SockJS would otherwise echo any Origin with
   * credentials allowed. A request without Origin is no browser page of another site.
   */
  private void ownOriginsOnly(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || isOwnOrigin(origin, ctx.request().getHeader(HttpHeaders.HOST), publicUrl.get())) {
      ctx.next();
    } else {
      HttpFailures.send(ctx, new Failure(ErrorCode.FORBIDDEN, "只接受本站页面的连接"));
    }
  }

  /** SockJS's streaming fallbacks must not sit in a compressor's buffer: only pages and data are gzipped. */
  private static void uncompressed(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    ctx.next();
  }

  /**
   * The server's own origins: the one in PUBLIC_URL, and the host the request was sent to (kiosks
   * on the LAN reach the server under another name than phones do). Behind a proxy that ends TLS
   * the request may arrive as http for an https page, so the host decides, not the scheme.
   */
  static boolean isOwnOrigin(String origin, String hostHeader, String publicUrl) {
    URI page;
    try {
      page = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (page.getHost() == null || !("http".equals(page.getScheme()) || "https".equals(page.getScheme()))) {
      return false;
    }
    String pageHost = page.getHost().toLowerCase(Locale.ROOT);
    int pagePort = page.getPort() >= 0 ? page.getPort() : defaultPort(page.getScheme());
    if (publicUrl != null) {
      URI own = URI.create(publicUrl);
      if (page.getScheme().equals(own.getScheme()) && pageHost.equals(own.getHost().toLowerCase(Locale.ROOT))
          && pagePort == (own.getPort() >= 0 ? own.getPort() : defaultPort(own.getScheme()))) {
        return true;
      }
    }
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    URI sentTo;
    try {
      sentTo = URI.create(page.getScheme() + "://" + hostHeader.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return sentTo.getHost() != null && pageHost.equals(sentTo.getHost().toLowerCase(Locale.ROOT))
        && (sentTo.getPort() >= 0 ? sentTo.getPort() == pagePort : pagePort == 80 || pagePort == 443);
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }
}
