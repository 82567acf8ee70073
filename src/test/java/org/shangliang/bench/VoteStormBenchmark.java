package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
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

  private VoteStormBenchmark() {
  }

  /** The run's parameters, from system properties with defaults. */
  /**
   * warmUps is the least number of warm-up rounds; after those, warm-up goes on until the server's
   * JIT compilers spent at most jitQuietMs in each of two rounds in a row, or maxWarmUps rounds
   * have run. On one core this stack keeps compiling for minutes, and a round measured meanwhile
   * measures the compiler more than the server.
   */
  record Params(int voters, int displays, double seconds, int rounds, int warmUps, int maxWarmUps, long jitQuietMs,
                long bareCoalesceMs) {
    static Params fromSystemProperties() {
      int warmUps = Integer.getInteger("bench.warmup", 6);
      return new Params(Integer.getInteger("bench.voters", 500), Integer.getInteger("bench.displays", 200),
          Double.parseDouble(System.getProperty("bench.seconds", "2")), Integer.getInteger("bench.rounds", 3),
          warmUps, Math.max(warmUps, Integer.getInteger("bench.warmupMax", 60)), Long.getLong("bench.jitQuietMs", 250),
          Long.getLong("bench.bareCoalesceMs", 25));
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

  /** The load generator: starts the server process, connects the room, runs the rounds; answers an exit status. */
  private static int runLoad(Params params) {
    ChildJvm.exitWhenStdinCloses();
    boolean pinned = Boolean.getBoolean(PINNED);
    printEnvironment(params, pinned);
    Vertx clientVertx = Vertx.vertx();
    IdleSeed.Spec idle = IdleSeed.Spec.split(Integer.getInteger("bench.idlePages", 0), 100);
    try (ServerLink server = idle.pages() == 0 ? ServerLink.start(pinned ? 0 : -1, params.voters(), params.displays())
        : ServerLink.start(pinned ? 0 : -1, params.voters(), params.displays(), 0, idle);
         IdlePages idlePages = idle.pages() == 0 ? null : connectIdle(clientVertx, server)) {
      System.out.println("server JVM: " + server.hello().getString("jvm"));
      System.out.println("clock: " + server.clockNote());
      long start = System.nanoTime();
      BenchRoom room = BenchRoom.connect(clientVertx, server.hello());
      room.hostCommand("openMeeting", new JsonObject());
      System.out.printf("setup: %d kiosks checked in, %d displays connected in %.1f s%n", params.voters(),
          params.displays(), (System.nanoTime() - start) / 1e9);
      StormRound storm = new StormRound(room, clientVertx, server, params.voters(), params.seconds(),
          params.bareCoalesceMs());
      List<StormRound.Result> counted = runRounds(room, storm, params);
      if (!counted.isEmpty()) {
        System.out.println(summary(counted));
      }
      if (idlePages != null) {
        System.out.println("idle pages after the rounds: " + idlePages.status());
      }
      return 0;
    } catch (Throwable e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 2;
    } finally {
      try {
        clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("shutdown: " + e);
      }
    }
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
  private static List<StormRound.Result> runRounds(BenchRoom room, StormRound storm, Params params) {
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
    } catch (Throwable e) {
      System.err.println("round failed: " + e);
      e.printStackTrace();
    }
    return counted;
  }

  private static void print(String label, StormRound.Result result, BenchRoom room) {
    System.out.println(line(label, result));
    if (!room.displayTrouble().isEmpty()) {
      System.out.println("    trouble: " + room.displayTrouble());
    }
  }

  private static void printEnvironment(Params p, boolean pinned) {
    System.out.printf("VoteStormBenchmark: %d voters, %d displays, %.2f s per round, %d rounds after %d to %d warm-up"
            + " rounds (until the server's JIT is quiet: at most %d ms in two rounds in a row);"
            + " bare broadcasts: one frame per ballot%s%n", p.voters(), p.displays(), p.seconds(), p.rounds(),
        p.warmUps(), p.maxWarmUps(), p.jitQuietMs(), p.bareCoalesceMs() > 0 ? " and newest frame at most every " + p.bareCoalesceMs() + " ms" : "");
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
    out.append(String.format("%n    bare %s, ratio p50 %.1fx p99 %.1fx", bare.formatShort(), real.p50() / bare.p50(),
        real.p99() / bare.p99()));
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
    return String.format("summary (medians of %d rounds): %.0f votes/s | ballot→all displays p50 %.1f ms p99 %.1f ms"
            + " max %.1f ms | lost %d doubled %d (all rounds)%n    bare p50 %.1f p99 %.1f max %.1f,"
            + " ratio p50 %.1fx p99 %.1fx%s%n"
            + "target on 2 cores: p99 ≤ 50 ms and ≤ 3x bare — here p99 %.1f ms, %.1fx bare%s (reported, never asserted)",
        rounds.size(), median(rounds, r -> r.ballots().votesPerSecond()),
        median(rounds, r -> r.ballots().toDisplays().latencies().p50()), median(rounds, realP99),
        median(rounds, r -> r.ballots().toDisplays().latencies().max()), lost, doubled,
        median(rounds, r -> r.bare().latencies().p50()), median(rounds, r -> r.bare().latencies().p99()),
        median(rounds, r -> r.bare().latencies().max()),
        median(rounds, r -> r.ballots().toDisplays().latencies().p50() / r.bare().latencies().p50()),
        median(rounds, ratioP99), coalesced, median(rounds, realP99), median(rounds, ratioP99),
        rounds.get(0).coalesced() == null ? "" : String.format(", %.1fx coalesced bare",
            median(rounds, r -> realP99.applyAsDouble(r) / coalescedP99.applyAsDouble(r))));
  }

  private static double median(List<StormRound.Result> rounds, ToDoubleFunction<StormRound.Result> figure) {
    return Latencies.median(rounds.stream().mapToDouble(figure).toArray());
  }
}
