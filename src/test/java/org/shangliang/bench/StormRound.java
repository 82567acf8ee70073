package org.shangliang.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One round of the storm: a vote where every kiosk casts one ballot, paced evenly over the round,
 * then, on the same sockets and at the same pace, a bare event-bus broadcast of tally-shaped frames
 * published on the server's Vert.x. Both are measured from send until every display has it.
 */
final class StormRound {
  private static final long DISPLAY_TIMEOUT_MS = 10_000;
  private static final long START_DELAY_MS = 20;
  private static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};

  private final BenchRoom room;
  private final Vertx clientVertx;
  private final Vertx serverVertx;
  private final Context serverContext;
  private final Context pacer;
  private final MongoClient mongo;
  private final int n;
  private final double seconds;

  /** Figures of one round. */
  record Result(int acked, double spanSeconds, Latencies real, int unseenReal, Latencies ack, Latencies bare,
                int unseenBare, int lost, int doubled, Map<String, Integer> errors, long gcPauses, long gcMillis) {
    double votesPerSecond() {
      return acked / spanSeconds;
    }
  }

  StormRound(BenchRoom room, Vertx clientVertx, Vertx serverVertx, MongoClient mongo, int n, double seconds) {
    this.room = room;
    this.clientVertx = clientVertx;
    this.serverVertx = serverVertx;
    this.serverContext = serverVertx.getOrCreateContext();
    this.pacer = clientVertx.getOrCreateContext();
    this.mongo = mongo;
    this.n = n;
    this.seconds = seconds;
  }

  Result run(int round) throws InterruptedException {
    long[] gcBefore = gc();
    Ballots ballots = castBallots();
    Thread.sleep(200);
    Latencies.Measured bare = broadcastBare(round);
    long[] gcAfter = gc();
    return new Result(ballots.acked, ballots.spanSeconds, ballots.toDisplays.latencies(), ballots.toDisplays.unseen(),
        ballots.ack, bare.latencies(), bare.unseen(), ballots.lost, ballots.doubled, ballots.errors,
        gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
  }

  private record Ballots(int acked, double spanSeconds, Latencies.Measured toDisplays, Latencies ack, int lost,
                         int doubled, Map<String, Integer> errors) {
  }

  private Ballots castBallots() throws InterruptedException {
    JsonObject spec = new JsonObject().put("motion", "压测表决").put("secret", false).put("walkInsVote", false)
        .put("liveTally", true).put("base", "CAST");
    String voteId = room.hostCommand("openVote", spec).getString("voteId");
    awaitDisplays("every display has the new vote", voteId, 0, DISPLAY_TIMEOUT_MS);

    long[] sentAt = new long[n];
    long[] ackAt = new long[n];
    int[] ordinal = new int[n];
    AtomicInteger answered = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    pace(i -> {
      sentAt[i] = System.nanoTime();
      JsonObject ballot = new JsonObject().put("action", "castBallot").put("attendeeId", room.attendeeIds.get(i))
          .put("voteId", voteId).put("choice", CHOICES[i % 3]);
      room.kiosks.get(i).request(RoomAddresses.COMMANDS, ballot).onComplete(ar -> {
        ackAt[i] = System.nanoTime();
        if (ar.succeeded()) {
          ordinal[i] = ar.result().getInteger("cast", 0);
        } else {
          errors.merge(ar.cause() instanceof BridgeClient.BridgeFailure f ? f.code : ar.cause().toString(), 1, Integer::sum);
        }
        answered.incrementAndGet();
      });
    });
    waitUntil((long) (seconds * 1000) + 20_000, () -> answered.get() == n);
    int expected = 0;
    for (int k : ordinal) {
      expected = Math.max(expected, k);
    }
    awaitDisplays(null, voteId, Math.min(expected, n), DISPLAY_TIMEOUT_MS);
    return settle(voteId, sentAt, ackAt, ordinal, errors);
  }

  /** Closes the vote, reads the final box, and works out latencies, losses and doubles. */
  private Ballots settle(String voteId, long[] sentAt, long[] ackAt, int[] ordinal, Map<String, Integer> errors)
      throws InterruptedException {
    long[] sentByOrdinal = new long[n + 1];
    double[] ackMs = new double[n];
    Set<String> ackedAttendees = new HashSet<>();
    int acked = 0;
    int clashingOrdinals = 0;
    long firstSend = Long.MAX_VALUE;
    long lastAck = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      firstSend = Math.min(firstSend, sentAt[i]);
      int k = ordinal[i];
      if (k == 0) {
        continue;
      }
      ackMs[acked++] = (ackAt[i] - sentAt[i]) / 1e6;
      lastAck = Math.max(lastAck, ackAt[i]);
      ackedAttendees.add(room.attendeeIds.get(i));
      if (k > n || sentByOrdinal[k] != 0) {
        clashingOrdinals++;
      } else {
        sentByOrdinal[k] = sentAt[i];
      }
    }
    Latencies.Measured toDisplays = Latencies.toAllDisplays(sentByOrdinal, voteId, room.watches);

    int[] snapshotsBefore = room.watches.stream().mapToInt(DisplayWatch::snapshots).toArray();
    room.hostCommand("closeVote", new JsonObject());
    JsonObject box = Await.result(mongo.findOne(RoomStore.BALLOTS, new JsonObject().put("_id", voteId), null));
    JsonArray voters = box.getJsonArray("voters", new JsonArray());
    Set<Object> distinctVoters = new HashSet<>(voters.getList());
    int lost = (n - acked) + (int) ackedAttendees.stream().filter(a -> !distinctVoters.contains(a)).count();
    int doubled = Math.max(voters.size() - distinctVoters.size(), box.getInteger("cast", 0) - ackedAttendees.size());
    doubled = Math.max(0, doubled) + clashingOrdinals;
    int claimed = room.watches.stream().mapToInt(w -> w.highestClaimed(voteId)).max().orElse(-1);
    doubled = Math.max(doubled, claimed - n);

    waitUntil(DISPLAY_TIMEOUT_MS, () -> {
      for (int d = 0; d < snapshotsBefore.length; d++) {
        if (room.watches.get(d).snapshots() <= snapshotsBefore[d]) {
          return false;
        }
      }
      return true;
    });
    room.watches.forEach(w -> w.forget(voteId));
    double span = lastAck == Long.MIN_VALUE ? Double.NaN : (lastAck - firstSend) / 1e9;
    return new Ballots(acked, span, toDisplays, Latencies.of(java.util.Arrays.copyOf(ackMs, acked)), lost, doubled,
        errors);
  }

  /** The baseline: the same number of tally-shaped frames at the same pace, published by the server's Vert.x. */
  private Latencies.Measured broadcastBare(int round) throws InterruptedException {
    String voteId = String.format("baseline-%015d", round);
    String address = RoomAddresses.state(room.roomId);
    long[] sentAt = new long[n + 1];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger published = new AtomicInteger();
    pace(i -> {
      int k = next.incrementAndGet();
      JsonObject counts = new JsonObject().put("FOR", (k + 2) / 3).put("AGAINST", (k + 1) / 3).put("ABSTAIN", k / 3);
      JsonObject frame = new JsonObject().put("voteId", voteId).put("cast", k).put("counts", counts)
          .put("kind", "tally").put("serverTime", System.currentTimeMillis());
      sentAt[k] = System.nanoTime();
      published.incrementAndGet();
      serverContext.runOnContext(v -> serverVertx.eventBus().publish(address, frame));
    });
    waitUntil((long) (seconds * 1000) + 5_000, () -> published.get() == n);
    awaitDisplays(null, voteId, n, DISPLAY_TIMEOUT_MS);
    Latencies.Measured measured = Latencies.toAllDisplays(sentAt, voteId, room.watches);
    room.watches.forEach(w -> w.forget(voteId));
    return measured;
  }

  /** Runs action(i) for i in 0..n-1, spread evenly over the round, on the client's Vert.x timers. */
  private void pace(java.util.function.IntConsumer action) {
    pacer.runOnContext(v -> {
      for (int i = 0; i < n; i++) {
        int index = i;
        long delay = START_DELAY_MS + Math.round(i * seconds * 1000 / n);
        clientVertx.setTimer(delay, t -> action.accept(index));
      }
    });
  }

  /** Waits until every display has seen cast ≥ atLeast of the vote; with a label, failing to is fatal. */
  private void awaitDisplays(String fatalLabel, String voteId, int atLeast, long timeoutMs) throws InterruptedException {
    List<DisplayWatch> watches = room.watches;
    boolean all = waitUntil(timeoutMs, () -> watches.stream().allMatch(w -> w.highest(voteId) >= atLeast));
    if (!all && fatalLabel != null) {
      throw new IllegalStateException("timed out waiting until " + fatalLabel);
    }
  }

  private static boolean waitUntil(long timeoutMs, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** GC pauses so far: {count, milliseconds}. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, bean.getCollectionCount());
      millis += Math.max(0, bean.getCollectionTime());
    }
    return new long[] {count, millis};
  }
}
