package org.shangliang.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's own meters, beside those Vert.x keeps (HTTP, event bus, JVM): what /metrics shows
 * in the Prometheus text format (docs/DEPLOYMENT.md). They live in the registry Vert.x was started
 * with (app/Cluster); a Vert.x started without one (tests) gets a registry of this node's alone.
 */
public final class Meters {
  private static volatile PrometheusMeterRegistry fallback;
  /**
   * Meters already registered, by registry and name and tags: a command or a ballot finds its
   * counter with one map lookup instead of building and registering it again. Bounded by the known
   * actions times the error codes.
   */
  private static final Map<List<Object>, Meter> REGISTERED = new ConcurrentHashMap<>();
  /** Vert.x instances whose meters /metrics must not show: a scratch node rehearsing beside this one. */
  private static final Set<Vertx> UNMETERED = ConcurrentHashMap.newKeySet();
  private static volatile PrometheusMeterRegistry unread;

  private Meters() {
  }

  /**
   * Code running on this Vert.x counts into a registry nobody reads until {@link #metered} (the
   * warm-up's scratch node: its rehearsed ballots are not the community's).
   */
  public static void unmetered(Vertx vertx) {
    UNMETERED.add(vertx);
  }

  public static void metered(Vertx vertx) {
    UNMETERED.remove(vertx);
  }

  /** The registry /metrics reads, or for a scratch node's code one nobody reads. */
  public static PrometheusMeterRegistry registry() {
    if (!UNMETERED.isEmpty()) {
      Context context = Vertx.currentContext();
      if (context != null && UNMETERED.contains(context.owner())) {
        return unread();
      }
    }
    MeterRegistry started = BackendRegistries.getDefaultNow();
    if (started instanceof PrometheusMeterRegistry prometheus) {
      return prometheus;
    }
    if (fallback == null) {
      synchronized (Meters.class) {
        if (fallback == null) {
          fallback = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
      }
    }
    return fallback;
  }

  private static PrometheusMeterRegistry unread() {
    if (unread == null) {
      synchronized (Meters.class) {
        if (unread == null) {
          unread = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
      }
    }
    return unread;
  }

  /** One command answered on a command address, by action and outcome ({@code ok} or its error code). */
  public static void command(String address, String action, String outcome) {
    PrometheusMeterRegistry registry = registry();
    ((Counter) REGISTERED.computeIfAbsent(List.of(registry, "commands", address, action, outcome), key ->
        Counter.builder("shangliang.commands").description("Commands answered, by address, action and outcome")
            .tag("address", address).tag("action", action).tag("outcome", outcome).register(registry))).increment();
  }

  /** A ballot counted (durable and answered). */
  public static void ballotCounted() {
    PrometheusMeterRegistry registry = registry();
    ((Counter) REGISTERED.computeIfAbsent(List.of(registry, "ballots"), key ->
        Counter.builder("shangliang.ballots.counted").description("Ballots counted").register(registry))).increment();
  }

  /** How long a commit of the embedded store took (every acknowledgement waits for one). */
  public static Timer commitTimer() {
    PrometheusMeterRegistry registry = registry();
    return (Timer) REGISTERED.computeIfAbsent(List.of(registry, "commit"), key ->
        Timer.builder("shangliang.store.commit").description("Commits of the embedded store")
            .publishPercentiles(0.5, 0.99).register(registry));
  }

  /** How late a timer on an event loop ran: how long that loop was busy with something else. */
  public static Timer eventLoopDelay(String loop) {
    return Timer.builder("shangliang.event.loop.delay").description("Lateness of a 100 ms timer on each event loop")
        .tag("loop", loop).publishPercentiles(0.5, 0.99).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry());
  }
}
