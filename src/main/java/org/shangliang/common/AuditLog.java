package org.shangliang.common;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The one audit log of every change, in the {@value #COLLECTION} collection: who ({@code actor}),
 * what ({@code area}, {@code action}, {@code params}), when ({@code at}), and for room commands
 * the room. Written beside the change and made durable with it, before the change is acknowledged.
 */
public final class AuditLog {
  public static final String COLLECTION = "audit";

  private final MongoClient mongo;

  public AuditLog(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** An entry for a change made by {@code who}; {@code params} must hold no secret (no password, no token). */
  public static JsonObject entry(Identity who, String area, String action, JsonObject params, long at) {
    return entry(new JsonObject().put("id", who.id()).put("name", who.name()).put("role", who.role().name()),
        area, action, params, at);
  }

  /**
   * An entry for a change whose author has no identity of their own, known only as {@code actor}
   * {@code {id, name, role}}: a resident on their status page, the meeting resolving a topic.
   */
  public static JsonObject entry(JsonObject actor, String area, String action, JsonObject params, long at) {
    return new JsonObject().put("at", at).put("area", area).put("action", action).put("actor", actor)
        .put("params", params == null ? new JsonObject() : params);
  }

  public Future<Void> record(JsonObject entry) {
    return mongo.insert(COLLECTION, entry).mapEmpty();
  }

  /** Records a change by {@code who} now. */
  public Future<Void> record(Identity who, String area, String action, JsonObject params) {
    return record(entry(who, area, action, params, System.currentTimeMillis()));
  }
}
