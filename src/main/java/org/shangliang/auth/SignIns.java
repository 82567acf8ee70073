package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.store.Database;

/**
 * The sign-in history of accounts, in the {@value #COLLECTION} collection: every attempt whose
 * password was checked against an existing account, right or wrong, with its address and why it
 * was refused. Unknown user names are never kept (a typed name may be a password typed into the
 * wrong field); attempts the throttle turned away were not checked and are not kept either, so the
 * throttle bounds how fast this grows. Records older than {@link #KEEP_MS} are swept.
 */
public final class SignIns {
  public static final String COLLECTION = "signins";
  /** What {@link #history} answers at most: the newest. */
  public static final int HISTORY = 50;
  static final long KEEP_MS = 180 * 86_400_000L;
  private static final long SWEEP_MS = 3600_000L;

  /** Why an attempt was refused, or how it succeeded; the names are part of the API (docs/API.md). */
  public enum Reason { OK, PASSWORD_CHANGED, WRONG_PASSWORD, ACCOUNT_DISABLED, PASSWORD_CHANGE_REQUIRED,
    PASSWORD_NOT_CHANGED, DEMO_ONLY }

  private final MongoClient mongo;
  private volatile long lastSweep;

  public SignIns(Database db) {
    this.mongo = db.mongo();
  }

  /** Keeps one attempt; the caller makes it durable with the answer it gives. */
  public Future<Void> record(String username, String address, Reason reason) {
    long now = System.currentTimeMillis();
    sweep(now);
    boolean ok = reason == Reason.OK || reason == Reason.PASSWORD_CHANGED;
    JsonObject doc = new JsonObject().put("at", now).put("username", username).put("address", address)
        .put("ok", ok).put("reason", reason.name());
    return mongo.insert(COLLECTION, doc).mapEmpty();
  }

  /** The account's newest {@value #HISTORY} attempts, newest first: {@code [{at, address, ok, reason}]}. */
  public Future<JsonArray> history(String username) {
    FindOptions newest = new FindOptions().setSort(new JsonObject().put("at", -1)).setLimit(HISTORY)
        .setFields(new JsonObject().put("_id", 0).put("at", 1).put("address", 1).put("ok", 1).put("reason", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("username", username), newest)
        .map(JsonArray::new);
  }

  private void sweep(long now) {
    if (now - lastSweep < SWEEP_MS) {
      return;
    }
    lastSweep = now;
    mongo.removeDocuments(COLLECTION, new JsonObject().put("at", new JsonObject().put("$lt", now - KEEP_MS)));
  }
}
