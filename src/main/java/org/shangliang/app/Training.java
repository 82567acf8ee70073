package org.shangliang.app;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code java -XX:AOTCacheOutput=shangliang.aot -jar shangliang.jar train} (Java 25) or
 * {@code -XX:ArchiveClassesAtExit=shangliang.jsa} (Java 17): holds a {@link Rehearsal} on a scratch
 * node and exits, so the JVM writes what the node loaded and ran into its start-up cache. The
 * launcher (docs/DEPLOYMENT.md) runs it once per jar and Java. The community's store is not touched.
 */
final class Training {
  private static final Logger LOG = LoggerFactory.getLogger(Training.class);
  /** 10,000 ballots, 2 s a vote: enough for the JIT to profile the ballot's path in a full room. */
  static final int VOTES = 20;

  private Training() {
  }

  /**
   * Answers the process's exit status: 0 once a rehearsal went through. The full room first; if a
   * slow machine cannot hold it (a command unanswered while 700 pages and the node share its cores),
   * a small room's instead: a cache without a full room's profiles still halves the start.
   */
  static int run() {
    return run(List.of(Rehearsal.Size.FULL_ROOM, Rehearsal.Size.WARM_UP), VOTES);
  }

  /** Rehearses the first room that goes through, in this order. */
  static int run(List<Rehearsal.Size> rooms, int votes) {
    // the node's own Vert.x, meters included, so their classes are in the cache too
    Vertx vertx = Cluster.vertxFor(Config.local(0, "unused")).await();
    try {
      for (Rehearsal.Size room : rooms) {
        try {
          long millis = Rehearsal.onScratchNode(vertx, room, votes);
          LOG.info("training: a rehearsed meeting of {} votes with {} kiosks and {} room displays in {} ms", votes,
              room.kiosks(), room.roomDisplays(), millis);
          return 0;
        } catch (Exception e) {
          LOG.warn("training: the rehearsal with {} kiosks failed", room.kiosks(), e);
        }
      }
      LOG.error("training: no rehearsal went through");
      return 1;
    } finally {
      vertx.close().await();
    }
  }
}
