package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.auth.LoginThrottle.Admission;
import org.shangliang.auth.SecurityAlerts.Lock;
import org.shangliang.auth.SecurityAlerts.Scope;
import org.shangliang.auth.SignIns.Reason;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * Host and staff accounts: creation, and sign-in with a slow salted password hash under a throttle,
 * where a disabled account is refused and a temporary password must be replaced.
 */
public final class Accounts {
  public static final String COLLECTION = "accounts";
  private static final String ACCOUNT_KEY = "account:";
  private static final String ADDRESS_KEY = "address:";
  /** The audit log's area of changes to accounts. */
  public static final String AREA = "admin";

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final Credentials credentials;
  private final LoginThrottle throttle;
  private final SecurityAlerts alerts;
  private final SignIns signIns;
  private final AuditLog audit;
  private volatile boolean demoAccountsAllowed;

  public Accounts(Vertx vertx, Database db, Credentials credentials) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.credentials = credentials;
    this.throttle = new LoginThrottle(db);
    this.alerts = new SecurityAlerts(db);
    this.signIns = new SignIns(db);
    this.audit = new AuditLog(mongo);
  }

  /**
   * Lets the {@code --demo} accounts sign in on this node. They are marked as demo accounts when
   * seeded and refused everywhere else, so a data folder once used for the demo never opens with
   * the published demo password.
   */
  public void allowDemoAccounts() {
    demoAccountsAllowed = true;
  }

  /** An account the {@code --demo} seeds (see {@link #allowDemoAccounts}). */
  public record DemoAccount(String username, String name, Identity.Role role, List<String> gridIds) {
  }

  /**
   * Creates the demo accounts that do not exist yet, all with this password hash; keeps those that
   * do, as a second {@code --demo} keeps everything else.
   */
  public Future<Void> seedDemo(List<DemoAccount> demoAccounts, String passwordHash) {
    JsonArray usernames = new JsonArray(demoAccounts.stream().map(DemoAccount::username).toList());
    return mongo.find(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", usernames))).compose(found -> {
      List<String> existing = found.stream().map(account -> account.getString("_id")).toList();
      return Future.all(demoAccounts.stream().filter(a -> !existing.contains(a.username()))
          .map(a -> upsert(a.username(), a.name(), a.role(), passwordHash, a.gridIds(), true)).toList());
    }).compose(r -> db.durable());
  }

  /** Creates or replaces an account, enabled, with this password to keep; hashed off the event loop. */
  public Future<Void> save(String username, String name, Identity.Role role, String password, List<String> gridIds) {
    return vertx.executeBlocking(() -> PasswordHasher.hash(password), false)
        .compose(hash -> upsert(username, name, role, hash, gridIds, false))
        .compose(r -> db.durable());
  }

  private Future<?> upsert(String username, String name, Identity.Role role, String passwordHash, List<String> gridIds,
                           boolean demo) {
    JsonObject account = new JsonObject().put("name", name).put("role", role.name()).put("passwordHash", passwordHash)
        .put("gridIds", new JsonArray(gridIds)).put("demo", demo).put("disabled", false).put("mustChangePassword", false);
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", username),
        new JsonObject().put("$set", account), new UpdateOptions().setUpsert(true));
  }

  /**
   * Signs in from {@code address}; answers {@code {token, name, role}}, or fails with UNAUTHENTICATED
   * (the same answer, after the same work, for a wrong password and an unknown name) or with
   * LOGIN_THROTTLED and how long to wait. Failures count per account name and per address
   * ({@link ThrottlePolicy}); a right password is no failure and clears its account's count.
   * Only after the right password: a disabled account answers ACCOUNT_DISABLED, and one that must
   * change its password PASSWORD_CHANGE_REQUIRED unless {@code newPassword} (not null, different
   * from the old one) replaces it in the same attempt.
   */
  public Future<JsonObject> login(String username, String password, String newPassword, String address) {
    return throttle.admit(ADDRESS_KEY + address, ThrottlePolicy.ADDRESS).compose(byAddress -> !byAddress.admitted()
        ? throttled(byAddress)
        : throttle.admit(ACCOUNT_KEY + username, ThrottlePolicy.ACCOUNT).compose(byAccount -> !byAccount.admitted()
            ? throttle.takeBack(byAddress).compose(v -> throttled(byAccount))
            : check(new Attempt(username, address, password, newPassword, byAddress, byAccount))));
  }

  /** Signs in without changing the password. */
  public Future<JsonObject> login(String username, String password, String address) {
    return login(username, password, null, address);
  }

  /** The sign-in locks and their alerts, for the consoles. */
  public SecurityAlerts alerts() { return alerts; }

  /** The sign-in history of each account. */
  public SignIns signIns() { return signIns; }

  /** An attempt both counts let in: it stands as a failure of each until the password proves right. */
  private record Attempt(String username, String address, String password, String newPassword,
                         Admission byAddress, Admission byAccount) {
  }

  /** An unknown name is checked against a dummy hash, so it takes as long as a wrong password. */
  private Future<JsonObject> check(Attempt attempt) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", attempt.username()), null)
        .compose(account -> vertx.executeBlocking(() -> PasswordHasher.verify(attempt.password(),
                account == null ? null : account.getString("passwordHash")), false)
            .compose(right -> right ? rightPassword(attempt, account) : failed(attempt, account)));
  }

  /** A demo account outside the demo still counts as a failure; other refusals come after the right password. */
  private Future<JsonObject> rightPassword(Attempt attempt, JsonObject account) {
    if (account.getBoolean("demo", false) && !demoAccountsAllowed) {
      return signIns.record(attempt.username(), attempt.address(), Reason.DEMO_ONLY).compose(v -> db.durable())
          .compose(v -> Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED, "演示账号只在演示模式（--demo）下可用")));
    }
    Future<Void> forgiven = Future.all(throttle.forgive(attempt.byAccount()), throttle.takeBack(attempt.byAddress()))
        .mapEmpty();
    Reason refusal = refusal(account, attempt);
    if (refusal != null) {
      return forgiven.compose(v -> signIns.record(attempt.username(), attempt.address(), refusal))
          .compose(v -> db.durable())
          .compose(v -> Future.failedFuture(new Failure(ErrorCode.valueOf(refusal.name()))));
    }
    return forgiven.compose(v -> attempt.newPassword() == null ? Future.succeededFuture(Reason.OK)
            : changePassword(attempt, account).map(Reason.PASSWORD_CHANGED))
        .compose(reason -> signIns.record(attempt.username(), attempt.address(), reason))
        .compose(v -> signedIn(attempt, account));
  }

  private static Reason refusal(JsonObject account, Attempt attempt) {
    if (account.getBoolean("disabled", false)) {
      return Reason.ACCOUNT_DISABLED;
    }
    if (attempt.newPassword() == null) {
      return account.getBoolean("mustChangePassword", false) ? Reason.PASSWORD_CHANGE_REQUIRED : null;
    }
    return attempt.newPassword().equals(attempt.password()) ? Reason.PASSWORD_NOT_CHANGED : null;
  }

  /**
   * Replaces the password the attempt proved, unless an administrator reset it meanwhile; audited
   * (without any password) as the account's own change.
   */
  private Future<Void> changePassword(Attempt attempt, JsonObject account) {
    long now = System.currentTimeMillis();
    JsonObject proven = new JsonObject().put("_id", attempt.username()).put("passwordHash", account.getString("passwordHash"));
    return vertx.executeBlocking(() -> PasswordHasher.hash(attempt.newPassword()), false)
        .compose(hash -> mongo.updateCollection(COLLECTION, proven, new JsonObject().put("$set", new JsonObject()
            .put("passwordHash", hash).put("mustChangePassword", false).put("passwordChangedAt", now))))
        .compose(r -> r.getDocMatched() == 1 ? audit.record(AuditLog.entry(identityOf(attempt.username(), account),
                AREA, "changeOwnPassword", new JsonObject().put("username", attempt.username()), now))
            : Future.failedFuture(new Failure(ErrorCode.CONFLICT, "密码刚被管理员重置，请用新的临时密码登录")));
  }

  private Future<JsonObject> signedIn(Attempt attempt, JsonObject account) {
    Identity identity = identityOf(attempt.username(), account);
    JsonObject signedInAt = new JsonObject().put("$set", new JsonObject().put("lastSignInAt", System.currentTimeMillis()));
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", attempt.username()), signedInAt)
        .compose(r -> credentials.issueSession(identity))
        .map(token -> new JsonObject().put("token", token).put("name", identity.name())
            .put("role", identity.role().name().toLowerCase()));
  }

  private static Identity identityOf(String username, JsonObject account) {
    return Identity.account(username, Identity.Role.parse(account.getString("role")), account.getString("name"),
        gridIdsOf(account));
  }

  /** The failure is kept durably before the answer; a failure that starts a lock is audited and alerted first. */
  private Future<JsonObject> failed(Attempt attempt, JsonObject account) {
    String known = account == null ? null : attempt.username();
    String name = account == null ? null : account.getString("name");
    List<Future<Void>> told = new ArrayList<>();
    if (attempt.byAccount().locks()) {
      told.add(alerts.locked(lock(Scope.ACCOUNT, attempt.byAccount(), known, name, attempt.address())));
    }
    if (attempt.byAddress().locks()) {
      told.add(alerts.locked(lock(Scope.ADDRESS, attempt.byAddress(), known, name, attempt.address())));
    }
    if (account != null) {
      told.add(signIns.record(attempt.username(), attempt.address(), Reason.WRONG_PASSWORD));
    }
    return Future.all(told).compose(v -> db.durable())
        .compose(v -> Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED, "用户名或密码错误")));
  }

  static List<String> gridIdsOf(JsonObject account) {
    JsonArray grids = account.getJsonArray("gridIds");
    return grids == null ? List.of() : grids.stream().map(String::valueOf).toList();
  }

  private static Lock lock(Scope scope, Admission admission, String account, String name, String address) {
    return new Lock(scope, account, name, address, admission.after().failures(), admission.after().lockedUntil());
  }

  private static Future<JsonObject> throttled(Admission admission) {
    return Future.failedFuture(new Failure(ErrorCode.LOGIN_THROTTLED, admission.waitMs()));
  }
}
