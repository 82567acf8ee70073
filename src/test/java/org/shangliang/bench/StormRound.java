package org.shangliang.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.BridgeClient;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * One round of the storm: a vote where every kiosk casts one ballot, paced evenly over the round,
 * then, on the same sockets and at the same pace, bare event-bus broadcasts of tally-shaped frames
 * that the server process publishes on its own Vert.x. All are measured until every display has it.
 */
final class StormRound {
  private static final long DISPLAY_TIMEOUT_MS = 10_000;
  /** A snapshot of a big room to every display is heavy; waiting for it is set-up, not measured. */
  private static final long SNAPSHOT_TIMEOUT_MS = 30_000;
  private static final long START_DELAY_MS = BenchServer.START_DELAY_MS;
  private static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};
  /**
   * bench.perBallotBare=false skips the per-ballot bare broadcast: for 2,000 voters and 500 displays
   * it is a million frames a round, which this machine does not get through (the coalesced one stays).
   */
  private static final boolean PER_BALLOT_BARE = !"false".equals(System.getProperty("bench.perBallotBare"));

  private final BenchRoom room;
  private final Vertx clientVertx;
  private final ServerLink server;
  private final Context pacer;
  private final int n;
  private final double seconds;
  private final long bareCoalesceMs;
  private final StringBuilder cpu = new StringBuilder();

  /**
   * Figures of one round; latencies in ms. bare is one frame per ballot; coalesced the newest frame
   * at most every bench.bareCoalesceMs (null when 0). GC: {pauses, ms} in each process. serverJitMs:
   * time the server's JIT compilers spent in the round (-1 if unknown). cpu: each phase's CPU use by
   * server/load process, in % of one core, while its messages were in flight.
   */
  record Result(Ballots ballots, Bare bare, Bare coalesced, long[] serverGc, long[] loadGc, long serverJitMs,
                String cpu) {
  }

  /** The real vote: ballots acknowledged, their span, latencies, and what the final box says. */
  record Ballots(int acked, double spanSeconds, Latencies.Measured toDisplays, Latencies ack, double ackFirstFifthP50,
                 double ackLastFifthP50, double frames, int lost, int doubled, Map<String, Integer> errors) {
    double votesPerSecond() {
      return acked / spanSeconds;
    }

    /** Ballots missing from the final box or never acknowledged, plus those some display never showed. */
    int lostTotal() {
      return lost + toDisplays.unseen();
    }
  }

  /** A baseline broadcast; frames are messages per display. */
  record Bare(Latencies.Measured toDisplays, double frames) {
    Latencies latencies() {
      return toDisplays.latencies();
    }
  }

  StormRound(BenchRoom room, Vertx clientVertx, ServerLink server, int n, double seconds, long bareCoalesceMs) {
    this.room = room;
    this.clientVertx = clientVertx;
    this.server = server;
    this.pacer = clientVertx.getOrCreateContext();
    this.n = n;
    this.seconds = seconds;
    this.bareCoalesceMs = bareCoalesceMs;
  }

  BenchRoom room() {
    return room;
  }

  Result run(int round) throws InterruptedException {
    long[] serverBefore = server.usage();
    long[] loadBefore = ChildJvm.usage();
    cpu.setLength(0);
    Ballots ballots = castBallots();
    Thread.sleep(200);
    Bare bare = PER_BALLOT_BARE ? broadcastBare("baseline-" + round, 0) : new Bare(new Latencies.Measured(Latencies.NONE, 0), 0);
    Bare coalesced = null;
    if (bareCoalesceMs > 0) {
      Thread.sleep(200);
      coalesced = broadcastBare("coalesced-" + round, bareCoalesceMs);
    }
    long[] serverAfter = server.usage();
    long[] loadAfter = ChildJvm.usage();
    return new Result(ballots, bare, coalesced, new long[] {serverAfter[0] - serverBefore[0],
        serverAfter[1] - serverBefore[1]}, new long[] {loadAfter[0] - loadBefore[0], loadAfter[1] - loadBefore[1]},
        serverBefore[3] < 0 ? -1 : serverAfter[3] - serverBefore[3], cpu.toString());
  }

  /** {now, server CPU ns, load CPU ns}. */
  private long[] mark() throws InterruptedException {
    return new long[] {System.nanoTime(), server.usage()[2], ChildJvm.usage()[2]};
  }

  private void noteCpu(String phase, long[] from) throws InterruptedException {
    long[] to = mark();
    double wall = to[0] - from[0];
    cpu.append(cpu.length() == 0 ? "" : ", ").append(String.format("%s %.0f/%.0f%%", phase,
        100 * (to[1] - from[1]) / wall, 100 * (to[2] - from[2]) / wall));
  }

  private Ballots castBallots() throws InterruptedException {
    JsonObject spec = new JsonObject().put("motion", "压测表决").put("secret", false).put("walkInsVote", false)
        .put("liveTally", true).put("base", "CAST");
    String voteId = room.hostCommand("openVote", spec).getString("voteId");
    if (!waitUntil(SNAPSHOT_TIMEOUT_MS, () -> room.watches.stream().allMatch(w -> w.highest(voteId) >= 0))) {
      long missing = room.watches.stream().filter(w -> w.highest(voteId) < 0).count();
      throw new IllegalStateException(missing + " displays got no snapshot of the new vote in time "
          + room.displayTrouble());
    }
    long[] sentAt = new long[n];
    long[] ackAt = new long[n];
    int[] ordinal = new int[n];
    AtomicInteger answered = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    long[] start = mark();
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
    awaitDisplays(voteId, Math.min(Arrays.stream(ordinal).max().orElse(0), n));
    noteCpu("vote", start);
    return settle(voteId, sentAt, ackAt, ordinal, errors);
  }

  /**
   * Works out latencies, closes the vote, reads the final box, announces the result, counts losses
   * and doubles. A ballot's ordinal is the running count its acknowledgement reported: every tally
   * with at least that count includes it.
   */
  private Ballots settle(String voteId, long[] sentAt, long[] ackAt, int[] ordinal, Map<String, Integer> errors)
      throws InterruptedException {
    Set<String> ackedAttendees = new HashSet<>();
    double[] ackMillis = new double[n];
    long firstSend = Arrays.stream(sentAt).min().orElse(0);
    long lastAck = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (ordinal[i] == 0) {
        continue;
      }
      lastAck = Math.max(lastAck, ackAt[i]);
      ackedAttendees.add(room.attendeeIds.get(i));
      ackMillis[i] = (ackAt[i] - sentAt[i]) / 1e6;
    }
    Latencies.Measured toDisplays = Latencies.toAllDisplays(sentAt, ordinal, voteId, room.watches);
    double frames = room.watches.stream().mapToInt(w -> w.messages(voteId)).average().orElse(0);
    int claimed = room.watches.stream().mapToInt(w -> w.highestClaimed(voteId)).max().orElse(-1);

    room.hostCommand("closeVote", new JsonObject());
    JsonObject box = server.box(voteId);
    if (box == null) {
      throw new IllegalStateException("no ballot box stored for vote " + voteId);
    }
    room.hostCommand("announceResult", new JsonObject());
    awaitNextSnapshot();
    room.watches.forEach(w -> w.forget(voteId));

    JsonArray voters = box.getJsonArray("voters", new JsonArray());
    Set<Object> distinctVoters = new HashSet<>(voters.getList());
    int lost = (n - ackedAttendees.size()) + (int) ackedAttendees.stream().filter(a -> !distinctVoters.contains(a)).count();
    int doubled = Math.max(voters.size() - distinctVoters.size(), box.getInteger("cast", 0) - ackedAttendees.size());
    doubled = Math.max(Math.max(0, doubled), claimed - n);
    int fifth = Math.max(1, n / 5);
    return new Ballots(ackedAttendees.size(), lastAck == Long.MIN_VALUE ? Double.NaN : (lastAck - firstSend) / 1e9,
        toDisplays, Latencies.of(positive(ackMillis, 0, n)), Latencies.of(positive(ackMillis, 0, fifth)).p50(),
        Latencies.of(positive(ackMillis, n - fifth, n)).p50(), frames, lost, doubled, errors);
  }

  /**
   * A baseline: the server process publishes tally-shaped frames on its own Vert.x at the ballots'
   * pace, one per ballot, or (coalesceMs &gt; 0) the newest at most once per that many ms, as it
   * does with real tallies. Latency runs from when a frame's cast was due until every display held it.
   */
  private Bare broadcastBare(String voteId, long coalesceMs) throws InterruptedException {
    long[] start = mark();
    long[] sentAt = server.bare(voteId, n, seconds, coalesceMs);
    awaitDisplays(voteId, n);
    noteCpu(coalesceMs > 0 ? "coalesced" : "bare", start);
    Latencies.Measured measured = Latencies.toAllDisplays(sentAt, Latencies.sequence(sentAt.length), voteId,
        room.watches);
    double frames = room.watches.stream().mapToInt(w -> w.messages(voteId)).average().orElse(0);
    room.watches.forEach(w -> w.forget(voteId));
    return new Bare(measured, frames);
  }

  /** Runs action(i) for i in 0..n-1, spread evenly over the round, on one context of the client's Vert.x. */
  private void pace(IntConsumer action) {
    pacer.runOnContext(v -> {
      for (int i = 0; i < n; i++) {
        int index = i;
        clientVertx.setTimer(START_DELAY_MS + Math.round(i * seconds * 1000 / n), t -> action.accept(index));
      }
    });
  }

  /** Waits (bounded) until every display has seen cast ≥ atLeast of the vote. */
  private boolean awaitDisplays(String voteId, int atLeast) throws InterruptedException {
    return waitUntil(DISPLAY_TIMEOUT_MS, () -> room.watches.stream().allMatch(w -> w.highest(voteId) >= atLeast));
  }

  /** The snapshot that follows a host command must be out of the way before the next phase. */
  private void awaitNextSnapshot() throws InterruptedException {
    int[] before = room.watches.stream().mapToInt(DisplayWatch::snapshots).toArray();
    waitUntil(SNAPSHOT_TIMEOUT_MS, () -> {
      for (int d = 0; d < before.length; d++) {
        if (room.watches.get(d).snapshots() <= before[d]) {
          return false;
        }
      }
      return true;
    });
  }

  private static double[] positive(double[] values, int from, int to) {
    return Arrays.stream(values, from, to).filter(v -> v > 0).toArray();
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
}
