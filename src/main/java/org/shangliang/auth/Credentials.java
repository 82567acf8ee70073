package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ExpiringCache;
import org.shangliang.common.Identity;
import org.shangliang.common.Secrets;
import org.shangliang.store.Database;

/**
 * Bearer tokens for sessions and enrolled devices. Only a token's SHA-256 is stored, as the
 * document id, so a leaked database holds no usable token. Resolved identities are cached for a
 * short while: the cache is rebuilt from MongoDB on any node, so no node owns it.
 */
public final class Credentials {
  public static final String COLLECTION = "credentials";
  /**
   * Internal address (not bridged), published to every node: the id of an account or device whose
   * tokens were just revoked. Each node forgets what it cached for it and closes its sockets.
   */
  public static final String REVOKED = "internal.credentials.revoked";
  /** Internal address, published to every node: the digest of one token just revoked (a sign-out). */
  public static final String TOKEN_REVOKED = "internal.credentials.token-revoked";
  /**
   * Every revocation is pushed to every node, so this only bounds how long a node that missed the
   * message honours a revoked token. Longer than the 30 s between a board's heartbeats, so an idle
   * street of boards costs no store reads; enough entries for a street's devices and its staff.
   */
  private static final long CACHE_MS = 5 * 60_000;
  private static final int CACHE_ENTRIES = 50_000;
  private static final long SESSION_MS = 12 * 3600_000L;

  /** A token's identity as read, with the end of its session (devices' tokens do not end). */
  private record Held(Identity identity, long expiresAt) {
  }

  private final MongoClient mongo;
  private final Database db;
  private final ExpiringCache<String, Held> cache = new ExpiringCache<>(CACHE_MS, CACHE_ENTRIES);

  private final Vertx vertx;

  public Credentials(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    vertx.eventBus().<String>consumer(REVOKED, message -> forget(message.body()));
    vertx.eventBus().<String>consumer(TOKEN_REVOKED, message -> cache.remove(message.body()));
  }

  public Future<String> issueSession(Identity account) {
    String token = newToken();
    JsonObject doc = new JsonObject().put("_id", Secrets.digest(token)).put("identity", account.toJson())
        .put("expiresAt", System.currentTimeMillis() + SESSION_MS);
    return mongo.insert(COLLECTION, doc).compose(id -> db.durable()).map(token);
  }

  public Future<String> issueDevice(Identity device) {
    String token = newToken();
    JsonObject doc = new JsonObject().put("_id", Secrets.digest(token)).put("identity", device.toJson());
    return mongo.insert(COLLECTION, doc).compose(id -> db.durable()).map(token);
  }

  /** Revokes one token (a sign-out), then tells every node to forget it. */
  public Future<Void> revoke(String token) {
    String key = Secrets.digest(token);
    cache.remove(key);
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key))
        .onSuccess(r -> vertx.eventBus().publish(TOKEN_REVOKED, key)).mapEmpty();
  }

  /**
   * Revokes every token of one account or device, durably, then tells every node: their cached
   * identities are dropped at once, so the next frame with such a token is refused anywhere.
   */
  public Future<Void> revokeAllOf(String identityId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("identity.id", identityId))
        .compose(r -> db.durable())
        .onSuccess(v -> vertx.eventBus().publish(REVOKED, identityId));
  }

  /**
   * Drops this node's cached identities of an account or device whose tokens were revoked, and any
   * lookup still under way, which may have read the token before it was removed.
   */
  private void forget(String identityId) {
    cache.removeIf(held -> !held.isComplete()
        || (held.succeeded() && identityId.equals(held.result().identity().id())));
  }

  /** The identity a token stands for; anonymous for no, unknown or expired tokens. */
  public Future<Identity> resolve(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Future.succeededFuture(Identity.ANONYMOUS);
    }
    return cache.get(Secrets.digest(token), key -> mongo.findOne(COLLECTION, new JsonObject().put("_id", key), null)
        .map(Credentials::held)).map(held -> held.expiresAt() < System.currentTimeMillis() ? Identity.ANONYMOUS : held.identity());
  }

  private static Held held(JsonObject doc) {
    if (doc == null) {
      return new Held(Identity.ANONYMOUS, Long.MAX_VALUE);
    }
    return new Held(Identity.fromJson(doc.getJsonObject("identity")), doc.getLong("expiresAt", Long.MAX_VALUE));
  }

  private static String newToken() {
    return Secrets.random(32);
  }

}
