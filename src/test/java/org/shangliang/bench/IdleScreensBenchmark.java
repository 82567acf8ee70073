package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Idle screens (not a test; never gates a build): thousands of pages (notice boards, room displays,
 * joined phones) hold SockJS WebSockets to one server and do nothing but what an idle page does
 * (pings, a board's heartbeats). Prints the server's heap after a full GC, its CPU over the idle
 * window, GC pauses and the connections it holds, first for a bare SockJS bridge on the same sockets
 * ({@link BareBridgeServer}), then for the real server ({@link BenchServer}), with the ratios.
 * A page that was refused, never got its first frame, was closed while idle or did not hear the
 * final reach frame fails the run (exit status 1); the figures themselves are only reported.
 *
 * <p>Parameters (system properties): bench.boards (6000), bench.displays (1000), bench.phones (3000),
 * bench.rooms (100: displays and phones spread over them), bench.idleSeconds (60), bench.settleSeconds
 * (90: after the last page is ready, before the window, so that what an idle node does once a minute,
 * such as storing the boards' heartbeats, has run and been compiled; then on until the server's JIT spent at most
 * bench.jitQuietMs (250) in 5 s, at most bench.settleMaxSeconds (180) in all), bench.connectRate (400 pages/s),
 * bench.connectWindow (200 waiting for their first frame at once), bench.retries (3 per page),
 * bench.boardHeartbeatSeconds (30, as signage.js; 0: none), bench.skipBare (false), bench.noPin (false).
 */
public final class IdleScreensBenchmark {
  static final long HEAP_TARGET = 1L << 30;
  static final double CPU_TARGET_PERCENT = 10;
  private static final String PINNED = "bench.pinned";
  private static final String MACHINE_CORES = "bench.machineCores";
  /** Files a process needs besides its sockets (jars, the store, pipes), with room to spare. */
  private static final int OTHER_FILES = 1_000;

  /** One run's figures; CPU in % of one core over the idle window. */
  record Run(String label, long pages, Latencies firstFrames, double connectSeconds, int retries, double windowSeconds,
             double serverCpu, double loadCpu, long gcPauses, long gcMs, long jitMs, long heapBefore, long heapIdle,
             JsonObject sockets, long failed) {
  }

  private IdleScreensBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if ("load".equals(System.getProperty(ChildJvm.ROLE))) {
      System.exit(runLoad());
      return;
    }
    boolean pin = ChildJvm.canPin();
    Process load = ChildJvm.start(pin ? 1 : -1, List.of("-D" + ChildJvm.ROLE + "=load", "-D" + PINNED + "=" + pin,
        "-D" + MACHINE_CORES + "=" + Runtime.getRuntime().availableProcessors()),
        IdleScreensBenchmark.class.getName(), List.of(), true);
    System.exit(load.waitFor());
  }

  private static int runLoad() {
    ChildJvm.exitWhenStdinCloses();
    IdleSeed.Spec spec = new IdleSeed.Spec(Integer.getInteger("bench.boards", 6000),
        Integer.getInteger("bench.displays", 1000), Integer.getInteger("bench.phones", 3000),
        Math.max(1, Integer.getInteger("bench.rooms", 100)));
    boolean pinned = Boolean.getBoolean(PINNED);
    IdlePages.Options options = IdlePages.Options.fromSystemProperties();
    printEnvironment(spec, options, pinned);
    long files = ServerProbe.maxOpenFiles();
    if (files >= 0 && files < spec.pages() + OTHER_FILES) {
      System.out.printf("refused: %d pages need about %d open files in each process (a socket each), the limit"
          + " is %d (ulimit -n); raise it or run fewer pages%n", spec.pages(), spec.pages() + OTHER_FILES, files);
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Run bare = Boolean.getBoolean("bench.skipBare") ? null
          : measure("bare", ServerLink.startBare(pinned ? 0 : -1), vertx, IdlePages.madeUp(spec), false, options);
      Run real = measure("real", ServerLink.start(pinned ? 0 : -1, 0, 0, 0, spec), vertx, null, true, options);
      System.out.println(summary(spec, bare, real));
      System.out.println("load average at the end: " + ServerProbe.loadAverage());
      return (bare != null && bare.failed() > 0) || real.failed() > 0 ? 1 : 0;
    } catch (Throwable e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 2;
    } finally {
      ChildJvm.closeQuietly(vertx);
    }
  }

  /** Connects the pages to the server (specs null: those it seeded), lets them idle, measures; ends the server. */
  private static Run measure(String label, ServerLink server, Vertx vertx, JsonArray specs, boolean real,
                             IdlePages.Options options) throws InterruptedException {
    try (server) {
      JsonObject hello = server.hello();
      JsonArray pageSpecs = specs != null ? specs : hello.getJsonArray("idlePages");
      System.out.printf("%s server JVM: %s%n", label, hello.getString("jvm"));
      long heapBefore = server.heap().getLong("used");
      long start = System.nanoTime();
      try (IdlePages pages = IdlePages.open(vertx, hello.getInteger("port"), real, pageSpecs, options)) {
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d of %d pages got their first frame in %.1f s (first frame %s ms), %d retries%s%n",
            label, pages.ready(), pageSpecs.size(), connectSeconds, pages.firstFrames().formatShort(),
            pages.retriesTotal(), pages.retryReasons.isEmpty() ? "" : " " + new TreeMap<>(pages.retryReasons));
        settle(label, server);
        long[] serverBefore = server.usage();
        JsonObject threadsBefore = server.threadCpu();
        long[] loadBefore = ChildJvm.usage();
        long windowStart = System.nanoTime();
        sleepSeconds(Integer.getInteger("bench.idleSeconds", 60));
        long[] serverAfter = server.usage();
        JsonObject threadsAfter = server.threadCpu();
        long[] loadAfter = ChildJvm.usage();
        double window = System.nanoTime() - windowStart;
        JsonObject sockets = server.sockets();
        long heapIdle = server.heap().getLong("used");
        long unreached = reach(label, server, pages);
        Run run = new Run(label, pages.ready(), pages.firstFrames(), connectSeconds, pages.retriesTotal(), window / 1e9,
            100 * (serverAfter[2] - serverBefore[2]) / window, 100 * (loadAfter[2] - loadBefore[2]) / window,
            serverAfter[0] - serverBefore[0], serverAfter[1] - serverBefore[1], serverAfter[3] - serverBefore[3],
            heapBefore, heapIdle, sockets, pageSpecs.size() - pages.ready() + unreached);
        System.out.println(line(run, pages, unreached));
        System.out.println("    server CPU by thread, % of one core: " + byThread(threadsBefore, threadsAfter, window));
        return run;
      }
    }
  }

  /**
   * Waits bench.settleSeconds, then until the server's JIT compilers spent at most bench.jitQuietMs
   * in the last 5 s (at most bench.settleMaxSeconds in all): a fresh server compiles for minutes,
   * and an idle window measured meanwhile would measure the compiler.
   */
  private static final int SETTLE_SECONDS = 90;

  private static void settle(String label, ServerLink server) throws InterruptedException {
    long start = System.nanoTime();
    sleepSeconds(Integer.getInteger("bench.settleSeconds", SETTLE_SECONDS));
    long deadline = start + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.settleMaxSeconds", 180));
    long quietMs = Long.getLong("bench.jitQuietMs", 250);
    long[] before = server.usage();
    long jit = -1;
    while (System.nanoTime() < deadline) {
      sleepSeconds(5);
      long[] now = server.usage();
      jit = now[3] - before[3];
      before = now;
      if (jit >= 0 && jit <= quietMs) {
        break;
      }
    }
    System.out.printf("%s: settled for %.0f s; %s%n", label, (System.nanoTime() - start) / 1e9, jit < 0
        ? "the server's JIT not checked (bench.settleMaxSeconds reached first)"
        : "the server's JIT compiled " + jit + " ms in the last 5 s" + (jit > quietMs ? " (still busy: bench.settleMaxSeconds reached)" : ""));
  }

  /** Every page still hears its addresses: the server publishes one frame to each; answers the pages that missed it. */
  private static long reach(String label, ServerLink server, IdlePages pages) throws InterruptedException {
    String tag = label + System.nanoTime();
    server.reach(tag);
    long deadline = System.currentTimeMillis() + 15_000;
    while (pages.unreached(tag) > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    return pages.unreached(tag);
  }

  /** The kinds of threads that took the most CPU in the window, largest first, the rest summed. */
  static String byThread(JsonObject before, JsonObject after, double windowNanos) {
    List<Map.Entry<String, Long>> spent = new ArrayList<>();
    after.forEach(e -> spent.add(Map.entry(e.getKey(), ((Number) e.getValue()).longValue() - before.getLong(e.getKey(), 0L))));
    spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder out = new StringBuilder();
    long rest = 0;
    for (int i = 0; i < spent.size(); i++) {
      if (i < 8) {
        out.append(i == 0 ? "" : ", ").append(String.format("%s %.2f", spent.get(i).getKey(), 100 * spent.get(i).getValue() / windowNanos));
      } else {
        rest += spent.get(i).getValue();
      }
    }
    return out.append(String.format(", other %.2f", 100 * rest / windowNanos)).toString();
  }

  private static String line(Run r, IdlePages pages, long unreached) {
    JsonObject s = r.sockets();
    StringBuilder out = new StringBuilder(String.format(
        "%s, idle %.0f s: server CPU %.2f %% of one core (%.2f %% of the machine), load CPU %.1f %% | server GC %d pauses"
            + " %d ms, JIT %d ms%n    heap after full GC %s (before the pages %s: %s per page)%n"
            + "    connections the server holds: %d established, %d closing (peer gone), %d other; %d open files;"
            + " bridge sockets %s%n    each page: %s; since connecting, frames pushed to the pages %s, SockJS heartbeats heard %d,"
            + " pongs heard %d",
        r.label(), r.windowSeconds(), r.serverCpu(), r.serverCpu() / machineCores(), r.loadCpu(), r.gcPauses(),
        r.gcMs(), r.jitMs(), mib(r.heapIdle()), mib(r.heapBefore()), perPage(r), s.getInteger("established"),
        s.getInteger("closeWait"), s.getInteger("other"), s.getLong("fds"), s.getJsonObject("bridge").encode(),
        pages.boardHeartbeatMs > 0 ? "a ping every " + IdlePage.PING_MS / 1000 + " s, a board heartbeat every "
            + pages.boardHeartbeatMs / 1000 + " s (since connecting: " + pages.heartbeats.sum() + " sent, reporting " + pages.reportedNotices.sum()
            + " notices shown)" : "a ping every " + IdlePage.PING_MS / 1000 + " s", new TreeMap<>(pages.pushed), pages.sockJsHeartbeats.sum(),
        pages.pongs.sum()));
    if (pages.lateReplies.sum() > 0) {
      out.append(String.format("%n    replies that came after their request had timed out (10 s): %d", pages.lateReplies.sum()));
    }
    if (pages.heartbeatTimeouts.sum() > 0 || !pages.heartbeatErrors.isEmpty()) {
      out.append(String.format("%n    board heartbeats: %d unanswered in 10 s, refused %s", pages.heartbeatTimeouts.sum(),
          pages.heartbeatErrors));
    }
    if (!pages.closeFrames.isEmpty()) {
      out.append("\n    SockJS close frames: ").append(pages.closeFrames);
    }
    out.append(String.format("%n    checks: %d pages failed %s, %d closed by the server while idle %s, %d did not hear"
            + " the final frame on their addresses%s", r.failed() - unreached, pages.problems(),
        pages.closedWhileIdle.values().stream().mapToInt(Integer::intValue).sum(), pages.closedWhileIdle, unreached,
        r.failed() == 0 ? " — OK" : " — FAILED"));
    return out.toString();
  }

  static String summary(IdleSeed.Spec spec, Run bare, Run real) {
    StringBuilder out = new StringBuilder();
    if (bare != null) {
      out.append(String.format("ratio real/bare: heap after full GC %.1fx (per page %.1fx), idle CPU %.1fx%n",
          (double) real.heapIdle() / bare.heapIdle(), perPageBytes(real) / perPageBytes(bare),
          real.serverCpu() / bare.serverCpu()));
    }
    out.append(String.format("summary: %d pages (%d boards, %d room displays, %d joined phones in %d rooms), %d ready"
            + " | heap %s ≤ 1 GiB: %s | idle CPU %.2f %% of one core ≤ %.0f %%: %s (%.2f %% of the %d-core machine)"
            + " | %s (targets reported, never asserted)", spec.pages(), spec.boards(), spec.displays(), spec.phones(),
        spec.rooms(), real.pages(), mib(real.heapIdle()), real.heapIdle() <= HEAP_TARGET ? "met" : "NOT met",
        real.serverCpu(), CPU_TARGET_PERCENT, real.serverCpu() <= CPU_TARGET_PERCENT ? "met" : "NOT met",
        real.serverCpu() / machineCores(), machineCores(),
        real.failed() == 0 && (bare == null || bare.failed() == 0) ? "every page connected and stayed open"
            : "SOME PAGES FAILED (see the checks above)"));
    return out.toString();
  }

  private static void printEnvironment(IdleSeed.Spec spec, IdlePages.Options o, boolean pinned) {
    System.out.printf("IdleScreensBenchmark: %d pages (%d boards, %d room displays, %d joined phones; %d rooms) over"
            + " %s; idle window %d s after %d s settling or more (until the server's JIT is"
            + " quiet); connect at most %d pages/s, %d at"
            + " once, %d retries each; board heartbeat every %d s%n", spec.pages(), spec.boards(), spec.displays(),
        spec.phones(), spec.rooms(), BenchRoom.Transport.chosen() == BenchRoom.Transport.RAW
            ? "the bridge's raw WebSocket (the pages' first choice)" : "SockJS's WebSocket transport", Integer.getInteger("bench.idleSeconds", 60),
        Integer.getInteger("bench.settleSeconds", SETTLE_SECONDS), o.perSecond(), o.inFlight(), o.retries(), o.boardHeartbeatMs() / 1000);
    System.out.printf("machine: %d cores, load average %s, open files per process %d; %s%n", machineCores(),
        ServerProbe.loadAverage(), ServerProbe.maxOpenFiles(),
        pinned ? "server JVM pinned to core 0, load generator JVM to core 1 (taskset -c)"
            : "NOT pinned (taskset missing, fewer than 2 cores, or bench.noPin): server and load share the cores");
    System.out.println("load JVM: " + ChildJvm.describe());
  }

  private static int machineCores() {
    return Integer.getInteger(MACHINE_CORES, Runtime.getRuntime().availableProcessors());
  }

  private static double perPageBytes(Run r) {
    return (double) (r.heapIdle() - r.heapBefore()) / Math.max(1, r.pages());
  }

  private static String perPage(Run r) {
    return String.format("%.1f KiB", perPageBytes(r) / 1024);
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static void sleepSeconds(int seconds) throws InterruptedException {
    Thread.sleep(seconds * 1000L);
  }
}
