package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.support.ScratchFolders;
import org.shangliang.support.StoreProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The soak (not a test; never gates a build): a compressed meeting day ({@link SoakDay}) repeated
 * until the minutes are up, against the real server in its own process. After every day the
 * server runs a full GC and counts what it holds ({@link ServerCensus}); the first day's figures
 * are the baseline, every later day prints its own beside them, and the summary says whether the
 * heap after GC stayed within 5 % and whether sockets, timers, threads or event-bus handlers grew.
 * Those are reported, never asserted; a refused command, a lost or doubled ballot, or a page with
 * no first frame after a reconnect storm ends the run with exit status 1.
 *
 * <p>Parameters (system properties): bench.minutes (30), bench.voters (100), bench.displays (20),
 * bench.boards (50), bench.speeches (40), bench.votes (20), bench.matters (4), bench.notices (4),
 * bench.feedback (500), bench.clockSeconds (1: speaking time on the last matter, whose speeches
 * the server's clock ends), bench.noPin (false). Server pinned to core 0, this load generator to
 * core 1, as in the vote storm.
 *
 * <p>The bare baseline comes first (bench.skipBare: none): the same pages, kiosks as joined phones,
 * room displays and boards, against a plain bridge ({@link BareBridgeServer}), all connected, left
 * for bench.bareDaySeconds (20), then all dropped as the reconnect storm drops them, for
 * bench.bareDays (10) days, a census after each: what the platform itself keeps after the same
 * connection churn, so that growth in the real server can be told from it.
 */
public final class SoakBenchmark {
  private static final String PINNED = "bench.pinned";
  private static final double HEAP_TARGET = 1.05;
  /** Pages and server settle (closing phones' connections, coalesced pushes) before the census. */
  private static final long SETTLE_MS = 2_000;
  /** The owner of the timer each speech gets for its end: one ended early keeps it until its time is up. */
  private static final String SPEECH_TIMERS = "org.shangliang.room.SpeechClock";

  private SoakBenchmark() {
  }

  /** A correctness failure inside the benchmark: the run stops and exits non-zero. */
  static final class SoakFailure extends RuntimeException {
    SoakFailure(String message) {
      super(message);
    }
  }

  record Params(int minutes, int voters, int displays, int boards, int speeches, int votes, int matters, int notices,
                int feedback, int clockSeconds) {
    static Params fromSystemProperties() {
      Params p = new Params(Integer.getInteger("bench.minutes", 30), Integer.getInteger("bench.voters", 100),
          Integer.getInteger("bench.displays", 20), Integer.getInteger("bench.boards", 50),
          Integer.getInteger("bench.speeches", 40), Integer.getInteger("bench.votes", 20),
          Integer.getInteger("bench.matters", 4), Integer.getInteger("bench.notices", 4),
          Integer.getInteger("bench.feedback", 500), Integer.getInteger("bench.clockSeconds", 1));
      if (p.matters() < 2 || p.voters() < 3 || p.speeches() > 2 * p.voters() * p.matters()) {
        throw new IllegalArgumentException("need bench.matters ≥ 2, bench.voters ≥ 3 and at most two speeches per"
            + " attendee and matter: " + p);
      }
      return p;
    }
  }

  public static void main(String[] args) throws Exception {
    if ("load".equals(System.getProperty(ChildJvm.ROLE))) {
      System.exit(runLoad(Params.fromSystemProperties()));
      return;
    }
    boolean pin = ChildJvm.canPin();
    Process load = ChildJvm.start(pin ? 1 : -1, List.of("-D" + ChildJvm.ROLE + "=load", "-D" + PINNED + "=" + pin),
        SoakBenchmark.class.getName(), List.of(), true);
    System.exit(load.waitFor());
  }

  private static int runLoad(Params p) {
    ChildJvm.exitWhenStdinCloses();
    boolean pinned = Boolean.getBoolean(PINNED);
    System.out.printf("SoakBenchmark: %d minutes of days; a day: %d kiosks check in, %d speeches and %d votes over %d"
            + " matters, %d notices on %d boards, %d feedback posts, a reconnect storm of %d pages, check-out, next"
            + " meeting; %d room displays; %s%n", p.minutes(), p.voters(), p.speeches(), p.votes(), p.matters(),
        p.notices(), p.boards(), p.feedback(), p.voters() + p.displays() + p.boards(), p.displays(),
        pinned ? "server JVM pinned to core 0, load generator to core 1" : "NOT pinned");
    System.out.println("load JVM: " + ChildJvm.describe());
    Vertx vertx = Vertx.vertx();
    List<String> serverFlags = new ArrayList<>(List.of("-Dbench.metrics=true"));
    // bench.storeProcess: the store in a process of its own, as a real MongoDB would be, so the
    // server's heap holds the node alone (the embedded store's pages and metadata grow with its data)
    StoreProcess store = Boolean.getBoolean("bench.storeProcess") ? startStore() : null;
    if (store != null) {
      serverFlags.add("-D" + BenchServer.MONGO_URI + "=" + store.uri());
      System.out.println("store: a MongoDB-protocol server (the embedded store's H2 backend, 1 GiB heap) in a"
          + " process of its own at " + store.uri());
    }
    try {
      List<JsonObject> bare = Boolean.getBoolean("bench.skipBare") ? List.of() : bareDays(p, vertx, pinned);
      try (ServerLink server = ServerLink.start(pinned ? 0 : -1, p.voters(), p.displays(), p.boards(), serverFlags)) {
        System.out.println("server JVM: " + server.hello().getString("jvm"));
        List<JsonObject> real = days(p, server, vertx);
        if (bare.size() > 1 && real.size() > 1) {
          System.out.println(ratio(real, bare));
        }
        return 0;
      }
    } catch (SoakFailure e) {
      System.out.println("SOAK FAILED: " + e.getMessage());
      e.printStackTrace();
      return 1;
    } catch (Throwable e) {
      System.out.println("SOAK FAILED (benchmark error): " + e);
      e.printStackTrace();
      return 2;
    } finally {
      ChildJvm.closeQuietly(vertx);
      if (store != null) {
        try {
          store.close();
        } catch (Exception e) {
          System.out.println("the store process did not stop: " + e);
        }
      }
    }
  }

  private static StoreProcess startStore() {
    try {
      Path file = ScratchFolders.create("shangliang-soak-store").resolve("store.mv.db");
      // The node's own backend, with room for a month of meetings: the stock one slowed to 37 s a
      // day by day 43 and then timed a command out.
      return StoreProcess.start(file, StoreProcess.Backend.NODE, "1g");
    } catch (Exception e) {
      throw new IllegalStateException("the store process did not start", e);
    }
  }

  /** The bare baseline's days (see the class comment); answers their censuses. */
  private static List<JsonObject> bareDays(Params p, Vertx vertx, boolean pinned) throws Exception {
    int days = Integer.getInteger("bench.bareDays", 10);
    long dayMs = TimeUnit.SECONDS.toMillis(Integer.getInteger("bench.bareDaySeconds", 20));
    JsonArray specs = IdlePages.madeUp(new IdleSeed.Spec(p.boards(), p.displays(), p.voters(), 1));
    List<JsonObject> censuses = new ArrayList<>();
    try (ServerLink bare = ServerLink.startBare(pinned ? 0 : -1)) {
      int port = bare.hello().getInteger("port");
      System.out.printf("bare baseline: %d pages (%d boards, %d room displays, %d phones) on a bare bridge, %d days of"
          + " %d s, all dropped at the end of each%n", specs.size(), p.boards(), p.displays(), p.voters(), days, dayMs / 1000);
      for (int d = 1; d <= days; d++) {
        try (IdlePages pages = IdlePages.open(vertx, port, false, specs, IdlePages.Options.fromSystemProperties())) {
          if (pages.ready() < specs.size()) {
            throw new SoakFailure("bare day " + d + ": " + (specs.size() - pages.ready()) + " pages got no first frame "
                + pages.problems());
          }
          Thread.sleep(dayMs);
        }
        Thread.sleep(SETTLE_MS);
        JsonObject census = bare.census();
        censuses.add(census);
        System.out.printf("bare day %d: %s%n", d, compared(census, censuses.get(0), d == 1));
      }
    }
    JsonObject first = censuses.get(0);
    JsonObject last = censuses.get(censuses.size() - 1);
    System.out.printf("bare summary over %d days: heap after full GC first %.1f MB, last %.1f MB, last/first %.3fx;"
            + " sockets %d → %d, timers %d → %d, Netty tasks %d → %d, event-bus handlers %d → %d, threads %d → %d%n",
        censuses.size(), first.getLong("heapUsed") / 1048576.0, last.getLong("heapUsed") / 1048576.0,
        heapRatio(censuses), figure(first, "sockets"), figure(last, "sockets"), figure(first, "timers"),
        figure(last, "timers"), figure(first, "nettyTasks"), figure(last, "nettyTasks"), figure(first, "busHandlers"),
        figure(last, "busHandlers"), figure(first, "threads"), figure(last, "threads"));
    return censuses;
  }

  private static double heapRatio(List<JsonObject> censuses) {
    return (double) censuses.get(censuses.size() - 1).getLong("heapUsed") / censuses.get(0).getLong("heapUsed");
  }

  /** The real server's heap drift beside the bare bridge's over the same connection churn. */
  private static String ratio(List<JsonObject> real, List<JsonObject> bare) {
    double realRatio = heapRatio(real);
    double bareRatio = heapRatio(bare);
    return String.format("heap after full GC, last day against the first: real %.3fx over %d days, bare %.3fx over %d"
            + " days; real/bare %.3fx; heap on the last day real/bare %.1fx", realRatio, real.size(), bareRatio,
        bare.size(), realRatio / bareRatio,
        (double) real.get(real.size() - 1).getLong("heapUsed") / bare.get(bare.size() - 1).getLong("heapUsed"));
  }

  private static List<JsonObject> days(Params p, ServerLink server, Vertx vertx) throws Exception {
    long start = System.nanoTime();
    SoakPages pages = SoakPages.open(vertx, server.hello(), p.voters());
    // The seeded meeting is opened and closed so the room moves on to the first day's meeting.
    JsonObject meeting = server.planMeeting(p.voters(), p.matters(), p.clockSeconds());
    pages.hostCommand("openMeeting", new JsonObject());
    pages.hostCommand("closeMeeting", new JsonObject());
    Thread.sleep(SETTLE_MS);
    JsonObject before = server.census();
    System.out.printf("setup: %d pages connected in %.1f s; before the first day: %s%n", pages.all().size() + 2,
        (System.nanoTime() - start) / 1e9, brief(before));
    long end = start + TimeUnit.MINUTES.toNanos(p.minutes());
    SoakDay day = new SoakDay(pages, server, new SoakPhones(vertx, pages.port), p);
    List<JsonObject> censuses = new ArrayList<>();
    for (int d = 1; d == 1 || System.nanoTime() < end; d++) {
      long[] usageBefore = server.usage();
      SoakDay.Result result = day.run(d, meeting);
      long[] usageAfter = server.usage();
      meeting = day.nextMeeting();
      Thread.sleep(SETTLE_MS);
      JsonObject census = server.census();
      censuses.add(census);
      printDay(d, result, census, censuses.get(0), usageBefore, usageAfter);
    }
    System.out.println(summary(censuses));
    return censuses;
  }

  private static void printDay(int d, SoakDay.Result r, JsonObject c, JsonObject base, long[] before, long[] after) {
    System.out.printf("day %d: %.1f s, %d ballots, %d feedback posts; server CPU %.0f%% of its core, %d GC pauses"
            + " (%d ms)%n    phases: %s%n    reconnect storm, drop → first frame: %s%n    %s%n",
        d, r.seconds(), r.ballots(), r.posts(), 100.0 * (after[2] - before[2]) / (r.seconds() * 1e9),
        after[0] - before[0], after[1] - before[1], r.phases(), r.storm().formatShort(), compared(c, base, d == 1));
    if (d > 1) {
      changes("sockets by kind", c, base, "socketsByKind");
      changes("timers by owner", c, base, "timersByOwner");
      changes("connection guard's count per address", c, base, "guardPerAddress");
      changes("handlers by address", c, base, "handlersByAddress");
      changes("meters by name", c, base, "metersByName");
      System.out.println("    heap growth since day 1 (class histogram after GC, store cache emptied): " + heapGrowth(c, base, 8));
      String held = connectionObjects(c, base);
      if (!held.isEmpty()) {
        System.out.println("    connection and socket objects since day 1 (instances): " + held);
      }
    }
  }

  /** One census line: figures, and their change since the baseline (day 1) unless this is it. */
  private static String compared(JsonObject c, JsonObject base, boolean isBase) {
    double heap = c.getLong("heapUsed") / 1048576.0;
    String ratio = isBase ? " (baseline)" : String.format(" (%.3fx day 1)", (double) c.getLong("heapUsed") / base.getLong("heapUsed"));
    StringBuilder line = new StringBuilder(String.format("heap after full GC %.1f MB%s", heap, ratio));
    if (c.getLong("heapWithoutStoreCache") >= 0) {
      line.append(String.format(" | without the store's cache %.1f MB%s (cache %d MB)",
          c.getLong("heapWithoutStoreCache") / 1048576.0, isBase ? "" : String.format(" (%.3fx day 1)",
              (double) c.getLong("heapWithoutStoreCache") / base.getLong("heapWithoutStoreCache")),
          c.getLong("storeCacheUsedMB")));
    }
    for (String key : new String[] {"threads", "sockets", "httpConnections", "timers", "speechTimers", "nettyTasks",
        "otherNettyTasks", "busHandlers", "ebHandlersGauge", "busAddresses", "bridgeSockets", "guardWatches", "meters"}) {
      long value = figure(c, key);
      line.append(String.format(" | %s %d", key, value));
      if (!isBase) {
        line.append(String.format(" (%+d)", value - figure(base, key)));
      }
    }
    return line.toString();
  }

  private static String brief(JsonObject c) {
    return compared(c, c, true);
  }

  /** A census figure by short name; gauges and derived figures included; -1 when unknown. */
  static long figure(JsonObject c, String key) {
    JsonObject gauges = c.getJsonObject("gauges", new JsonObject());
    return switch (key) {
      case "httpConnections" -> gauges.getLong("vertx.http.server.active.connections", -1L);
      case "bridgeSockets" -> gauges.getLong("shangliang.bridge.sockets", -1L);
      case "ebHandlersGauge" -> gauges.getLong("vertx.eventbus.handlers", -1L);
      case "speechTimers" -> c.getJsonObject("timersByOwner", new JsonObject()).getLong(SPEECH_TIMERS, 0L);
      case "otherNettyTasks" -> c.getLong("nettyTasks", -1L) < 0 || c.getLong("timers", -1L) < 0 ? -1
          : c.getLong("nettyTasks") - c.getLong("timers");
      case "otherTimers" -> c.getLong("timers", -1L) < 0 ? -1 : c.getLong("timers") - figure(c, "speechTimers");
      default -> c.getLong(key, -1L);
    };
  }

  /** Prints what changed in a per-owner count since the baseline, if anything did. */
  private static void changes(String what, JsonObject c, JsonObject base, String key) {
    JsonObject now = c.getJsonObject(key, new JsonObject());
    JsonObject then = base.getJsonObject(key, new JsonObject());
    Set<String> names = new TreeSet<>(now.fieldNames());
    names.addAll(then.fieldNames());
    StringBuilder diff = new StringBuilder();
    for (String name : names) {
      long delta = now.getLong(name, 0L) - then.getLong(name, 0L);
      if (delta != 0) {
        diff.append(diff.length() == 0 ? "" : ", ").append(name).append(String.format(" %+d", delta));
      }
    }
    if (diff.length() > 0) {
      System.out.println("    " + what + " since day 1: " + diff);
    }
  }

  /** "kind a→b" for every entry of a per-kind count. */
  private static String c2(JsonObject first, JsonObject last, String key) {
    JsonObject a = first.getJsonObject(key, new JsonObject());
    JsonObject b = last.getJsonObject(key, new JsonObject());
    Set<String> names = new TreeSet<>(a.fieldNames());
    names.addAll(b.fieldNames());
    return String.join(", ", names.stream().map(n -> n + " " + a.getValue(n, 0) + "→" + b.getValue(n, 0)).toList());
  }

  /** The classes whose bytes after GC grew most since the base census: "class +KB (+instances)". */
  private static String heapGrowth(JsonObject c, JsonObject base, int top) {
    JsonObject now = c.getJsonObject("histogram", new JsonObject());
    JsonObject then = base.getJsonObject("histogram", new JsonObject());
    return String.join(", ", now.fieldNames().stream().filter(n -> now.getValue(n) instanceof io.vertx.core.json.JsonArray)
        .map(n -> {
          io.vertx.core.json.JsonArray a = now.getJsonArray(n);
          io.vertx.core.json.JsonArray b = then.getValue(n) instanceof io.vertx.core.json.JsonArray old ? old
              : new io.vertx.core.json.JsonArray().add(0L).add(0L);
          return new Object[] {n, a.getLong(0) - b.getLong(0), a.getLong(1) - b.getLong(1)};
        })
        .sorted((x, y) -> Long.compare((long) y[1], (long) x[1])).limit(top)
        .map(g -> String.format("%s %+.1f KB (%+d)", g[0], (long) g[1] / 1024.0, (long) g[2])).toList());
  }

  /**
   * Instances of the classes that hold a connection or a socket, where their number changed since
   * the base; the driver's pool shows in the store sockets and is left out here.
   */
  private static String connectionObjects(JsonObject c, JsonObject base) {
    JsonObject now = c.getJsonObject("histogram", new JsonObject());
    JsonObject then = base.getJsonObject("histogram", new JsonObject());
    return String.join(", ", new TreeSet<>(now.fieldNames()).stream()
        .filter(n -> ServerCensus.WATCHED.matcher(n).find() && now.getValue(n) instanceof io.vertx.core.json.JsonArray)
        .map(n -> new Object[] {n, now.getJsonArray(n).getLong(1) - (then.getValue(n) instanceof io.vertx.core.json.JsonArray
            old ? old.getLong(1) : 0L)})
        .filter(g -> (long) g[1] != 0 && !((String) g[0]).startsWith("com.mongodb"))
        .map(g -> String.format("%s %+d", g[0], (long) g[1])).toList());
  }

  private static String summary(List<JsonObject> days) {
    if (days.size() < 2) {
      return "summary: only one day fitted in the minutes: it is the baseline, nothing to compare (raise bench.minutes)";
    }
    JsonObject first = days.get(0);
    JsonObject last = days.get(days.size() - 1);
    double mb = 1048576.0;
    long max = days.stream().mapToLong(c -> c.getLong("heapUsed")).max().orElse(0);
    double ratio = (double) last.getLong("heapUsed") / first.getLong("heapUsed");
    StringBuilder s = new StringBuilder(String.format("summary over %d days: heap after full GC first %.1f MB, last %.1f MB,"
            + " max %.1f MB; last/first %.3fx — target ≤ %.2fx: %s%n", days.size(), first.getLong("heapUsed") / mb,
        last.getLong("heapUsed") / mb, max / mb, ratio, HEAP_TARGET, ratio <= HEAP_TARGET ? "met" : "NOT met"));
    if (first.getLong("heapWithoutStoreCache") < 0) {
      s.append("    the store is not in the server's process: its heap is the node's alone\n");
    } else {
      long maxBare = days.stream().mapToLong(c -> c.getLong("heapWithoutStoreCache")).max().orElse(0);
      double bareRatio = (double) last.getLong("heapWithoutStoreCache") / first.getLong("heapWithoutStoreCache");
      s.append(String.format("    the same with the store's page cache emptied: first %.1f MB, last %.1f MB, max %.1f MB;"
              + " last/first %.3fx — target ≤ %.2fx: %s (the cache held %d MB on the last day, at most %d MB)%n",
          first.getLong("heapWithoutStoreCache") / mb, last.getLong("heapWithoutStoreCache") / mb, maxBare / mb,
          bareRatio, HEAP_TARGET, bareRatio <= HEAP_TARGET ? "met" : "NOT met", last.getLong("storeCacheUsedMB"),
          last.getLong("storeCacheMB", -1L)));
    }
    boolean grew = false;
    boolean grewAfterSecondDay = false;
    JsonObject second = days.get(1);
    for (String key : new String[] {"sockets", "httpConnections", "bridgeSockets", "otherTimers", "otherNettyTasks",
        "busHandlers", "ebHandlersGauge", "busAddresses", "guardWatches", "threads"}) {
      long a = figure(first, key);
      long b = figure(last, key);
      boolean up = b > a;
      grew |= up;
      grewAfterSecondDay |= b > figure(second, key);
      s.append(String.format("    %s: first %d, second day %d, last %d%s%n", key, a, figure(second, key), b,
          up ? " — GREW" : ""));
    }
    s.append("    sockets by kind, first → last: ").append(c2(first, last, "socketsByKind")).append('\n');
    s.append("    heap growth, first → last day (class histogram after GC, store cache emptied): ").append(heapGrowth(last, first, 15)).append('\n');
    s.append("    connection and socket objects, last day against first (instances): ")
        .append(connectionObjects(last, first)).append('\n');
    s.append(String.format("    (speech timers, set for every speech and kept by one ended early until its time is"
        + " up: first %d, last %d; meters: first %d, last %d)%n", figure(first, "speechTimers"),
        figure(last, "speechTimers"), figure(first, "meters"), figure(last, "meters")));
    s.append("no growth in sockets, timers, handlers and threads with the same pages connected: ")
        .append(grew ? "NOT met" : "met").append(" (reported, never asserted)\n");
    // The store driver's pool grows to its working size on the second day, the first with every
    // kind of work at once: a leak goes on growing after it.
    s.append("the same from the second day to the last: ").append(grewAfterSecondDay ? "NOT met" : "met");
    return s.toString();
  }
}
