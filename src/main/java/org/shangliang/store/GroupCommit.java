package org.shangliang.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes acknowledged writes durable with as few store commits as possible: every caller waits for a
 * commit that starts after its call, and all callers arriving during one commit share the next one.
 */
final class GroupCommit {
  private final Vertx vertx;
  private final Runnable commit;
  private List<Runnable> waiting = new ArrayList<>();
  private boolean running;

  GroupCommit(Vertx vertx, Runnable commit) {
    this.vertx = vertx;
    this.commit = commit;
  }

  Future<Void> afterNextCommit() {
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    boolean start;
    synchronized (this) {
      waiting.add(() -> context.runOnContext(v -> done.complete()));
      start = !running;
      running = true;
    }
    if (start) {
      runRound();
    }
    return done.future();
  }

  private void runRound() {
    List<Runnable> batch;
    synchronized (this) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    vertx.executeBlocking(() -> {
      commit.run();
      return null;
    }, false).onComplete(ar -> {
      batch.forEach(Runnable::run);
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
}
