package org.shangliang.app;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code java -XX:AOTCacheOutput=shangliang.aot -jar shangliang.jar train} (Java 25) or
 * {@code -XX:ArchiveClassesAtExit=shangliang.jsa} (Java 17): starts a node with the demo on a
 * scratch store on a loopback port, holds a {@link Rehearsal}, stops and exits, so the JVM writes
 * what the node loaded and ran into its start-up cache. The launcher (docs/DEPLOYMENT.md) runs it
 * once per jar and Java. Nothing of the community's own store is touched.
 */
final class Training {
  private static final Logger LOG = LoggerFactory.getLogger(Training.class);
  /** About 40 s of a meeting's work on two cores: enough for the JIT to profile the ballot's path. */
  static final int VOTES = 30;

  private Training() {
  }

  /** Answers the process's exit status: 0 once the rehearsal went through. */
  static int run() throws IOException {
    Path scratch = Files.createTempDirectory("shangliang-training");
    long started = System.nanoTime();
    Config scratchNode = Config.local(0, scratch.toString());
    Vertx vertx = Cluster.vertxFor(scratchNode).await();
    try {
      Shangliang app = Shangliang.start(vertx, scratchNode, DemoData::seed).await();
      Rehearsal.hold(vertx, app, VOTES);
      app.stop().await();
      LOG.info("training: a rehearsed meeting of {} votes in {} ms", VOTES, (System.nanoTime() - started) / 1_000_000);
      return 0;
    } catch (RuntimeException e) {
      LOG.error("training: the rehearsal failed", e);
      return 1;
    } finally {
      vertx.close().await();
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
