package org.shangliang.web;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Holds every HTTP connection to {@link HttpLimits}: caps on open connections (per address and in
 * all), a deadline for each request head and each request. Vert.x has no header timeout, and its
 * idle timeout never fires on a client that sends a byte every few seconds. Connections and
 * requests of the one web server all run on its event loop, so nothing here needs a lock.
 */
final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  /** File descriptors the server needs besides its connections: an idle demo server holds about 110. */
  static final int RESERVED_DESCRIPTORS = 512;
  /**
   * What a connection carrying the bridge may send per second, averaged over a second: one
   * message of the largest size (64 KiB), or hundreds of a page's commands (under 1 KiB each).
   * Read faster, its reads wait: a flood of the largest frames from one page cost the other pages'
   * answers hundreds of ms before (BridgeFramesTest).
   */
  static final long BRIDGE_READ_BYTES_PER_SECOND = 64 * 1024;
  private static final long SWEEP_MS = 250;
  private static final long REFUSAL_LOG_MS = 60_000;

  private final Vertx vertx;
  private final HttpLimits limits;
  private final int maxConnections;
  /** Every open connection, for the caps. */
  private final Map<HttpConnection, Watch> watches = new HashMap<>();
  /**
   * The connections the sweep looks at: those still speaking HTTP. A WebSocket leaves it once
   * upgraded; idle time and its close end it, so 10,000 idle screens cost the sweep nothing.
   */
  private final Map<HttpConnection, Watch> inHttp = new HashMap<>();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private long sweepTimer = -1;
  private long refusedSinceLog;
  private long lastRefusalLog;

  ConnectionGuard(Vertx vertx, HttpLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
    this.maxConnections = withinDescriptors(limits.maxConnections());
  }

  /** What a connection is doing: waiting for a request head since a time, or serving a request. */
  private static final class Watch {
    final String address;
    long waitingSince = System.nanoTime();
    HttpServerRequest request;
    long requestSince;
    boolean streams;
    boolean upgrade;
    boolean closing;
    boolean metered;

    Watch(String address) {
      this.address = address;
    }
  }

  void start() {
    sweepTimer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
  }

  void stop() {
    vertx.cancelTimer(sweepTimer);
  }

  /** The server's connection handler: refuses a connection over a cap, else starts its head deadline. */
  void onConnection(HttpConnection conn) {
    String address = conn.remoteAddress() == null ? "unknown" : conn.remoteAddress().hostAddress();
    int fromAddress = perAddress.getOrDefault(address, 0);
    if ((maxConnections > 0 && watches.size() >= maxConnections)
        || (limits.maxConnectionsPerAddress() > 0 && fromAddress >= limits.maxConnectionsPerAddress())) {
      refused(address, fromAddress);
      conn.close();
      return;
    }
    perAddress.put(address, fromAddress + 1);
    Watch watch = new Watch(address);
    watches.put(conn, watch);
    inHttp.put(conn, watch);
    // The channel tells of the end of every connection, also one upgraded to a WebSocket, whose
    // HttpConnection close handler never runs: with that handler alone, every closed WebSocket
    // kept its place under the caps (and its memory) until a restart.
    if (conn instanceof io.vertx.core.http.impl.HttpServerConnection internal) {
      Context context = vertx.getOrCreateContext();
      internal.channelHandlerContext().channel().closeFuture()
          .addListener(closed -> context.runOnContext(v -> forget(conn)));
    } else {
      conn.closeHandler(v -> forget(conn));
    }
  }

  /** Wraps the server's request handler: the head has arrived, so the request's own deadline starts. */
  Handler<HttpServerRequest> around(Handler<HttpServerRequest> handler) {
    return req -> {
      Watch watch = watches.get(req.connection());
      if (watch != null) {
        watch.request = req;
        watch.requestSince = System.nanoTime();
        // WebSockets and the bridge's streaming transports live as long as the page: only idle time ends them
        watch.upgrade = req.canUpgradeToWebSocket();
        watch.streams = BridgeRoutes.streams(req);
        if (!watch.metered && BridgeRoutes.isBridge(req)) {
          watch.metered = meter(req.connection());
        }
      }
      handler.handle(req);
    };
  }

  /**
   * A read budget holds back reading from the socket itself (TCP pushes back on the sender), so a
   * flooding page costs no more than its budget, whatever it sends. Vert.x offers only a global
   * limit, hence the internal connection type.
   */
  private static boolean meter(HttpConnection conn) {
    if (conn instanceof io.vertx.core.http.impl.HttpServerConnection internal) {
      internal.channelHandlerContext().pipeline().addFirst("bridgeReadBudget", new ReadBudget(BRIDGE_READ_BYTES_PER_SECOND));
      return true;
    }
    return false;
  }

  private void forget(HttpConnection conn) {
    Watch watch = watches.remove(conn);
    inHttp.remove(conn);
    if (watch != null) {
      perAddress.computeIfPresent(watch.address, (k, n) -> n > 1 ? n - 1 : null);
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    long headNanos = TimeUnit.SECONDS.toNanos(limits.headerTimeoutSeconds());
    long requestNanos = TimeUnit.SECONDS.toNanos(limits.requestTimeoutSeconds());
    for (Iterator<Map.Entry<HttpConnection, Watch>> it = inHttp.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<HttpConnection, Watch> entry = it.next();
      Watch watch = entry.getValue();
      if (watch.closing) {
        continue;
      }
      if (watch.upgrade) {
        if (!watch.request.response().ended()) {
          continue;
        }
        if (watch.request.response().getStatusCode() == 101) {
          // a WebSocket now, ended by idle time or its close
          it.remove();
          continue;
        }
        // an upgrade refused with an answer leaves plain HTTP
        watch.upgrade = false;
      }
      holdToDeadlines(entry.getKey(), watch, now, headNanos, requestNanos);
    }
  }

  /** Closes a connection whose request head or request took longer than their deadlines. */
  private static void holdToDeadlines(HttpConnection conn, Watch watch, long now, long headNanos, long requestNanos) {
    if (watch.request != null && watch.request.response().ended()) {
      watch.request = null;
      watch.waitingSince = now;
    }
    if (watch.request == null && now - watch.waitingSince > headNanos) {
      watch.closing = true;
      conn.close();
    } else if (watch.request != null && !watch.streams && now - watch.requestSince > requestNanos) {
      watch.closing = true;
      timeOut(conn, watch.request);
    }
  }

  /** A request not read or answered in time: 408 if nothing was sent yet, and the connection closes. */
  private static void timeOut(HttpConnection conn, HttpServerRequest req) {
    if (!req.response().headWritten()) {
      HttpFailures.send(req.response().putHeader("Connection", "close"), new Failure(ErrorCode.REQUEST_TIMEOUT))
          .onComplete(ar -> conn.close());
    } else {
      conn.close();
    }
  }

  private void refused(String address, int fromAddress) {
    refusedSinceLog++;
    long now = System.currentTimeMillis();
    if (now - lastRefusalLog >= REFUSAL_LOG_MS) {
      LOG.warn("refused {} connection(s) over the caps in the last minute; latest from {} holding {} (cap {} per address,"
          + " {} in all, {} open)", refusedSinceLog, address, fromAddress, limits.maxConnectionsPerAddress(),
          maxConnections, watches.size());
      lastRefusalLog = now;
      refusedSinceLog = 0;
    }
  }

  /**
   * The cap in all, lowered when the process may not open that many files: a server out of
   * descriptors can no longer accept anyone, nor open its own data files.
   */
  static int withinDescriptors(int configured) {
    long descriptors = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      descriptors = unix.getMaxFileDescriptorCount();
    }
    if (descriptors <= 0 || configured == 0) {
      return configured;
    }
    int fits = (int) Math.max(64, Math.min(Integer.MAX_VALUE, descriptors - RESERVED_DESCRIPTORS));
    if (configured > fits) {
      LOG.warn("the process may open {} files: at most {} connections (MAX_CONNECTIONS is {}); raise the limit"
          + " (LimitNOFILE, ulimit -n) to serve more, see docs/DEPLOYMENT.md", descriptors, fits, configured);
      return fits;
    }
    return configured;
  }
}
