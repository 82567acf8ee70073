package org.shangliang.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.metrics.Meters;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a node is ready, it rehearses a meeting ({@link Rehearsal}, {@value Config#DEFAULT_WARM_UP_VOTES}
 * votes by default, {@code WARM_UP_VOTES}) on a scratch node of its own — its own Vert.x and store,
 * on loopback — in the background. The JIT compiles the code a meeting runs then, in the minutes
 * between switching the computer on and the meeting, instead of during the first real vote
 * (docs/BENCHMARKS.md, "Cold start"). The serving node is not touched: a separate Vert.x shares no
 * event bus with it, only the JVM and its compiled code. A node restarted while a meeting is under
 * way does not rehearse: the meeting needs the CPU now, and a rehearsal beside a vote made it slower.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  private WarmUp() {
  }

  /** Starts the rehearsal on a thread of its own unless votes is 0 or a meeting is under way. */
  static void inBackground(Database db, int votes) {
    if (votes <= 0) {
      return;
    }
    JsonObject underWay = new JsonObject().put("openedAt", new JsonObject().put("$ne", null)).put("closedAt", null);
    db.mongo().count(RoomStore.MEETINGS, underWay).onSuccess(meetings -> {
      if (meetings > 0) {
        LOG.info("no warm-up: a meeting is under way");
        return;
      }
      Thread thread = new Thread(() -> rehearse(votes), "warm-up");
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static void rehearse(int votes) {
    Vertx vertx = Vertx.vertx();
    Meters.unmetered(vertx);
    try {
      LOG.info("warmed up: a rehearsed meeting of {} votes in {} ms", votes, Rehearsal.onScratchNode(vertx, votes));
    } catch (Exception e) {
      // the node serves as well without it, only slower at first
      LOG.warn("the warm-up rehearsal failed", e);
    } finally {
      vertx.close().onComplete(closed -> Meters.metered(vertx));
    }
  }
}
