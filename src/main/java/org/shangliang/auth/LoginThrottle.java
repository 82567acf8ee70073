package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.ThrottlePolicy.Strikes;
import org.shangliang.common.Secrets;
import org.shangliang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins per key in MongoDB, so every node counts against the same record and a restart
 * forgets nothing. A key's record changes only by a conditional write on its version: attempts
 * sent at the same moment are let in one at a time. Keys are hashed (no address or typed name is
 * stored as such). The embedded store has no TTL, so records carry their own expiry and are swept.
 */
public final class LoginThrottle {
  public static final String COLLECTION = "login_throttle";
  /** Attempts racing for one record try this often before being told to wait. */
  private static final int TRIES = 8;
  private static final long CONTENDED_WAIT_MS = 1_000;
  private static final long SWEEP_MS = 10 * 60_000L;
  /** Records kept at most; beyond that the least recently tried go first. */
  static final int MAX_RECORDS = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final MongoClient mongo;
  private volatile long lastSweep;

  /** What became of one attempt for one key: let in (waitMs 0) or not, and the record before and after. */
  public record Admission(String id, ThrottlePolicy policy, Strikes before, Strikes after, long version, long waitMs) {
    public boolean admitted() { return waitMs == 0; }

    /** This attempt, if it fails, starts a lock. */
    public boolean locks() { return admitted() && policy.locks(before, after); }
  }

  public LoginThrottle(Database db) {
    this.mongo = db.mongo();
  }

  /** Lets an attempt for {@code key} in, counted as a failure until {@link #forgive} or {@link #takeBack}; or says how long to wait. */
  public Future<Admission> admit(String key, ThrottlePolicy policy) {
    long now = System.currentTimeMillis();
    sweepNow(now);
    return attempt(Secrets.digest(key), policy, 1);
  }

  private Future<Admission> attempt(String id, ThrottlePolicy policy, int tried) {
    long now = System.currentTimeMillis();
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).compose(doc -> {
      Strikes before = policy.current(strikes(doc), now);
      long version = doc == null ? 0 : doc.getLong("version", 0L);
      long wait = policy.waitMs(before, now);
      if (wait > 0) {
        return Future.succeededFuture(new Admission(id, policy, before, before, version, wait));
      }
      Strikes after = policy.admit(before, now);
      return write(id, doc == null, version, after, policy).compose(won -> {
        if (won) {
          return Future.succeededFuture(new Admission(id, policy, before, after, version + 1, 0));
        }
        return tried < TRIES ? attempt(id, policy, tried + 1)
            : Future.succeededFuture(new Admission(id, policy, before, before, version, CONTENDED_WAIT_MS));
      });
    });
  }

  /** The right password: the account's count starts afresh. */
  public Future<Void> forgive(Admission admission) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", admission.id())).mapEmpty();
  }

  /**
   * The right password: the attempt was no failure, so the record goes back to what it was, or, if
   * other attempts changed it meanwhile, loses this one's count.
   */
  public Future<Void> takeBack(Admission admission) {
    if (!admission.admitted()) {
      return Future.succeededFuture();
    }
    JsonObject restore = new JsonObject().put("$set", document(admission.before(), admission.policy())
        .put("version", admission.version() + 1));
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", admission.id()).put("version", admission.version()), restore)
        .compose(r -> r.getDocMatched() > 0 ? Future.succeededFuture() : mongo.updateCollection(COLLECTION,
            new JsonObject().put("_id", admission.id()).put("failures", new JsonObject().put("$gt", 0)),
            new JsonObject().put("$inc", new JsonObject().put("failures", -1).put("version", 1))).mapEmpty());
  }

  private Future<Boolean> write(String id, boolean fresh, long version, Strikes after, ThrottlePolicy policy) {
    JsonObject doc = document(after, policy).put("version", version + 1);
    if (fresh) {
      return mongo.insert(COLLECTION, doc.put("_id", id)).map(true)
          .recover(e -> Database.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
    }
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id).put("version", version),
        new JsonObject().put("$set", doc)).map(r -> r.getDocMatched() > 0);
  }

  private static JsonObject document(Strikes s, ThrottlePolicy policy) {
    long expiresAt = Math.max(s.lastAt() + policy.forgetMs(), s.lockedUntil());
    return new JsonObject().put("failures", s.failures()).put("lastAt", s.lastAt()).put("nextAt", s.nextAt())
        .put("lockedUntil", s.lockedUntil()).put("expiresAt", expiresAt);
  }

  private static Strikes strikes(JsonObject doc) {
    return doc == null ? Strikes.NONE : new Strikes(doc.getInteger("failures", 0), doc.getLong("lastAt", 0L),
        doc.getLong("nextAt", 0L), doc.getLong("lockedUntil", 0L));
  }

  /** At most once per {@link #SWEEP_MS} on this node: expired records go, then the oldest beyond {@link #MAX_RECORDS}. */
  private void sweepNow(long now) {
    if (now - lastSweep < SWEEP_MS) {
      return;
    }
    lastSweep = now;
    sweep(now).onFailure(e -> LOG.warn("old sign-in records not removed", e));
  }

  Future<Void> sweep(long now) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("expiresAt", new JsonObject().put("$lt", now)))
        .compose(r -> mongo.count(COLLECTION, new JsonObject()))
        .compose(count -> count <= MAX_RECORDS ? Future.succeededFuture() : mongo.findWithOptions(COLLECTION, new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("lastAt", 1)).setLimit((int) (count - MAX_RECORDS))
                    .setFields(new JsonObject().put("_id", 1)))
            .compose(oldest -> mongo.removeDocuments(COLLECTION, new JsonObject().put("_id", new JsonObject()
                .put("$in", new JsonArray(oldest.stream().map(d -> d.getString("_id")).toList()))))))
        .mapEmpty();
  }
}
