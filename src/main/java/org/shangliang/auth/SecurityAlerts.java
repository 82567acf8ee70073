package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Sign-in locks, told to administrators where they look: an entry in the audit log, an alert the
 * staff console lists until someone marks it seen, and a WARN line. One alert per locked account,
 * per locked address, and one for all unknown user names together (a typed name may be a password
 * typed into the wrong field, so unknown names are never kept); a new lock makes it unseen again.
 */
public final class SecurityAlerts {
  public static final String COLLECTION = "alerts";
  /** Alerts shown and kept: the newest, and none older than 30 days. */
  static final int KEEP = 200;
  static final long KEEP_MS = 30 * 86_400_000L;
  private static final Logger LOG = LoggerFactory.getLogger(SecurityAlerts.class);

  /** What a lock is on: an account (known or not) or a network address. */
  public enum Scope { ACCOUNT, ADDRESS }

  /** A lock that just began: on what, the account's name if it exists, the address of the attempt that set it. */
  public record Lock(Scope scope, String account, String accountName, String address, int failures, long lockedUntil) {
    String kind() {
      return scope == Scope.ADDRESS ? "ADDRESS_LOCKED" : account == null ? "UNKNOWN_ACCOUNT_LOCKED" : "ACCOUNT_LOCKED";
    }

    String alertId() {
      return scope == Scope.ADDRESS ? "address:" + address : account == null ? "account:?" : "account:" + account;
    }
  }

  private final Database db;
  private final MongoClient mongo;

  public SecurityAlerts(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  /** Audits the lock and raises its alert, durably, before the attempt that caused it is answered. */
  public Future<Void> locked(Lock lock) {
    long now = System.currentTimeMillis();
    LOG.warn("sign-in locked until {}: {} {} after {} failures, the last from {}", Instant.ofEpochMilli(lock.lockedUntil()),
        lock.scope() == Scope.ADDRESS ? "address" : "account", lock.scope() == Scope.ADDRESS ? lock.address()
            : lock.account() == null ? "(an unknown user name)" : lock.account(), lock.failures(), lock.address());
    JsonObject audit = new JsonObject().put("at", now).put("area", "signin").put("action", "signInLocked").put("scope", lock.scope().name())
        .put("account", lock.account()).put("knownAccount", lock.account() != null).put("address", lock.address())
        .put("failures", lock.failures()).put("lockedUntil", lock.lockedUntil())
        .put("actor", new JsonObject().put("role", "SYSTEM"));
    JsonObject alert = new JsonObject().put("$set", new JsonObject().put("kind", lock.kind()).put("account", lock.account())
            .put("name", lock.accountName()).put("address", lock.address()).put("failures", lock.failures())
            .put("lockedUntil", lock.lockedUntil()).put("lastAt", now).put("seenAt", null).put("seenBy", null))
        .put("$inc", new JsonObject().put("locks", 1));
    return mongo.insert(AuditLog.COLLECTION, audit)
        .compose(id -> mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", lock.alertId()), alert,
            new UpdateOptions().setUpsert(true)))
        .compose(r -> db.durable())
        .onSuccess(v -> trim(now));
  }

  /** The newest alerts, for the consoles: {@code {alerts, unseen}}. */
  public Future<JsonObject> recent() {
    FindOptions newest = new FindOptions().setSort(new JsonObject().put("lastAt", -1)).setLimit(KEEP);
    return mongo.findWithOptions(COLLECTION, new JsonObject(), newest).map(docs -> {
      JsonArray alerts = new JsonArray();
      docs.forEach(d -> alerts.add(view(d)));
      long unseen = docs.stream().filter(d -> d.getValue("seenAt") == null).count();
      return new JsonObject().put("alerts", alerts).put("unseen", unseen);
    });
  }

  /** Someone signed in has seen the alert; NOT_FOUND for no such alert. */
  public Future<Void> markSeen(String id, Identity who) {
    JsonObject seen = new JsonObject().put("$set", new JsonObject().put("seenAt", System.currentTimeMillis())
        .put("seenBy", new JsonObject().put("id", who.id()).put("name", who.name())));
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), seen).compose(r -> r.getDocMatched() > 0
        ? db.durable() : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND)));
  }

  private static JsonObject view(JsonObject doc) {
    JsonObject view = doc.copy();
    view.put("id", view.remove("_id"));
    return view;
  }

  /** Old alerts go: beyond 30 days, and beyond the newest {@link #KEEP}. */
  private void trim(long now) {
    mongo.removeDocuments(COLLECTION, new JsonObject().put("lastAt", new JsonObject().put("$lt", now - KEEP_MS)))
        .compose(r -> mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions()
            .setSort(new JsonObject().put("lastAt", -1)).setSkip(KEEP).setFields(new JsonObject().put("_id", 1))))
        .compose(extra -> extra.isEmpty() ? Future.succeededFuture() : mongo.removeDocuments(COLLECTION, new JsonObject()
            .put("_id", new JsonObject().put("$in", new JsonArray(extra.stream().map(d -> d.getValue("_id")).toList())))))
        .onFailure(e -> LOG.warn("old alerts not removed", e));
  }
}
