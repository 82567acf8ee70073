package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The notice-board fan-out (not a test; never gates a build): N signage displays hold real
 * WebSockets to the bridge of a server in its own process; staff publish a notice for every board,
 * then retract it. Prints, per round, the time from the publish command's send until each board
 * holds a playlist with the notice (p50/p99/max, and how many never did), the same for the
 * retraction, and in the same run the bare baseline: the server's Vert.x sending a frame of the
 * same size straight to every board's address, as ratios.
 *
 * <p>Parameters (system properties): bench.boards (2000), bench.rounds (3), bench.warmup (2),
 * bench.noPin (false). Server pinned to core 0, this load generator to core 1, as in the vote storm.
 */
public final class SignageFanoutBenchmark {
  private static final String PINNED = "bench.pinned";
  private static final long WAIT_MS = 15_000;

  private SignageFanoutBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if ("load".equals(System.getProperty(ChildJvm.ROLE))) {
      System.exit(runLoad(Integer.getInteger("bench.boards", 2000), Integer.getInteger("bench.rounds", 3),
          Integer.getInteger("bench.warmup", 2)));
      return;
    }
    boolean pin = ChildJvm.canPin();
    Process load = ChildJvm.start(pin ? 1 : -1, List.of("-D" + ChildJvm.ROLE + "=load", "-D" + PINNED + "=" + pin),
        SignageFanoutBenchmark.class.getName(), List.of(), true);
    System.exit(load.waitFor());
  }

  private static int runLoad(int boards, int rounds, int warmUps) {
    ChildJvm.exitWhenStdinCloses();
    boolean pinned = Boolean.getBoolean(PINNED);
    System.out.printf("SignageFanoutBenchmark: %d boards, %d rounds + %d warm-up; %s%n", boards, rounds, warmUps,
        pinned ? "server JVM pinned to core 0, load generator to core 1" : "NOT pinned");
    System.out.println("load JVM: " + ChildJvm.describe());
    Vertx clientVertx = Vertx.vertx();
    try (ServerLink server = ServerLink.start(pinned ? 0 : -1, 0, 0, boards)) {
      System.out.println("server JVM: " + server.hello().getString("jvm") + "\nclock: " + server.clockNote());
      long start = System.nanoTime();
      List<BoardWatch> watches = connectBoards(clientVertx, server.hello());
      int port = server.hello().getInteger("port");
      String token = Http.login("http://127.0.0.1:" + port, server.hello().getString("hostUser"),
          server.hello().getString("hostPassword"));
      BridgeClient staff = Await.result(BenchRoom.Transport.chosen().connect(clientVertx, port, token));
      clientVertx.setPeriodic(BenchRoom.PING_MS, id -> staff.send(new JsonObject().put("type", "ping")));
      System.out.printf("setup: %d boards connected in %.1f s%n", boards, (System.nanoTime() - start) / 1e9);
      List<double[]> counted = new ArrayList<>();
      for (int round = 1; round <= warmUps + rounds; round++) {
        double[] figures = round(round > warmUps ? "round " + (round - warmUps) : "warm-up " + round, round, staff, server, watches);
        if (round > warmUps) {
          counted.add(figures);
        }
      }
      System.out.printf("summary (medians of %d rounds): publish→last board %.1f ms (p99 %.1f ms), bare fan-out→last"
              + " board %.1f ms (p99 %.1f ms), ratio max %.1fx p99 %.1fx%n"
              + "target on 2 cores: the last of 2,000 boards within 250 ms (reported, never asserted)%n",
          counted.size(), median(counted, 2), median(counted, 1), median(counted, 5), median(counted, 4),
          median(counted, 2) / median(counted, 5), median(counted, 1) / median(counted, 4));
      return 0;
    } catch (Throwable e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 2;
    } finally {
      ChildJvm.closeQuietly(clientVertx);
    }
  }

  private static List<BoardWatch> connectBoards(Vertx vertx, JsonObject seeded) {
    JsonArray ids = seeded.getJsonArray("boardIds");
    JsonArray tokens = seeded.getJsonArray("boardTokens");
    List<BoardWatch> watches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      watches.add(new BoardWatch());
    }
    List<DisplaySocket> sockets = BenchRoom.inBatches(ids.size(), BenchRoom.BATCH, i -> DisplaySocket.connect(vertx,
        seeded.getInteger("port"), tokens.getString(i), List.of(SignageAddresses.display(ids.getString(i))),
        watches.get(i)::onMessage, BenchRoom.Transport.chosen()));
    vertx.setPeriodic(BenchRoom.PING_MS, id -> sockets.forEach(DisplaySocket::ping));
    // a registration is in place once the bridge answered a request on the same socket; a short
    // pause does for all of them here, and the first (warm-up) round would show any straggler
    sleep(2000);
    return watches;
  }

  /** One round; answers {publish p50, p99, max, bare p50, p99, max} in ms. */
  private static double[] round(String label, int round, BridgeClient staff, ServerLink server, List<BoardWatch> watches)
      throws InterruptedException {
    long now = System.currentTimeMillis();
    JsonObject notice = new JsonObject().put("action", "saveNotice").put("kind", "PUBLICITY")
        .put("title", "压测公告 " + round).put("body", "第 " + round + " 轮：" + "社区通知内容。".repeat(20))
        .put("targets", new JsonObject().put("everywhere", true)).put("startsAt", now).put("endsAt", now + 3600_000)
        .put("priority", 1).put("urgent", false);
    String id = Await.result(staff.request(ConsoleAddresses.NOTICES, notice)).getJsonObject("notice").getString("id");
    long published = System.nanoTime();
    Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "publishNotice").put("id", id)));
    Latencies publish = await(watches, published, w -> w.shown(id));
    long retracted = System.nanoTime();
    Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "retractNotice").put("id", id)));
    Latencies retract = await(watches, retracted, w -> w.gone(id));
    String bareRound = "r" + round;
    long bareSent = server.bareFan(bareRound, 700);
    Latencies bare = await(watches, bareSent, w -> w.bare(bareRound));
    System.out.printf("%s: publish→board %s | retract→board %s | bare fan-out→board %s | ratio p99 %.1fx max %.1fx%n",
        label, publish.formatShort(), retract.formatShort(),
        bare.formatShort(), publish.p99() / bare.p99(), publish.max() / bare.max());
    return new double[] {publish.p50(), publish.p99(), publish.max(), bare.p50(), bare.p99(), bare.max()};
  }

  /** Waits until every board has the event (or the wait ends); latencies from {@code since}, missing ones reported. */
  private static Latencies await(List<BoardWatch> watches, long since, ToLongFunction<BoardWatch> arrival) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (watches.stream().anyMatch(w -> arrival.applyAsLong(w) == 0) && System.currentTimeMillis() < deadline) {
      sleep(5);
    }
    double[] millis = watches.stream().mapToLong(arrival).filter(t -> t != 0).mapToDouble(t -> (t - since) / 1e6).toArray();
    if (millis.length < watches.size()) {
      System.out.printf("    %d boards never got it within %d ms%n", watches.size() - millis.length, WAIT_MS);
    }
    return Latencies.of(millis);
  }

  private static double median(List<double[]> rounds, int index) {
    return Latencies.median(rounds.stream().mapToDouble(r -> r[index]).toArray());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
