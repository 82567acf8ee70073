package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.auth.Devices;
import org.shangliang.common.Identity;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.store.Database;
import org.shangliang.support.Await;
import org.shangliang.support.ScratchFolders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What storing the boards' heartbeats costs a node on its own (not a test; never gates a build):
 * the embedded store with N board documents takes the conditional updates a node sends for them
 * (6,000 boards, each stored once a minute: 100 a second), first as one command each, the
 * baseline, which is what a node sent before, then as one bulk write a second through
 * {@link NoticeStore#updateDisplaysIfLastSeen}, as a node sends them now. The two alternate in the
 * same process, each measured after a warm-up of its own, and it prints the process's CPU and
 * that of its kinds of threads in each window, with the ratio.
 *
 * <p>Parameters (system properties): bench.boards (6000), bench.perSecond (100), bench.seconds (60
 * per window), bench.warmupSeconds (60), bench.pairs (2).
 */
public final class HeartbeatStoreBenchmark {
  private HeartbeatStoreBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int boards = Integer.getInteger("bench.boards", 6000);
    int perSecond = Integer.getInteger("bench.perSecond", 100);
    int seconds = Integer.getInteger("bench.seconds", 60);
    int warmup = Integer.getInteger("bench.warmupSeconds", 60);
    Vertx vertx = Vertx.vertx();
    Path dataDir = ScratchFolders.create("heartbeat-store");
    Database db = Database.embedded(vertx, dataDir.toString());
    try {
      Boards all = Boards.seed(db, boards);
      NoticeStore notices = new NoticeStore(db);
      System.out.printf("HeartbeatStoreBenchmark: %d boards, %d heartbeat stores a second, windows of %d s after %d s"
          + " of warm-up each; java %s%n", boards, perSecond, seconds, warmup, System.getProperty("java.version"));
      for (int pair = 1; pair <= Integer.getInteger("bench.pairs", 2); pair++) {
        double single = window("one command each (baseline)", vertx, all, perSecond, warmup, seconds,
            batch -> Future.all(batch.stream().map(u -> Boards.updateOne(db, u)).toList()).mapEmpty());
        double bulk = window("one bulk write a second", vertx, all, perSecond, warmup, seconds,
            batch -> notices.updateDisplaysIfLastSeen(batch).mapEmpty());
        System.out.printf("pair %d: process CPU, less the JIT's threads, bulk/one each %.2fx%n", pair, bulk / single);
      }
    } finally {
      db.close();
      Await.result(vertx.close());
      ScratchFolders.deleteTree(dataDir);
    }
  }

  /** Sends a second's stores every second, for the warm-up and then the window; answers CPU % of one core less the JIT. */
  private static double window(String label, Vertx vertx, Boards boards, int perSecond, int warmup, int seconds,
                               Function<List<NoticeStore.DisplayUpdate>, Future<Void>> send) throws InterruptedException {
    Sender sender = new Sender(boards, perSecond, send);
    long timer = vertx.setPeriodic(1000, t -> sender.sendOneSecond());
    try {
      Thread.sleep(warmup * 1000L);
      JsonObject before = ServerProbe.threadCpu();
      long start = System.nanoTime();
      long failuresBefore = sender.failures.get();
      long skippedBefore = sender.skipped.get();
      Thread.sleep(seconds * 1000L);
      double window = System.nanoTime() - start;
      JsonObject after = ServerProbe.threadCpu();
      double all = 0;
      double jit = 0;
      for (String kind : after.fieldNames()) {
        double spent = after.getLong(kind) - before.getLong(kind, 0L);
        all += spent;
        jit += kind.contains("Compiler") ? spent : 0;
      }
      double lessJit = 100 * (all - jit) / window;
      System.out.printf("%s: process CPU %.2f %% of one core, less the JIT %.2f %% | failed batches %d, seconds skipped"
              + " (the last batch still under way) %d%n    by thread, %% of one core: %s%n", label, 100 * all / window,
          lessJit, sender.failures.get() - failuresBefore, sender.skipped.get() - skippedBefore,
          IdleScreensBenchmark.byThread(before, after, window));
      return lessJit;
    } finally {
      vertx.cancelTimer(timer);
      Thread.sleep(2000);
    }
  }

  /** Sends a second's batch every second unless the last one is still under way, as a node sends one at a time. */
  private static final class Sender {
    private final Boards boards;
    private final int perSecond;
    private final Function<List<NoticeStore.DisplayUpdate>, Future<Void>> send;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private boolean sending;

    Sender(Boards boards, int perSecond, Function<List<NoticeStore.DisplayUpdate>, Future<Void>> send) {
      this.boards = boards;
      this.perSecond = perSecond;
      this.send = send;
    }

    void sendOneSecond() {
      if (sending) {
        skipped.incrementAndGet();
        return;
      }
      sending = true;
      send.apply(boards.nextSecond(perSecond)).onComplete(done -> {
        sending = false;
        if (done.failed()) {
          failures.incrementAndGet();
        }
      });
    }
  }

  /** The board documents, and the last heartbeat stored on each, as a node knows them. */
  private static final class Boards {
    private final List<String> ids;
    private final long[] lastSeen;

    private Boards(List<String> ids) {
      this.ids = ids;
      this.lastSeen = new long[ids.size()];
    }

    /** Inserts board documents shaped as the enrolment and the heartbeats leave them. */
    static Boards seed(Database db, int count) {
      List<String> ids = new ArrayList<>();
      List<Future<?>> inserts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = new ObjectId().toHexString();
        ids.add(id);
        JsonObject showing = new JsonObject().put(new ObjectId().toHexString(), new JsonObject().put("from", 0L).put("to", 0L))
            .put(new ObjectId().toHexString(), new JsonObject().put("from", 0L).put("to", 0L));
        inserts.add(db.mongo().insert(Devices.COLLECTION, new JsonObject().put("_id", id)
            .put("kind", Identity.Role.DISPLAY.name()).putNull("roomId").put("name", "第" + (i % 20 + 1) + "网格 公示栏 " + i)
            .put("shared", false).put("revoked", false).putNull("occupantId").put("gridId", new ObjectId().toHexString())
            .put("lastSeenAt", 0L).put("current", new ObjectId().toHexString()).put("showing", showing)));
      }
      Await.result(Future.all(inserts));
      return new Boards(ids);
    }

    /** The baseline: one conditional update, as a node sent each before. */
    static Future<Void> updateOne(Database db, NoticeStore.DisplayUpdate u) {
      JsonObject query = new JsonObject().put("kind", Identity.Role.DISPLAY.name()).putNull("roomId")
          .put("_id", u.displayId()).put("lastSeenAt", u.lastSeenAt());
      return db.mongo().updateCollection(Devices.COLLECTION, query, new JsonObject().put("$set", u.set())).mapEmpty();
    }

    /** A second's stores of distinct random boards, each conditional on the board's last stored heartbeat. */
    List<NoticeStore.DisplayUpdate> nextSecond(int perSecond) {
      List<NoticeStore.DisplayUpdate> batch = new ArrayList<>(perSecond);
      Set<Integer> chosen = new HashSet<>();
      long now = System.currentTimeMillis();
      while (chosen.size() < Math.min(perSecond, ids.size())) {
        int i = ThreadLocalRandom.current().nextInt(ids.size());
        if (chosen.add(i)) {
          String id = ids.get(i);
          JsonObject set = new JsonObject().put("lastSeenAt", now).put("current", id)
              .put("showing", new JsonObject().put(id, new JsonObject().put("from", 0L).put("to", now)));
          batch.add(new NoticeStore.DisplayUpdate(id, lastSeen[i], set));
          lastSeen[i] = now;
        }
      }
      return batch;
    }
  }
}
