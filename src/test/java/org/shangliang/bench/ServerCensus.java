package org.shangliang.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the soak benchmark's server holds after a full GC: heap, threads, sockets, Vert.x timers,
 * Netty's scheduled tasks and event-bus handlers. Timers, tasks and handlers are read by reflection
 * from vertx-core 5.0.7 and Netty internals ({@code VertxImpl.timeouts},
 * {@code AbstractScheduledEventExecutor.scheduledTaskQueue}, {@code EventBusImpl.handlerMap}): a
 * figure that cannot be read is -1, never a guess.
 */
final class ServerCensus {
  private static final String[] GAUGES = {"vertx.http.server.active.connections",
      "vertx.http.server.active.ws.connections", "vertx.eventbus.handlers", "shangliang.bridge.sockets"};

  private static final int HISTOGRAM_TOP = 300;
  /** Classes kept in the histogram whatever their rank: those that hold a connection or a socket. */
  static final java.util.regex.Pattern WATCHED =
      java.util.regex.Pattern.compile("WebSocket|SockJS|Sockjs|Connection|Channel[A-Z]?\\w*Impl|BridgeSocket|SocketImpl");

  private ServerCensus() {
  }

  /** Runs a full GC twice, then counts; sockets are told apart by the HTTP port and the embedded store's. */
  static JsonObject take(Vertx vertx, Object webServer, int httpPort, Object database, String storeUri) {
    System.gc();
    System.gc();
    JsonObject census = new JsonObject()
        .put("heapUsed", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
        .put("heapCommitted", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted())
        .put("threads", ManagementFactory.getThreadMXBean().getThreadCount())
        .put("sockets", openSockets())
        .put("socketsByKind", SocketKinds.count(httpPort, storeUri))
        .put("nettyTasks", nettyScheduledTasks((VertxInternal) vertx));
    guard(webServer, census);
    timers(vertx, census);
    handlers(vertx, census);
    gauges(census);
    withoutStoreCache(database, census);
    // after the store's cache is emptied: what grows here is held by something else
    census.put("histogram", histogram());
    return census;
  }

  /**
   * The embedded store keeps recently read pages of its data, up to its cache size (H2's MVStore,
   * 16 MB by default), so the heap grows with the data until that cache is full. To tell that from
   * a leak, the cache is emptied (setting its size clears it), with the store's pooled write buffers
   * and cached tables of contents, and the heap measured again after a full GC. The next day's
   * work fills them again. -1 with a real MongoDB.
   */
  private static void withoutStoreCache(Object database, JsonObject census) {
    try {
      MVStore store = (MVStore) field(database.getClass(), "embeddedStore").get(database);
      if (store == null) {
        census.put("storeCacheUsedMB", -1).put("heapWithoutStoreCache", -1);
        return;
      }
      census.put("storeCacheUsedMB", store.getCacheSizeUsed()).put("storeCacheMB", store.getCacheSize());
      store.setCacheSize(store.getCacheSize());
      // its other keepsakes: write buffers kept for reuse (up to 4 MB each, as big as the largest
      // recent commit) and the chunks' tables of contents
      Object fileStore = store.getFileStore();
      ((java.util.Queue<?>) field(fileStore.getClass(), "writeBufferPool").get(fileStore)).clear();
      ((org.h2.mvstore.cache.CacheLongKeyLIRS<?>) field(fileStore.getClass(), "chunksToC").get(fileStore)).clear();
      System.gc();
      System.gc();
      census.put("heapWithoutStoreCache", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    } catch (ReflectiveOperationException | RuntimeException e) {
      census.put("storeCacheUsedMB", -1).put("heapWithoutStoreCache", -1);
    }
  }

  /** File descriptors of this process that are sockets (Linux /proc); -1 elsewhere. */
  private static long openSockets() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The heap's biggest classes after the GC: class name to {bytes, instances}, as {@code jcmd
   * GC.class_histogram} prints them (the top {@value #HISTOGRAM_TOP} by bytes).
   */
  private static JsonObject histogram() {
    JsonObject top = new JsonObject();
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      // "   1:         12345        6789012  [B (java.base@17)"
      for (String line : text.split("\n")) {
        String[] cols = line.trim().split("\\s+");
        if (cols.length >= 4 && cols[0].endsWith(":") && (top.size() < HISTOGRAM_TOP || WATCHED.matcher(cols[3]).find())) {
          top.put(cols[3], new io.vertx.core.json.JsonArray().add(Long.parseLong(cols[2])).add(Long.parseLong(cols[1])));
        }
      }
    } catch (Exception e) {
      top.put("error", e.toString());
    }
    return top;
  }

  /**
   * What the HTTP server's connection guard (web/ConnectionGuard) holds: the connections it watches
   * and its count per remote address, which caps new connections (MAX_CONNECTIONS_PER_ADDRESS).
   * Read on the server's event loop, where the guard keeps them.
   */
  private static void guard(Object webServer, JsonObject census) {
    try {
      Object guard = field(webServer.getClass(), "guard").get(webServer);
      Map<?, ?> watches = (Map<?, ?>) field(guard.getClass(), "watches").get(guard);
      Map<?, ?> perAddress = (Map<?, ?>) field(guard.getClass(), "perAddress").get(guard);
      Vertx vertx = (Vertx) field(guard.getClass(), "vertx").get(guard);
      java.util.concurrent.CompletableFuture<JsonObject> read = new java.util.concurrent.CompletableFuture<>();
      vertx.runOnContext(v -> {
        JsonObject byAddress = new JsonObject();
        perAddress.forEach((address, n) -> byAddress.put(String.valueOf(address), n));
        read.complete(new JsonObject().put("watches", watches.size()).put("perAddress", byAddress));
      });
      JsonObject figures = read.get(10, TimeUnit.SECONDS);
      census.put("guardWatches", figures.getInteger("watches")).put("guardPerAddress", figures.getJsonObject("perAddress"));
    } catch (Exception e) {
      census.put("guardWatches", -1).put("guardNote", e.toString());
    }
  }

  /** Vert.x's pending timers ({@code VertxImpl.timeouts}), by the class of their handler. */
  private static void timers(Vertx vertx, JsonObject census) {
    try {
      Map<?, ?> timeouts = (Map<?, ?>) field(vertx.getClass(), "timeouts").get(vertx);
      Map<String, Integer> byOwner = new TreeMap<>();
      int periodic = 0;
      for (Object timer : timeouts.values()) {
        Object handler = field(timer.getClass(), "handler").get(timer);
        periodic += field(timer.getClass(), "periodic").getBoolean(timer) ? 1 : 0;
        byOwner.merge(owner(handler), 1, Integer::sum);
      }
      census.put("timers", timeouts.size()).put("periodicTimers", periodic).put("timersByOwner", json(byOwner));
    } catch (ReflectiveOperationException | RuntimeException e) {
      census.put("timers", -1).put("timersNote", e.toString());
    }
  }

  /** A lambda's class without its per-run suffix: the class that set the timer. */
  private static String owner(Object handler) {
    String name = handler == null ? "null" : handler.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda);
  }

  /** Tasks waiting in every event loop's scheduled queue (Vert.x timers, idle timeouts), read on its own thread. */
  private static long nettyScheduledTasks(VertxInternal vertx) {
    long total = 0;
    try {
      for (var group : new io.netty.channel.EventLoopGroup[] {vertx.eventLoopGroup(), vertx.acceptorEventLoopGroup()}) {
        for (EventExecutor loop : group) {
          Field queue = field(loop.getClass(), "scheduledTaskQueue");
          total += loop.submit(() -> {
            Object q = queue.get(loop);
            return q == null ? 0 : ((java.util.Collection<?>) q).size();
          }).get(10, TimeUnit.SECONDS);
        }
      }
      return total;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Event-bus addresses with a handler on this node and their handlers, by address shape (ids as &lt;id&gt;). */
  private static void handlers(Vertx vertx, JsonObject census) {
    try {
      Map<?, ?> map = (Map<?, ?>) field(vertx.eventBus().getClass(), "handlerMap").get(vertx.eventBus());
      Map<String, Integer> byShape = new TreeMap<>();
      long handlers = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        int n = (Integer) e.getValue().getClass().getMethod("size").invoke(e.getValue());
        handlers += n;
        byShape.merge(shape((String) e.getKey()), n, Integer::sum);
      }
      census.put("busAddresses", map.size()).put("busHandlers", handlers).put("handlersByAddress", json(byShape));
    } catch (ReflectiveOperationException | RuntimeException e) {
      census.put("busHandlers", -1).put("handlersNote", e.toString());
    }
  }

  static String shape(String address) {
    return address.replaceAll("[0-9a-f]{24}", "<id>")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        .replaceAll("\\d+", "<n>");
  }

  /** The Micrometer gauges named in {@link #GAUGES}, summed over their tags, and how many meters there are. */
  private static void gauges(JsonObject census) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry == null) {
      census.put("meters", -1);
      return;
    }
    JsonObject sums = new JsonObject();
    for (String name : GAUGES) {
      double sum = registry.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
      sums.put(name, registry.find(name).gauges().isEmpty() ? -1 : Math.round(sum));
    }
    Map<String, Integer> byName = new TreeMap<>();
    registry.getMeters().forEach(m -> byName.merge(m.getId().getName(), 1, Integer::sum));
    census.put("gauges", sums).put("meters", registry.getMeters().size()).put("metersByName", json(byName));
  }

  private static JsonObject json(Map<String, Integer> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
