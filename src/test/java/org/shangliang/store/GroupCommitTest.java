package org.shangliang.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.support.Await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commits shared by the writes waiting for them, and a commit that stalls told in the log while it stalls. */
class GroupCommitTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a commit that stalls is logged while it stalls, with where its thread stands, and once it ends; nothing is answered before its commit")
  void stalledCommitIsLogged() throws Exception {
    CountDownLatch disk = new CountDownLatch(1);
    AtomicInteger commits = new AtomicInteger();
    GroupCommit group = new GroupCommit(vertx, () -> {
      commits.incrementAndGet();
      try {
        disk.await(30, TimeUnit.SECONDS); // a disk that does not answer for a while
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    List<Future<Void>> waiters;
    String whileStalled;
    try {
      waiters = IntStream.range(0, 3).mapToObj(i -> group.afterNextCommit()).toList();
      Await.until("the stall is reported", GroupCommit.SLOW_COMMIT_MS + 5_000,
          () -> log.toString(StandardCharsets.UTF_8).contains("has been running"));
      whileStalled = log.toString(StandardCharsets.UTF_8);
      assertTrue(waiters.stream().noneMatch(Future::isComplete), "nothing is acknowledged before its commit");
      disk.countDown();
      Await.result(Future.all(waiters));
      Await.until("the end of the stall is reported", 5_000,
          () -> log.toString(StandardCharsets.UTF_8).contains("a store commit took"));
    } finally {
      System.setErr(err);
    }
    System.out.println(log.toString(StandardCharsets.UTF_8));
    assertTrue(whileStalled.contains("CountDownLatch.await"), "the committing thread's stack: " + whileStalled);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("(replies waiting for it: 1)"));
    // the first waiter's commit started at once; the two that came during it share the next
    assertEquals(2, commits.get());
  }

  @Test
  @DisplayName("a commit that waits for a worker thread, the pool busy with other blocking work, is logged as such")
  void commitWaitingForAWorkerIsLogged() throws Exception {
    Vertx onePool = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1));
    CountDownLatch busy = new CountDownLatch(1);
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try {
      // the only worker thread busy, as with a burst of password hashes
      onePool.executeBlocking(() -> busy.await(30, TimeUnit.SECONDS), false);
      GroupCommit group = new GroupCommit(onePool, () -> { });
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      Future<Void> waiter = group.afterNextCommit();
      Await.until("the wait is reported", GroupCommit.SLOW_COMMIT_MS + 5_000,
          () -> log.toString(StandardCharsets.UTF_8).contains("waited"));
      assertTrue(!waiter.isComplete(), "nothing is acknowledged before its commit");
      busy.countDown();
      Await.result(waiter);
    } finally {
      System.setErr(err);
      busy.countDown();
      Await.result(onePool.close());
    }
    String text = log.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertTrue(text.contains("for a worker thread"), text);
    assertTrue(!text.contains("stands at"), "no committing thread to show yet: " + text);
  }

  @Test
  @DisplayName("a quick commit logs nothing")
  void quickCommitIsQuiet() {
    GroupCommit group = new GroupCommit(vertx, () -> { });
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 20; i++) {
        Await.result(group.afterNextCommit());
      }
    } finally {
      System.setErr(err);
    }
    assertEquals("", log.toString(StandardCharsets.UTF_8));
  }
}
