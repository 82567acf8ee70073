package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.shangliang.support.Await;
import org.shangliang.web.HttpLimits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle screens' bare baseline: a plain Vert.x HTTP server with nothing but a SockJS event-bus
 * bridge at /eventbus, permitting the same addresses as the real one (no tokens checked, no
 * application behind it: a request to room.cmd or signage.cmd is answered by the bridge itself with
 * "no handlers"). Answers the same stdin commands as {@link BenchServer}: usage, clock, heap,
 * sockets, threads, reach and census (what it holds after a full GC, as far as a bare bridge has it).
 */
public final class BareBridgeServer {
  private static final String RAW_WEBSOCKET = "/eventbus/websocket";
  private static final String PONG = new JsonObject().put("type", "pong").encode();
  private final Vertx vertx;
  private final PrintStream out;
  private final AtomicInteger open = new AtomicInteger();
  /** What pages registered for, so reach can publish to each: the bare bridge knows no devices. */
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private int port;

  private BareBridgeServer(Vertx vertx, PrintStream out) {
    this.vertx = vertx;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    BareBridgeServer server = new BareBridgeServer(Vertx.vertx(), out);
    server.listen();
    server.answer(new JsonObject().put("port", server.port).put("jvm", ChildJvm.describe()));
    server.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    System.exit(0);
  }

  private void listen() throws ReflectiveOperationException {
    Router router = Router.router(vertx);
    // The real bridge's heartbeat (45 s with the default idle timeout), and no JSESSIONID cookie, as there
    SockJSHandlerOptions options = new SockJSHandlerOptions().setInsertJSESSIONID(false).setHeartbeatInterval(realHeartbeatMillis());
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, options).bridge(realBridgeOptions(), this::event));
    port = Await.result(vertx.createHttpServer().requestHandler(router).listen(0)).actualPort();
  }

  /**
   * The real bridge's own options (permitted addresses, ping timeout, reply timeout, handlers per
   * socket), read from the server's package-private BridgeGuard.options(): a copy by hand would
   * drift from it unseen.
   */
  private static SockJSBridgeOptions realBridgeOptions() throws ReflectiveOperationException {
    Method options = Class.forName("org.shangliang.web.BridgeGuard").getDeclaredMethod("options");
    options.setAccessible(true);
    return (SockJSBridgeOptions) options.invoke(null);
  }

  /** The real bridge's SockJS heartbeat with the default idle timeout, read from the server as its options are. */
  private static long realHeartbeatMillis() throws ReflectiveOperationException {
    Method heartbeat = Class.forName("org.shangliang.web.BridgeRoutes").getDeclaredMethod("heartbeatMillis", int.class);
    heartbeat.setAccessible(true);
    return (long) heartbeat.invoke(null, HttpLimits.DEFAULTS.idleTimeoutSeconds());
  }

  private void event(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_CREATED) {
      open.incrementAndGet();
    } else if (type == BridgeEventType.SOCKET_CLOSED) {
      open.decrementAndGet();
    } else if (type == BridgeEventType.REGISTER) {
      registered.add(event.getRawMessage().getString("address"));
    } else if (type == BridgeEventType.SOCKET_PING && RAW_WEBSOCKET.equals(event.socket().uri())) {
      event.socket().write(PONG); // as the real bridge answers a page's ping on its raw WebSocket
    }
    event.complete(true);
  }

  private void serve(BufferedReader in) throws IOException {
    new StdinCommands(out).serve(in, words -> switch (words[0]) {
      case "sockets" -> ServerProbe.tcp(port).put("bridge", new JsonObject().put("all", open.get()));
      case "threads" -> ServerProbe.threadCpu();
      case "census" -> ServerCensus.take(vertx, null, port, null, null);
      case "reach" -> new JsonObject().put("addresses", reach(words[1]));
      default -> null;
    });
  }

  private int reach(String tag) {
    List<String> addresses = List.copyOf(registered);
    String frame = new JsonObject().put("type", "reach").put("tag", tag).encode();
    vertx.runOnContext(v -> addresses.forEach(a -> vertx.eventBus().publish(a, frame)));
    return addresses.size();
  }

  private void answer(JsonObject answer) {
    new StdinCommands(out).answer(answer);
  }
}
