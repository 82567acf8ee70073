package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Secrets;
import org.shangliang.store.Database;


/**
 * Enrolling a kiosk or display by the short code it shows on first start. The screen holds a long
 * secret (code plus random part) to collect its token once staff entered the code; only the
 * secret's hash is stored, and the token waits in the pairing document only until collected or
 * expired, beside the page the screen is to open (its path, with the token).
 */
public final class Pairings {
  static final String PAIRINGS = "pairings";
  static final long LIFETIME_MS = 15 * 60_000;
  private static final int ATTEMPTS = 20;

  private final MongoClient mongo;
  private final Database db;

  public Pairings(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  /** A fresh code for a display that asks: {code, secret, expiresAt}. */
  public Future<JsonObject> start() {
    return attempt(1);
  }

  private Future<JsonObject> attempt(int n) {
    String code = String.format("%06d", Secrets.randomBelow(1_000_000));
    String secret = code + "." + Secrets.random(24);
    long now = System.currentTimeMillis();
    JsonObject doc = new JsonObject().put("_id", code).put("secretHash", Secrets.digest(secret)).put("state", "WAITING")
        .put("expiresAt", now + LIFETIME_MS);
    // a code is free when no pairing holds it or its holder expired: one conditional upsert decides
    JsonObject free = new JsonObject().put("_id", code).put("expiresAt", new JsonObject().put("$lt", now));
    return mongo.replaceDocumentsWithOptions(PAIRINGS, free, doc, new io.vertx.ext.mongo.UpdateOptions().setUpsert(true))
        .compose(r -> db.durable())
        .map(v -> new JsonObject().put("code", code).put("secret", secret).put("expiresAt", now + LIFETIME_MS))
        .recover(e -> n < ATTEMPTS && Database.isDuplicateKey(e) ? attempt(n + 1) : Future.failedFuture(e));
  }

  /** What the waiting screen learns: still waiting, or (once) its device token and the page to open with it. */
  public Future<JsonObject> collect(String secret) {
    String code = secret == null ? "" : secret.split("\\.", 2)[0];
    return mongo.findOne(PAIRINGS, new JsonObject().put("_id", code), null).compose(doc -> {
      if (doc == null || !Secrets.matches(secret, doc.getString("secretHash"))
          || doc.getLong("expiresAt") < System.currentTimeMillis()) {
        return Future.failedFuture(new Failure(ErrorCode.PAIRING_UNKNOWN));
      }
      if (!"PAIRED".equals(doc.getString("state"))) {
        return Future.succeededFuture(new JsonObject().put("state", "WAITING").put("expiresAt", doc.getLong("expiresAt")));
      }
      return mongo.removeDocument(PAIRINGS, new JsonObject().put("_id", code)).compose(r -> db.durable())
          .map(v -> new JsonObject().put("state", "PAIRED").put("deviceId", doc.getString("deviceId"))
              .put("token", doc.getString("token")).put("url", doc.getString("url")));
    });
  }

  /** As {@link #complete(String, String, String, String)} for a notice board, whose page is the display's. */
  Future<Void> complete(String code, String deviceId, String token) {
    return complete(code, deviceId, token, boardPage(token));
  }

  /** A notice board's page: the display page, which learns from its token that it is a board. */
  public static String boardPage(String token) {
    return "/display/?token=" + token;
  }

  /**
   * Marks the waiting pairing with this code as paired, handing over the token and the page (a
   * path on this server) the screen opens with it; PAIRING_UNKNOWN if none.
   */
  public Future<Void> complete(String code, String deviceId, String token, String url) {
    JsonObject waiting = new JsonObject().put("_id", code).put("state", "WAITING")
        .put("expiresAt", new JsonObject().put("$gte", System.currentTimeMillis()));
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("state", "PAIRED").put("deviceId", deviceId)
        .put("token", token).put("url", url));
    return mongo.updateCollection(PAIRINGS, waiting, set).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.PAIRING_UNKNOWN)));
  }

  /** Whether a screen is waiting with this code right now. */
  public Future<Boolean> waiting(String code) {
    JsonObject waiting = new JsonObject().put("_id", code).put("state", "WAITING")
        .put("expiresAt", new JsonObject().put("$gte", System.currentTimeMillis()));
    return mongo.count(PAIRINGS, waiting).map(n -> n == 1);
  }
}
