package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.Secrets;
import org.shangliang.notice.Playlists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A load generator's idle pages ({@link IdlePage}): opens them at a bounded rate, at most so many
 * waiting for their first frame at once, retries a failed attempt a few times (and says why), and
 * keeps them pinging. One WebSocket client holds them all, its connection cap raised to fit.
 */
final class IdlePages implements AutoCloseable {
  /** How the pages behave, from system properties with defaults. */
  record Options(int perSecond, int inFlight, int retries, long boardHeartbeatMs) {
    static Options fromSystemProperties() {
      return new Options(Integer.getInteger("bench.connectRate", 400), Integer.getInteger("bench.connectWindow", 200),
          Integer.getInteger("bench.retries", 3), Long.getLong("bench.boardHeartbeatSeconds", Playlists.HEARTBEAT_SECONDS) * 1000);
    }
  }

  final Vertx vertx;
  final WebSocketClient client;
  final int port;
  /** Against the real server (replies expected) or the bare bridge (its "no handlers" will do). */
  final boolean real;
  /** Over the bridge's raw WebSocket, the pages' first choice, or SockJS's WebSocket transport ({@code -Dbench.transport}). */
  final boolean raw = BenchRoom.Transport.chosen() == BenchRoom.Transport.RAW;
  final int retries;
  final long boardHeartbeatMs;
  /** What the boards show against the bare bridge, which has no playlists: ids of the real shape, as many as the seed's. */
  final List<String> madeUpNotices = Stream.generate(() -> new ObjectId().toHexString())
      .limit(IdleSeed.NOTICES_PER_BOARD).toList();
  final List<IdlePage> pages = new ArrayList<>();
  volatile boolean stopping;

  final Map<String, Integer> retryReasons = new ConcurrentHashMap<>();
  final Map<String, Integer> closedWhileIdle = new ConcurrentHashMap<>();
  final Map<String, Integer> closeFrames = new ConcurrentHashMap<>();
  final Map<String, Integer> heartbeatErrors = new ConcurrentHashMap<>();
  final LongAdder refusals = new LongAdder();
  final LongAdder heartbeatTimeouts = new LongAdder();
  /** Board heartbeats sent, and the notices they reported shown, in all. */
  final LongAdder heartbeats = new LongAdder();
  final LongAdder reportedNotices = new LongAdder();
  final LongAdder sockJsHeartbeats = new LongAdder();
  /** Pongs heard on the raw WebSocket after the one that opened each page. */
  final LongAdder pongs = new LongAdder();
  /** Frames the server pushed to the pages' addresses, by kind of page. */
  final Map<IdlePage.Kind, LongAdder> pushed = new ConcurrentHashMap<>();
  final LongAdder strangeFrames = new LongAdder();
  /** Replies that came after their request had timed out (eventbus.js drops them). */
  final LongAdder lateReplies = new LongAdder();
  private final Semaphore window;
  private final CountDownLatch unsettled;

  private IdlePages(Vertx vertx, int port, boolean real, JsonArray specs, Options options) {
    this.vertx = vertx;
    this.port = port;
    this.real = real;
    this.retries = options.retries();
    this.boardHeartbeatMs = options.boardHeartbeatMs();
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(specs.size() + 100)
        .setMaxMessageSize(16 * 1024 * 1024).setConnectTimeout(10_000));
    this.window = new Semaphore(Math.max(1, options.inFlight()));
    this.unsettled = new CountDownLatch(specs.size());
    for (Object o : specs) {
      JsonObject spec = (JsonObject) o;
      pages.add(new IdlePage(IdlePage.Kind.valueOf(spec.getString("k").toUpperCase(Locale.ROOT)), spec.getString("id"),
          spec.getString("t"), this));
    }
  }

  /**
   * Opens every page, at most options.perSecond a second and options.inFlight at once, and waits
   * until each has its first frame or has failed for good (or a deadline generous for the count).
   */
  static IdlePages open(Vertx vertx, int port, boolean real, JsonArray specs, Options options) throws InterruptedException {
    IdlePages all = new IdlePages(vertx, port, real, specs, options);
    long gapNanos = 1_000_000_000L / Math.max(1, options.perSecond());
    long next = System.nanoTime();
    for (IdlePage page : all.pages) {
      all.window.acquire();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next = Math.max(next + gapNanos, System.nanoTime() - 10 * gapNanos);
      page.start();
    }
    long deadlineMs = 60_000 + (long) (options.retries() + 1) * IdlePage.FIRST_FRAME_TIMEOUT_MS;
    if (!all.unsettled.await(deadlineMs, TimeUnit.MILLISECONDS)) {
      System.out.printf("    %d pages neither ready nor failed %d s after the last was started%n",
          all.unsettled.getCount(), deadlineMs / 1000);
    }
    return all;
  }

  /** A page got its first frame or failed for good: its place in the window is free. */
  void settled(IdlePage page) {
    synchronized (page) {
      if (page.settled) {
        return;
      }
      page.settled = true;
    }
    window.release();
    unsettled.countDown();
  }

  /**
   * Pages of the same kinds, counts and rooms as {@link IdleSeed} seeds, with made-up ids and tokens
   * of the real shape: the bare bridge checks neither, and its run comes before the real server exists.
   */
  static JsonArray madeUp(IdleSeed.Spec spec) {
    JsonArray pages = new JsonArray();
    List<String> rooms = new ArrayList<>();
    for (int r = 0; r < spec.rooms(); r++) {
      rooms.add(new ObjectId().toHexString());
    }
    for (int i = 0; i < spec.boards(); i++) {
      pages.add(made("board", new ObjectId().toHexString()));
    }
    for (int i = 0; i < spec.displays(); i++) {
      pages.add(made("display", rooms.get(i % rooms.size())));
    }
    for (int i = 0; i < spec.phones(); i++) {
      pages.add(made("phone", rooms.get(i % rooms.size())));
    }
    return pages;
  }

  private static JsonObject made(String kind, String id) {
    return new JsonObject().put("k", kind).put("id", id).put("t", Secrets.random(32));
  }

  long ready() {
    return pages.stream().filter(p -> p.ready && p.problem == null).count();
  }

  /** Pages that failed for good (never ready, refused, closed while idle), by reason, reasons shortened. */
  Map<String, Integer> problems() {
    Map<String, Integer> out = new TreeMap<>();
    pages.stream().filter(p -> p.problem != null)
        .forEach(p -> out.merge(p.problem.length() > 160 ? p.problem.substring(0, 160) + "…" : p.problem, 1, Integer::sum));
    return out;
  }

  Latencies firstFrames() {
    return Latencies.of(pages.stream().filter(p -> p.ready).mapToDouble(p -> p.firstFrameMs).toArray());
  }

  int retriesTotal() {
    return retryReasons.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Ready pages that have not heard the reach frame of this tag. */
  long unreached(String tag) {
    return pages.stream().filter(p -> p.ready && p.problem == null && !tag.equals(p.reached)).count();
  }

  /** One line on the pages' state for a run that only keeps them connected: ready, failed, closed. */
  String status() {
    long closed = closedWhileIdle.values().stream().mapToInt(Integer::intValue).sum();
    return String.format("%d of %d idle pages open and ready, %d closed by the server %s, failed %s", ready(),
        pages.size(), closed, closedWhileIdle, problems());
  }

  /** Closes every page (not counted as closed by the server) and the client. */
  @Override
  public void close() {
    stopping = true;
    pages.forEach(IdlePage::close);
    try {
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("closing the pages' client: " + e);
    }
  }
}
