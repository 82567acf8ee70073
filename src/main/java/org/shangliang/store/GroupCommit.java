package org.shangliang.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.metrics.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes acknowledged writes durable with as few store commits as possible: every caller waits for a
 * commit that starts after its call, and all callers arriving during one commit share the next one.
 * A commit that fails (a full disk) fails every caller of its round: nothing is acknowledged that
 * the store did not keep.
 */
final class GroupCommit {
  /** A commit this slow is logged, with where the committing thread stands: every reply waits for it. */
  static final long SLOW_COMMIT_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private final Vertx vertx;
  private final Runnable commit;
  private List<Waiter> waiting = new ArrayList<>();
  private boolean running;
  /** A round handed to the worker pool that no worker has taken up yet; read by the slow-commit check. */
  private volatile boolean waitingForWorker;
  /** The thread committing now, null otherwise; read by the slow-commit check. */
  private volatile Thread committing;

  /** Someone waiting for the next commit, answered on their own context. */
  private record Waiter(Context context, Promise<Void> done) {
    void answer(Throwable failure) {
      context.runOnContext(v -> {
        if (failure == null) {
          done.complete();
        } else {
          done.fail(failure);
        }
      });
    }
  }

  GroupCommit(Vertx vertx, Runnable commit) {
    this.vertx = vertx;
    this.commit = commit;
  }

  Future<Void> afterNextCommit() {
    Promise<Void> done = Promise.promise();
    boolean start;
    synchronized (this) {
      waiting.add(new Waiter(vertx.getOrCreateContext(), done));
      start = !running;
      running = true;
    }
    if (start) {
      runRound();
    }
    return done.future();
  }

  private void runRound() {
    List<Waiter> batch;
    synchronized (this) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    long queued = System.nanoTime();
    waitingForWorker = true;
    long slowCheck = vertx.setTimer(SLOW_COMMIT_MS, t -> reportSlow(queued));
    vertx.executeBlocking(() -> {
      long started = System.nanoTime();
      committing = Thread.currentThread();
      waitingForWorker = false;
      try {
        commit.run();
      } finally {
        committing = null;
      }
      Meters.commitTimer().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      return null;
    }, false).onComplete(ar -> {
      vertx.cancelTimer(slowCheck);
      long tookMs = (System.nanoTime() - queued) / 1_000_000;
      if (tookMs >= SLOW_COMMIT_MS) {
        LOG.warn("a store commit took {} ms from its call to its end (replies waiting for it: {})", tookMs, batch.size());
      }
      Throwable failure = ar.succeeded() ? null : storeFailure(ar.cause());
      batch.forEach(waiter -> waiter.answer(failure));
      boolean again;
      synchronized (this) {
        again = !waiting.isEmpty();
        running = again;
      }
      if (again) {
        runRound();
      }
    });
  }

  /**
   * Not done {@link #SLOW_COMMIT_MS} after its call: still waiting for a worker thread (the pool is
   * busy with other blocking work), or committing (a disk that stalls, or a lock held elsewhere).
   */
  private void reportSlow(long queued) {
    long waitedMs = (System.nanoTime() - queued) / 1_000_000;
    Thread thread = committing;
    if (waitingForWorker) {
      LOG.warn("a store commit has waited {} ms for a worker thread, replies wait for it: the worker pool is busy",
          waitedMs);
    } else if (thread != null) {
      StringBuilder stack = new StringBuilder();
      for (StackTraceElement frame : thread.getStackTrace()) {
        stack.append("\n    at ").append(frame);
      }
      LOG.warn("a store commit has been running for {} ms, replies wait for it; {} ({}) stands at:{}", waitedMs,
          thread.getName(), thread.getState(), stack);
    }
  }

  private static Failure storeFailure(Throwable cause) {
    LOG.error("the store could not commit: the writes of this round are not acknowledged", cause);
    return new Failure(ErrorCode.STORE_WRITE_FAILED);
  }
}
