package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A kiosk that reads normally, timing how long its own hand takes to come back in a pushed state. */
final class HandWatch {
  final BridgeClient kiosk;
  Latencies raised = new Latencies();
  Latencies withdrawn = new Latencies();
  /** Until the command's reply, for comparison: most of a slow round trip is spent before it. */
  Latencies replies = new Latencies();
  final AtomicReference<Waiting> waiting = new AtomicReference<>();

  record Waiting(Predicate<JsonObject> shows, CompletableFuture<Long> seenAt) {
  }

  HandWatch(BridgeClient kiosk) {
    this.kiosk = kiosk;
    kiosk.register(RoomAddresses.state(SlowReadersTest.ROOM), snapshot -> {
      Waiting w = waiting.get();
      if (w != null && w.shows().test(snapshot)) {
        w.seenAt().complete(System.nanoTime());
      }
    });
  }

  /** Raises and withdraws the hand over and over for this long, calling between times; stops early if it says so. */
  void roundTripsFor(long nanos, BooleanSupplier between) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      raised.add(change("raiseHand", snapshot -> inQueue(snapshot)));
      withdrawn.add(change("withdrawHand", snapshot -> !inQueue(snapshot)));
      if (!between.getAsBoolean()) {
        return;
      }
    }
  }

  /** Starts counting afresh; answers the raised hand's times so far. */
  Latencies restart() {
    Latencies before = raised;
    raised = new Latencies();
    withdrawn = new Latencies();
    replies = new Latencies();
    return before;
  }

  private long change(String action, Predicate<JsonObject> shows) {
    Waiting w = new Waiting(shows, new CompletableFuture<>());
    waiting.set(w);
    long sent = System.nanoTime();
    Await.result(SlowReadersTest.command(kiosk, action, new JsonObject().put("attendeeId", SlowReadersTest.WANG)));
    replies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
    try {
      return TimeUnit.NANOSECONDS.toMillis(w.seenAt().get(10, TimeUnit.SECONDS) - sent);
    } catch (Exception e) {
      throw new AssertionError("the kiosk never saw its " + action, e);
    }
  }

  private static boolean inQueue(JsonObject snapshot) {
    JsonObject meeting = snapshot.getJsonObject("meeting");
    return meeting != null && meeting.getJsonArray("queue").stream()
        .anyMatch(h -> SlowReadersTest.WANG.equals(((JsonObject) h).getString("attendeeId")));
  }

  /** Milliseconds, with their percentiles. */
  static final class Latencies {
    private final List<Long> values = new ArrayList<>();

    void add(long ms) {
      values.add(ms);
    }

    long percentile(double p) {
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    long p99() {
      return percentile(0.99);
    }

    String describe() {
      return String.format("%d times, p50 %d / p99 %d / max %d ms", values.size(), percentile(0.5), p99(),
          percentile(1.0));
    }
  }
}
