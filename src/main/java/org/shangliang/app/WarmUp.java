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
 * way does not rehearse, and a rehearsal ends early once a meeting opens on the node: the meeting
 * needs the CPU now, and a rehearsal beside a vote made it slower.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  private static final JsonObject UNDER_WAY =
      new JsonObject().put("openedAt", new JsonObject().put("$ne", null)).put("closedAt", null);

  private WarmUp() {
  }

  /** Starts the rehearsal on a thread of its own unless votes is 0 or a meeting is under way. */
  static void inBackground(Database db, int votes) {
    if (votes <= 0) {
      return;
    }
    Thread thread = new Thread(() -> rehearse(db, votes), "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void rehearse(Database db, int votes) {
    if (meetingUnderWay(db)) {
      LOG.info("no warm-up: a meeting is under way");
      return;
    }
    Vertx vertx = Vertx.vertx();
    Meters.unmetered(vertx);
    long started = System.nanoTime();
    try {
      int held = Rehearsal.onScratchNode(vertx, Rehearsal.Size.WARM_UP, votes, () -> meetingUnderWay(db));
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (held == votes) {
        LOG.info("warmed up: a rehearsed meeting of {} votes in {} ms", votes, millis);
      } else {
        LOG.info("warm-up cut short after {} of {} votes in {} ms: a meeting opened on this node", held, votes, millis);
      }
    } catch (Exception e) {
      // the node serves as well without it, only slower at first
      LOG.warn("the warm-up rehearsal failed", e);
    } finally {
      vertx.close().onComplete(closed -> Meters.metered(vertx));
    }
  }

  /**
   * Asked before the rehearsal and before every rehearsed vote: a real meeting needs the core more
   * than the JIT does. A store that cannot answer counts as busy.
   */
  private static boolean meetingUnderWay(Database db) {
    try {
      return db.mongo().count(RoomStore.MEETINGS, UNDER_WAY).await() > 0;
    } catch (RuntimeException unreadable) {
      return true;
    }
  }
}
