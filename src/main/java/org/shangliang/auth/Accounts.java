package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

/** Host and staff accounts: creation and sign-in with a slow salted password hash. */
public final class Accounts {
  public static final String COLLECTION = "accounts";

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final Credentials credentials;

  public Accounts(Vertx vertx, Database db, Credentials credentials) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.credentials = credentials;
  }

  /** Creates or replaces an account; the password is hashed off the event loop. */
  public Future<Void> save(String username, String name, Identity.Role role, String password) {
    return vertx.executeBlocking(() -> PasswordHasher.hash(password), false).compose(hash -> {
      JsonObject account = new JsonObject().put("name", name).put("role", role.name()).put("passwordHash", hash);
      return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", username),
          new JsonObject().put("$set", account), new UpdateOptions().setUpsert(true));
    }).compose(r -> db.durable());
  }

  /** Signs in; answers {@code {token, name, role}} or fails with UNAUTHENTICATED. */
  public Future<JsonObject> login(String username, String password) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", username), null)
        .compose(account -> vertx.executeBlocking(() -> {
          String stored = account == null ? null : account.getString("passwordHash");
          return PasswordHasher.verify(password, stored) ? account : null;
        }, false))
        .compose(account -> {
          if (account == null) {
            return Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED, "用户名或密码错误"));
          }
          Identity.Role role = Identity.Role.valueOf(account.getString("role"));
          String name = account.getString("name");
          return credentials.issueSession(username, role, name).map(token -> new JsonObject()
              .put("token", token).put("name", name).put("role", role.name().toLowerCase()));
        });
  }
}
