package org.shangliang.app;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a node is ready, it rehearses a meeting ({@link Rehearsal}, {@value Config#DEFAULT_WARM_UP_VOTES}
 * votes by default, {@code WARM_UP_VOTES}) on a scratch node of its own — its own Vert.x and store,
 * on loopback — in the background. The JIT compiles the code a meeting runs then, in the minutes
 * between switching the computer on and the meeting, instead of during the first real vote
 * (docs/BENCHMARKS.md, "Cold start"). The serving node is not touched: a separate Vert.x shares no
 * event bus with it, only the JVM and its compiled code.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  private WarmUp() {
  }

  static void inBackground(int votes) {
    if (votes <= 0) {
      return;
    }
    Thread thread = new Thread(() -> rehearse(votes), "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void rehearse(int votes) {
    Vertx vertx = Vertx.vertx();
    try {
      LOG.info("warmed up: a rehearsed meeting of {} votes in {} ms", votes, Rehearsal.onScratchNode(vertx, votes));
    } catch (Exception e) {
      // the node serves as well without it, only slower at first
      LOG.warn("the warm-up rehearsal failed", e);
    } finally {
      vertx.close();
    }
  }
}
