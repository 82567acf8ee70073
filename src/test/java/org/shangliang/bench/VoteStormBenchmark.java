package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomPublisher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The vote storm (not a test; never gates a build): N kiosks each cast one ballot within a few
 * seconds while M room displays watch the live tally, all over real WebSockets to the bridge of a
 * server in a process of its own. Prints, per round, votes/s, the time from a ballot's send until
 * every display holds a tally including it, lost and doubled ballots, and the same latency for bare
 * broadcasts of tally frames by the server's Vert.x to the same sockets in the same run, as ratios.
 *
 * <p>Three JVMs: this main as a thin launcher that waits, the load generator (this class again,
 * holding every client socket) pinned to core 1, and the {@link BenchServer} pinned to core 0, so
 * the clients do not steal the server's CPU. Without taskset or a second core both run unpinned.
 *
 * <p>Parameters (system properties): bench.voters (500), bench.displays (200), bench.seconds (2),
 * bench.rounds (3), bench.warmup (6 uncounted rounds first: a fresh JVM is much slower),
 * bench.bareCoalesceMs (25: besides the bare broadcast of one frame per ballot, one of only the
 * newest frame at most every 25 ms, as the server coalesces its tallies; 0: skip it), bench.idlePages (0:
 * this many idle pages of other rooms and grids, split as in {@link IdleScreensBenchmark}, connected before
 * the room and kept pinging through the rounds) and bench.noPin (false).
 */
public final class VoteStormBenchmark {
  private static final String PINNED = "bench.pinned";
  private static final String MACHINE_CORES = "bench.machineCores";
  /** Ballots lost or doubled in any round, warm-up included: any fails the run. */
  private static int faults;

  private VoteStormBenchmark() {
  }

  /**
   * The run's parameters, from system properties with defaults. warmUps is the least number of
   * warm-up rounds; after those, warm-up goes on until the server's JIT compilers spent at most
   * jitQuietMs in each of two rounds in a row, or maxWarmUps rounds have run. On one core this
   * stack keeps compiling for minutes, and a round measured meanwhile measures the compiler more
   * than the server. coldRuns &gt; 0: instead, that many fresh server processes, each measured from
   * its first vote on, without warm-up rounds; coldWaitSeconds after each server is ready, before
   * the kiosks come (0: at once); before the first, coldLoadWarmUps rounds against a server process
   * of their own, not counted, so that the first fresh server does not meet a cold load generator.
   */
  record Params(int voters, int displays, double seconds, int rounds, int warmUps, int maxWarmUps, long jitQuietMs,
                long bareCoalesceMs, int coldRuns, int coldWaitSeconds, int coldLoadWarmUps) {
    static Params fromSystemProperties() {
      int warmUps = Integer.getInteger("bench.warmup", 6);
      int displays = Integer.getInteger("bench.displays", 200);
      return new Params(Integer.getInteger("bench.voters", 500), displays,
          Double.parseDouble(System.getProperty("bench.seconds", "2")), Integer.getInteger("bench.rounds", 3),
          warmUps, Math.max(warmUps, Integer.getInteger("bench.warmupMax", 60)), Long.getLong("bench.jitQuietMs", 250),
          Long.getLong("bench.bareCoalesceMs", RoomPublisher.tallyIntervalMs(displays)), Integer.getInteger("bench.cold", 0),
          Integer.getInteger("bench.coldWaitSeconds", 0), Integer.getInteger("bench.coldLoadWarmUp", 10));
    }
  }

  public static void main(String[] args) throws Exception {
    if ("load".equals(System.getProperty(ChildJvm.ROLE))) {
      System.exit(runLoad(Params.fromSystemProperties()));
      return;
    }
    boolean pin = ChildJvm.canPin();
    Process load = ChildJvm.start(pin ? 1 : -1, List.of("-D" + ChildJvm.ROLE + "=load", "-D" + PINNED + "=" + pin,
        "-D" + MACHINE_CORES + "=" + Runtime.getRuntime().availableProcessors()),
        VoteStormBenchmark.class.getName(), List.of(), true);
    int status = load.waitFor();
    System.exit(status);
  }

  /** The load generator: starts the server process(es), connects the room, runs the rounds; answers an exit status. */
  private static int runLoad(Params params) {
    ChildJvm.exitWhenStdinCloses();
    boolean pinned = Boolean.getBoolean(PINNED);
    printEnvironment(params, pinned);
    try {
      if (params.coldRuns() > 0) {
        runCold(params, pinned);
      } else {
        runWarm(params, pinned);
      }
      if (faults > 0) {
        System.out.println("FAILED: " + faults + " ballots lost or doubled (see the rounds above)");
        return 1;
      }
      return 0;
    } catch (Throwable e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 2;
    }
  }

  private static void runWarm(Params params, boolean pinned) throws Exception {
    Vertx clientVertx = Vertx.vertx();
    IdleSeed.Spec idle = IdleSeed.Spec.split(Integer.getInteger("bench.idlePages", 0), 100);
    try (ServerLink server = ServerLink.start(pinned ? 0 : -1, params.voters(), params.displays(), 0, idle);
         IdlePages idlePages = idle.pages() == 0 ? null : connectIdle(clientVertx, server)) {
      StormRound storm = setUp(server, clientVertx, params);
      List<StormRound.Result> counted = runRounds(storm, params);
      if (!counted.isEmpty()) {
        System.out.println(summary(counted));
      }
      if (idlePages != null) {
        System.out.println("idle pages after the rounds: " + idlePages.status());
      }
    } finally {
      ChildJvm.closeQuietly(clientVertx);
    }
  }

  /**
   * A fresh server process per run, as after switching the computer on: it seeds the room, the
   * kiosks check in and the displays connect, and the first vote is measured at once, then the
   * rounds after it, none uncounted.
   */
  private static void runCold(Params params, boolean pinned) throws Exception {
    if (params.coldLoadWarmUps() > 0) {
      warmLoadGenerator(params, pinned);
    }
    List<List<StormRound.Result>> runs = new ArrayList<>();
    for (int run = 1; run <= params.coldRuns(); run++) {
      Vertx clientVertx = Vertx.vertx();
      long started = System.nanoTime();
      try (ServerLink server = ServerLink.start(pinned ? 0 : -1, params.voters(), params.displays())) {
        System.out.printf("cold run %d: server process started and seeded in %.1f s%n", run,
            (System.nanoTime() - started) / 1e9);
        if (params.coldWaitSeconds() > 0) {
          // the computer switched on a little before the meeting: nobody comes for a while
          System.out.printf("cold run %d: nothing for %d s before the kiosks come%n", run, params.coldWaitSeconds());
          Thread.sleep(params.coldWaitSeconds() * 1000L);
        }
        StormRound storm = setUp(server, clientVertx, params);
        List<StormRound.Result> rounds = new ArrayList<>();
        for (int round = 1; round <= params.rounds(); round++) {
          StormRound.Result result = storm.run(round);
          print("cold run " + run + ", vote " + round, result, storm.room());
          rounds.add(result);
        }
        runs.add(rounds);
      } finally {
        ChildJvm.closeQuietly(clientVertx);
      }
    }
    System.out.println(coldSummary(runs));
  }

  /**
   * Rounds against a server process that is then stopped, uncounted: the load generator's own JIT
   * compiles its side of a vote here. Without them the first fresh server's first vote measured the
   * load generator's first minute as well (its core busy 80–100 % against 20–50 % later).
   */
  private static void warmLoadGenerator(Params params, boolean pinned) throws Exception {
    Vertx clientVertx = Vertx.vertx();
    try (ServerLink server = ServerLink.start(pinned ? 0 : -1, params.voters(), params.displays())) {
      StormRound storm = setUp(server, clientVertx, params);
      for (int round = 1; round <= params.coldLoadWarmUps(); round++) {
        print("load generator warm-up " + round + " (not counted)", storm.run(round), storm.room());
      }
    } finally {
      ChildJvm.closeQuietly(clientVertx);
    }
  }

  private static StormRound setUp(ServerLink server, Vertx clientVertx, Params params) throws Exception {
    System.out.println("server JVM: " + server.hello().getString("jvm"));
    System.out.println("clock: " + server.clockNote());
    long start = System.nanoTime();
    BenchRoom room;
    try {
      room = BenchRoom.connect(clientVertx, server.hello());
    } catch (AssertionError noAnswer) {
      // The server's threads tell a busy or stuck server from a frame lost between the two sides.
      System.err.println(server.threadDump());
      throw noAnswer;
    }
    room.hostCommand("openMeeting", new JsonObject());
    System.out.printf("setup: %d kiosks checked in, %d displays connected in %.1f s%n", params.voters(),
        params.displays(), (System.nanoTime() - start) / 1e9);
    return new StormRound(room, clientVertx, server, params.voters(), params.seconds(), params.bareCoalesceMs());
  }

  /** The idle pages the server seeded (bench.idlePages), open and pinging before the room connects. */
  private static IdlePages connectIdle(Vertx clientVertx, ServerLink server) throws InterruptedException {
    long start = System.nanoTime();
    IdlePages pages = IdlePages.open(clientVertx, server.hello().getInteger("port"), true,
        server.hello().getJsonArray("idlePages"), IdlePages.Options.fromSystemProperties());
    System.out.printf("idle pages connected in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, pages.status());
    return pages;
  }

  /** Warm-up rounds first (printed, not counted; see {@link Params}); answers the counted rounds' figures. */
  private static List<StormRound.Result> runRounds(StormRound storm, Params params) throws InterruptedException {
    BenchRoom room = storm.room();
    List<StormRound.Result> counted = new ArrayList<>();
    try {
      int warmUps = 0;
      int quietInARow = 0;
      while (warmUps < params.warmUps() || (quietInARow < 2 && warmUps < params.maxWarmUps())) {
        warmUps++;
        StormRound.Result result = storm.run(warmUps);
        quietInARow = result.serverJitMs() >= 0 && result.serverJitMs() <= params.jitQuietMs() ? quietInARow + 1 : 0;
        print("warm-up " + warmUps, result, room);
      }
      System.out.printf("warm-up: %d rounds; %s%n", warmUps, quietInARow >= 2
          ? "the server's JIT compiled for at most " + params.jitQuietMs() + " ms in each of the last two"
          : "the server's JIT was still busy (bench.warmupMax reached): the rounds below measure it too");
      for (int round = 1; round <= params.rounds(); round++) {
        StormRound.Result result = storm.run(warmUps + round);
        print("round " + round, result, room);
        counted.add(result);
      }
    } finally {
      if (!counted.isEmpty() && counted.size() < params.rounds()) {
        System.out.println("(a round failed; the rounds so far:)\n" + summary(counted));
      }
    }
    return counted;
  }

  private static void print(String label, StormRound.Result result, BenchRoom room) {
    faults += result.ballots().lostTotal() + result.ballots().doubled();
    System.out.println(line(label, result));
    if (!room.displayTrouble().isEmpty()) {
      System.out.println("    trouble: " + room.displayTrouble());
    }
  }

  private static void printEnvironment(Params p, boolean pinned) {
    String rounds = p.coldRuns() > 0
        ? String.format("%d fresh server processes (cold), %d rounds each from the first vote on, no warm-up (the load"
            + " generator first warms up in %d rounds against a server process of their own)", p.coldRuns(), p.rounds(),
            p.coldLoadWarmUps())
        : String.format("%d rounds after %d to %d warm-up rounds (until the server's JIT is quiet: at most %d ms in two"
            + " rounds in a row)", p.rounds(), p.warmUps(), p.maxWarmUps(), p.jitQuietMs());
    System.out.printf("VoteStormBenchmark: %d voters, %d displays, %.2f s per round, %s; bare broadcasts: one frame per"
            + " ballot%s; server start-up cache: %s%n", p.voters(), p.displays(), p.seconds(), rounds,
        p.bareCoalesceMs() > 0 ? " and newest frame at most every " + p.bareCoalesceMs() + " ms" : "",
        StartupCache.wanted() ? "yes (bench.startupCache)" : "no");
    System.out.printf("machine: %s cores; %s%n", System.getProperty(MACHINE_CORES, "?"), pinned
        ? "server JVM pinned to core 0, load generator JVM to core 1 (taskset -c)"
        : "NOT pinned (taskset missing, fewer than 2 cores, or bench.noPin): server and load share the cores");
    System.out.println("load JVM: " + ChildJvm.describe());
    System.out.println("latency = ballot sent by a kiosk → the last of all displays holds a tally counting it; "
        + "bare = tally frame due on the server's event bus → the last display has it");
  }

  static String line(String label, StormRound.Result r) {
    StormRound.Ballots b = r.ballots();
    Latencies real = b.toDisplays().latencies();
    Latencies bare = r.bare().latencies();
    StringBuilder out = new StringBuilder(String.format(
        "%s: %d ballots in %.2f s = %.0f votes/s | ballot→all displays %s | lost %d doubled %d",
        label, b.acked(), b.spanSeconds(), b.votesPerSecond(), real.format(), b.lostTotal(), b.doubled()));
    if (b.lostTotal() > 0) {
      out.append(String.format(" (%d not in the box or never acknowledged, %d never on every display)", b.lost(),
          b.toDisplays().unseen()));
    }
    if (!b.errors().isEmpty()) {
      out.append(" | refused ").append(new TreeMap<>(b.errors()));
    }
    if (Double.isNaN(bare.p99())) {
      out.append(String.format("%n    per-ballot bare skipped"));
    } else {
      out.append(String.format("%n    bare %s, ratio p50 %.1fx p99 %.1fx", bare.formatShort(), real.p50() / bare.p50(),
          real.p99() / bare.p99()));
    }
    if (r.coalesced() != null) {
      Latencies coalesced = r.coalesced().latencies();
      out.append(String.format(" | coalesced bare %s, ratio p50 %.1fx p99 %.1fx", coalesced.formatShort(),
          real.p50() / coalesced.p50(), real.p99() / coalesced.p99()));
    }
    int unseen = r.bare().toDisplays().unseen() + (r.coalesced() == null ? 0 : r.coalesced().toDisplays().unseen());
    if (unseen > 0) {
      out.append(String.format(" | %d bare frames never on every display", unseen));
    }
    out.append(String.format("%n    send→ack %s (p50 first fifth %.1f, last fifth %.1f) | frames per display: vote %.0f,"
            + " bare %.0f%s | gc server %d pauses %d ms, load %d pauses %d ms | server JIT %d ms%n    cpu server/load: %s",
        b.ack().formatShort(),
        b.ackFirstFifthP50(), b.ackLastFifthP50(), b.frames(), r.bare().frames(),
        r.coalesced() == null ? "" : String.format(", coalesced %.0f", r.coalesced().frames()),
        r.serverGc()[0], r.serverGc()[1], r.loadGc()[0], r.loadGc()[1], r.serverJitMs(), r.cpu()));
    return out.toString();
  }

  static String summary(List<StormRound.Result> rounds) {
    ToDoubleFunction<StormRound.Result> realP99 = r -> r.ballots().toDisplays().latencies().p99();
    ToDoubleFunction<StormRound.Result> ratioP99 = r -> realP99.applyAsDouble(r) / r.bare().latencies().p99();
    ToDoubleFunction<StormRound.Result> coalescedP99 = r -> r.coalesced() == null ? Double.NaN
        : r.coalesced().latencies().p99();
    int lost = rounds.stream().mapToInt(r -> r.ballots().lostTotal()).sum();
    int doubled = rounds.stream().mapToInt(r -> r.ballots().doubled()).sum();
    String coalesced = rounds.get(0).coalesced() == null ? "" : String.format(
        " | coalesced bare p50 %.1f p99 %.1f, ratio p99 %.1fx",
        median(rounds, r -> r.coalesced().latencies().p50()), median(rounds, coalescedP99),
        median(rounds, r -> realP99.applyAsDouble(r) / coalescedP99.applyAsDouble(r)));
    boolean perBallot = !Double.isNaN(median(rounds, r -> r.bare().latencies().p99()));
    String bare = !perBallot ? "per-ballot bare skipped" : String.format("bare p50 %.1f p99 %.1f max %.1f,"
            + " ratio p50 %.1fx p99 %.1fx",
        median(rounds, r -> r.bare().latencies().p50()), median(rounds, r -> r.bare().latencies().p99()),
        median(rounds, r -> r.bare().latencies().max()),
        median(rounds, r -> r.ballots().toDisplays().latencies().p50() / r.bare().latencies().p50()),
        median(rounds, ratioP99));
    String ratios = (perBallot ? String.format(", %.1fx bare", median(rounds, ratioP99)) : "")
        + (rounds.get(0).coalesced() == null ? "" : String.format(", %.1fx coalesced bare",
            median(rounds, r -> realP99.applyAsDouble(r) / coalescedP99.applyAsDouble(r))));
    return String.format("summary (medians of %d rounds): %.0f votes/s | ballot→all displays p50 %.1f ms p99 %.1f ms"
            + " max %.1f ms | lost %d doubled %d (all rounds)%n    %s%s%n"
            + "targets on 2 cores: 500 voters / 200 displays p99 ≤ 25 ms and ≤ 1.5x the coalesced bare; 2,000 / 500"
            + " p99 ≤ 100 ms — here p99 %.1f ms%s (reported, never asserted)",
        rounds.size(), median(rounds, r -> r.ballots().votesPerSecond()),
        median(rounds, r -> r.ballots().toDisplays().latencies().p50()), median(rounds, realP99),
        median(rounds, r -> r.ballots().toDisplays().latencies().max()), lost, doubled, bare, coalesced,
        median(rounds, realP99), ratios);
  }

  /** Per fresh server: its first vote's p99 and the p99 of the votes after it; then medians and spread over the runs. */
  static String coldSummary(List<List<StormRound.Result>> runs) {
    ToDoubleFunction<StormRound.Result> p99 = r -> r.ballots().toDisplays().latencies().p99();
    StringBuilder out = new StringBuilder(String.format("cold summary (%d fresh server processes):%n", runs.size()));
    double[] firsts = new double[runs.size()];
    double[] worstLater = new double[runs.size()];
    int lost = 0;
    int doubled = 0;
    for (int i = 0; i < runs.size(); i++) {
      List<StormRound.Result> rounds = runs.get(i);
      firsts[i] = p99.applyAsDouble(rounds.get(0));
      worstLater[i] = rounds.stream().skip(1).mapToDouble(p99).max().orElse(Double.NaN);
      out.append(String.format("    run %d: first vote p50 %.1f p99 %.1f ms (server JIT %d ms); later votes p99 %s ms%n",
          i + 1, rounds.get(0).ballots().toDisplays().latencies().p50(), firsts[i], rounds.get(0).serverJitMs(),
          rounds.stream().skip(1).map(r -> String.format("%.1f", p99.applyAsDouble(r))).toList()));
      lost += rounds.stream().mapToInt(r -> r.ballots().lostTotal()).sum();
      doubled += rounds.stream().mapToInt(r -> r.ballots().doubled()).sum();
    }
    out.append(String.format("first vote p99: median %.1f ms (min %.1f, max %.1f) | worst later vote p99: median %.1f ms"
            + " (max %.1f) | lost %d doubled %d (all votes)%n", Latencies.median(firsts), min(firsts), max(firsts),
        Latencies.median(worstLater), max(worstLater), lost, doubled));
    out.append("targets on 2 cores: the first 500-voter vote after a start p99 ≤ 100 ms; no vote after the first"
        + " above 2x the warm p99 (reported, never asserted)");
    return out.toString();
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  private static double median(List<StormRound.Result> rounds, ToDoubleFunction<StormRound.Result> figure) {
    return Latencies.median(rounds.stream().mapToDouble(figure).toArray());
  }
}
