package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.PasswordHasher;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Identity.Role;
import org.shangliang.community.Grids;
import org.shangliang.store.Database;

import java.util.List;
import java.util.Objects;

/**
 * Administrators' changes to accounts: create with a temporary password, change name, role and
 * grids, disable and enable, reset the password. Each change is audited (never a password) and
 * durable before its reply; whatever changes what a session may do (disabling, a new role or
 * grids, a reset) revokes the account's sessions on every node at once.
 */
final class AccountAdmin {
  static final int MAX_ACCOUNTS = 1000;

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final Grids grids;
  private final Credentials credentials;
  private final AuditLog audit;

  AccountAdmin(Vertx vertx, Database db, Grids grids, Credentials credentials) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.grids = grids;
    this.credentials = credentials;
    this.audit = new AuditLog(mongo);
  }

  Future<JsonObject> list(Request r) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(MAX_ACCOUNTS)
        .setFields(new JsonObject().put("passwordHash", 0));
    return mongo.findWithOptions(Accounts.COLLECTION, new JsonObject(), options).map(docs -> new JsonObject()
        .put("accounts", new JsonArray(docs.stream().map(AccountAdmin::view).toList())));
  }

  /** A new account that must set its own password at first sign-in; the temporary one is answered once. */
  Future<JsonObject> create(Request r) {
    JsonObject b = r.body();
    String username = b.getString("username");
    Role role = AccountRules.role(b.getString("role"));
    List<String> gridIds = gridIdsOf(b);
    String password = AccountRules.temporaryPassword();
    JsonObject account = new JsonObject().put("_id", username).put("name", b.getString("name").strip())
        .put("role", role.name()).put("gridIds", new JsonArray(gridIds)).put("demo", false).put("disabled", false)
        .put("mustChangePassword", true).put("createdAt", System.currentTimeMillis()).put("createdBy", r.who().id());
    return checkGrids(role, gridIds)
        .compose(v -> vertx.executeBlocking(() -> PasswordHasher.hash(password), false))
        .compose(hash -> mongo.insert(Accounts.COLLECTION, account.copy().put("passwordHash", hash)))
        .recover(e -> Future.failedFuture(Database.isDuplicateKey(e) ? new Failure(ErrorCode.ACCOUNT_EXISTS) : e))
        .compose(id -> changed(r, new JsonObject().put("username", username).put("name", account.getString("name"))
            .put("role", AccountRules.apiName(role)).put("gridIds", account.getJsonArray("gridIds"))))
        .map(v -> new JsonObject().put("account", view(account)).put("temporaryPassword", password));
  }

  /** New name, role and grids; a new role or new grids end the account's sessions, so they apply at once. */
  Future<JsonObject> update(Request r) {
    JsonObject b = r.body();
    String username = b.getString("username");
    Role role = AccountRules.role(b.getString("role"));
    List<String> gridIds = gridIdsOf(b);
    return account(username).compose(before -> {
      Role was = Role.parse(before.getString("role"));
      if (was != role) {
        AccountRules.notOwn(r.who(), username);
      }
      boolean reach = was != role || !gridIdsOf(before).equals(gridIds);
      JsonObject set = new JsonObject().put("name", b.getString("name").strip()).put("role", role.name())
          .put("gridIds", new JsonArray(gridIds));
      Future<Void> allowed = checkGrids(role, gridIds)
          .compose(v -> role != Role.ADMIN ? keepsAnAdministrator(before) : Future.succeededFuture());
      return allowed.compose(v -> apply(r, username, set, reach, new JsonObject().put("username", username)
          .put("name", set.getString("name")).put("role", AccountRules.apiName(role)).put("gridIds", set.getJsonArray("gridIds"))
          .put("roleBefore", AccountRules.apiName(was))));
    });
  }

  /** Disabling ends every session of the account at once; its right password is then answered ACCOUNT_DISABLED. */
  Future<JsonObject> disable(Request r) {
    String username = r.body().getString("username");
    AccountRules.notOwn(r.who(), username);
    return account(username).compose(before -> before.getBoolean("disabled", false) ? Future.succeededFuture(reply(before))
        : keepsAnAdministrator(before).compose(v -> apply(r, username, new JsonObject().put("disabled", true), true,
            new JsonObject().put("username", username))));
  }

  Future<JsonObject> enable(Request r) {
    String username = r.body().getString("username");
    return account(username).compose(before -> !before.getBoolean("disabled", false) ? Future.succeededFuture(reply(before))
        : apply(r, username, new JsonObject().put("disabled", false), false, new JsonObject().put("username", username)));
  }

  /** A new temporary password, answered once; the account's sessions end and it must set its own at next sign-in. */
  Future<JsonObject> resetPassword(Request r) {
    String username = r.body().getString("username");
    AccountRules.notOwn(r.who(), username);
    String password = AccountRules.temporaryPassword();
    return account(username)
        .compose(before -> vertx.executeBlocking(() -> PasswordHasher.hash(password), false))
        .compose(hash -> apply(r, username, new JsonObject().put("passwordHash", hash).put("mustChangePassword", true),
            true, new JsonObject().put("username", username)))
        .map(reply -> reply.put("temporaryPassword", password));
  }

  /** Writes the change, audits it, revokes the sessions if asked, and answers once all of it is durable. */
  private Future<JsonObject> apply(Request r, String username, JsonObject set, boolean revoke, JsonObject params) {
    set.put("updatedAt", System.currentTimeMillis());
    return mongo.updateCollection(Accounts.COLLECTION, new JsonObject().put("_id", username), new JsonObject().put("$set", set))
        .compose(result -> result.getDocMatched() == 1 ? changed(r, params)
            : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个账号")))
        .compose(v -> revoke ? credentials.revokeAllOf(username) : Future.succeededFuture())
        .compose(v -> account(username)).map(AccountAdmin::reply);
  }

  private Future<Void> changed(Request r, JsonObject params) {
    return audit.record(AuditLog.entry(r.who(), Accounts.AREA, r.action(), params, System.currentTimeMillis()))
        .compose(v -> db.durable());
  }

  /** Refuses to take the last administrator who can sign in away from that role (see {@link AccountRules#keepAnAdministrator}). */
  private Future<Void> keepsAnAdministrator(JsonObject account) {
    if (!AccountRules.signsInAsAdministrator(account)) {
      return Future.succeededFuture();
    }
    JsonObject others = new JsonObject().put("role", Role.ADMIN.name())
        .put("_id", new JsonObject().put("$ne", account.getString("_id")));
    return mongo.findWithOptions(Accounts.COLLECTION, others, new FindOptions().setLimit(MAX_ACCOUNTS))
        .map(list -> {
          AccountRules.keepAnAdministrator(list);
          return null;
        });
  }

  private Future<Void> checkGrids(Role role, List<String> gridIds) {
    if (role != Role.GRID_WORKER || gridIds.isEmpty()) {
      AccountRules.checkGrids(role, gridIds, List.of());
      return Future.succeededFuture();
    }
    return grids.all().map(list -> {
      AccountRules.checkGrids(role, gridIds, list.stream().map(g -> g.getString("_id")).toList());
      return null;
    });
  }

  private Future<JsonObject> account(String username) {
    return mongo.findOne(Accounts.COLLECTION, new JsonObject().put("_id", username), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个账号")) : Future.succeededFuture(doc));
  }

  private static JsonObject reply(JsonObject account) {
    return new JsonObject().put("account", view(account));
  }

  private static List<String> gridIdsOf(JsonObject doc) {
    JsonArray ids = doc.getJsonArray("gridIds");
    return ids == null ? List.of() : ids.stream().map(Objects::toString).toList();
  }

  /** What the console sees of an account: never its password hash. */
  static JsonObject view(JsonObject doc) {
    return new JsonObject().put("username", doc.getString("_id")).put("name", doc.getString("name"))
        .put("role", AccountRules.apiName(Role.parse(doc.getString("role")))).put("gridIds", new JsonArray(gridIdsOf(doc)))
        .put("disabled", doc.getBoolean("disabled", false)).put("mustChangePassword", doc.getBoolean("mustChangePassword", false))
        .put("lastSignInAt", doc.getLong("lastSignInAt")).put("demo", doc.getBoolean("demo", false));
  }
}
