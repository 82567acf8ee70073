package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Secrets;
import org.shangliang.store.Database;

import java.util.List;

/**
 * Putting a new installation into service: while no administrator can sign in, a start issues a
 * one-time setup code, printed only in the server's log, and whoever enters it on the {@code /setup}
 * page creates the first administrator. The code is stored as its digest; using it deletes it, so
 * it works once, and a later start issues none once an administrator exists. Demo accounts do not
 * count: they never sign in outside {@code --demo}.
 */
public final class FirstAdministrator {
  static final String COLLECTION = "setup";
  private static final String DOCUMENT_ID = "first-administrator";
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private final MongoClient mongo;
  private final Database db;
  private final Accounts accounts;

  public FirstAdministrator(Database db, Accounts accounts) {
    this.db = db;
    this.mongo = db.mongo();
    this.accounts = accounts;
  }

  /** Whether setup is still to be done: no administrator account that can sign in (not demo, not disabled). */
  public Future<Boolean> needed() {
    JsonObject realAdministrators = new JsonObject().put("role", Identity.Role.ADMIN.name())
        .put("demo", new JsonObject().put("$ne", true)).put("disabled", new JsonObject().put("$ne", true));
    return mongo.count(Accounts.COLLECTION, realAdministrators).map(n -> n == 0);
  }

  /**
   * A fresh setup code if setup is needed (replacing any earlier one), else null. Twelve characters
   * from 32 (60 bits), entered under a per-address rate limit: guessing is hopeless.
   */
  public Future<String> issueCode() {
    return needed().compose(needed -> {
      if (!needed) {
        return Future.succeededFuture(null);
      }
      String code = newCode();
      JsonObject doc = new JsonObject().put("_id", DOCUMENT_ID).put("codeHash", Secrets.digest(normalise(code)))
          .put("issuedAt", System.currentTimeMillis());
      return mongo.save(COLLECTION, doc).compose(id -> db.durable()).map(code);
    });
  }

  /**
   * Creates the first administrator with the setup code; SETUP_DONE once an administrator exists,
   * SETUP_CODE_WRONG for any other code. Two pages racing with the right code: one deletes it and
   * wins, the other is told the code is used.
   */
  public Future<Void> create(String code, String username, String name, String password) {
    return needed().compose(needed -> {
      if (!needed) {
        return Future.failedFuture(new Failure(ErrorCode.SETUP_DONE));
      }
      JsonObject theCode = new JsonObject().put("_id", DOCUMENT_ID).put("codeHash", Secrets.digest(normalise(code)));
      return mongo.removeDocuments(COLLECTION, theCode).compose(removed -> removed.getRemovedCount() == 1
          ? accounts.save(username, name, Identity.Role.ADMIN, password, List.of())
          : Future.failedFuture(new Failure(ErrorCode.SETUP_CODE_WRONG)));
    });
  }

  /** Shown as XXXX-XXXX-XXXX; case, spaces and dashes do not matter when entered. */
  private static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(Secrets.randomBelow(ALPHABET.length())));
    }
    return code.toString();
  }

  static String normalise(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
