package org.shangliang.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

import java.util.List;

/**
 * The JVM's meters on /metrics (memory, collections, threads, classes, compilation, processor,
 * uptime): the binders Vert.x's own JVM metrics would bind while Vert.x starts. A node binds them
 * once it is UP instead (app/Cluster turns Vert.x's off): their first reads of the JDK's management
 * beans took 50–65 ms of a start on two cores, on the way to UP (docs/BENCHMARKS.md, "Cold start").
 */
public final class JvmMeters implements AutoCloseable {
  private final JvmGcMetrics collections = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  private JvmMeters() {
  }

  public static JvmMeters bindTo(MeterRegistry registry) {
    JvmMeters meters = new JvmMeters();
    List<MeterBinder> binders = List.of(new ClassLoaderMetrics(), new JvmCompilationMetrics(), meters.collections,
        meters.heapPressure, new JvmInfoMetrics(), new JvmMemoryMetrics(), new JvmThreadMetrics(),
        new ProcessorMetrics(), new UptimeMetrics());
    binders.forEach(binder -> binder.bindTo(registry));
    return meters;
  }

  /** Stops the two that listen to the JVM's collections; the others only read when scraped. */
  @Override
  public void close() {
    collections.close();
    heapPressure.close();
  }
}
