package org.shangliang.common;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * Fixed-window counters in MongoDB, so every node of a cluster counts against the same limit.
 * Keys are hashed (no address or cookie is stored as such); old windows are swept periodically
 * because the embedded store has no TTL expiry.
 */
public final class RateLimiter {
  static final String COLLECTION = "rate_limits";
  private static final long SWEEP_MS = 10 * 60_000;

  private final MongoClient mongo;

  public RateLimiter(Vertx vertx, MongoClient mongo) {
    this.mongo = mongo;
    vertx.setPeriodic(SWEEP_MS, id -> sweep(System.currentTimeMillis()));
  }

  /** Counts one event for {@code key}; fails with RATE_LIMITED when more than {@code limit} fall in one window. */
  public Future<Void> count(String key, int limit, long windowMs) {
    long now = System.currentTimeMillis();
    long window = now / windowMs;
    String id = Secrets.digest(key) + ":" + window;
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("n", 1))
        .put("$set", new JsonObject().put("until", (window + 1) * windowMs));
    return mongo.findOneAndUpdateWithOptions(COLLECTION, new JsonObject().put("_id", id), update,
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .compose(doc -> doc.getInteger("n", 1) <= limit ? Future.succeededFuture()
            : Future.failedFuture(new RateLimited((window + 1) * windowMs - now)));
  }

  private void sweep(long now) {
    mongo.removeDocuments(COLLECTION, new JsonObject().put("until", new JsonObject().put("$lt", now)));
  }

  /** RATE_LIMITED with how long to wait, for a {@code Retry-After} header or the {@code retryAfter} of a bus reply. */
  public static final class RateLimited extends Failure {
    RateLimited(long retryAfterMs) {
      super(ErrorCode.RATE_LIMITED, Math.max(1, retryAfterMs));
    }
  }
}
