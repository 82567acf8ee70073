package org.shangliang.metrics;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.concurrent.TimeUnit;

/**
 * Measures each event loop's delay: a timer set every {@value #PERIOD_MS} ms on this verticle's
 * loop, and how late it fires. Deployed once per event loop (Vert.x gives each instance the next
 * loop), so a loop kept busy by one client shows up by its thread's name.
 */
public final class EventLoopProbe extends VerticleBase {
  static final long PERIOD_MS = 100;
  private long timer = -1;

  @Override
  public Future<?> start() {
    Timer delay = Meters.eventLoopDelay(Thread.currentThread().getName());
    schedule(delay);
    return Future.succeededFuture();
  }

  private void schedule(Timer delay) {
    long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
    timer = vertx.setTimer(PERIOD_MS, t -> {
      delay.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
      schedule(delay);
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
