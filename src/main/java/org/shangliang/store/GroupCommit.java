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
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private final Vertx vertx;
  private final Runnable commit;
  private List<Waiter> waiting = new ArrayList<>();
  private boolean running;

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
    vertx.executeBlocking(() -> {
      long started = System.nanoTime();
      commit.run();
      Meters.commitTimer().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      return null;
    }, false).onComplete(ar -> {
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

  private static Failure storeFailure(Throwable cause) {
    LOG.error("the store could not commit: the writes of this round are not acknowledged", cause);
    return new Failure(ErrorCode.STORE_WRITE_FAILED);
  }
}
