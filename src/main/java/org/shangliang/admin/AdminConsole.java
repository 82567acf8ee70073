package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.SignIns;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.Grids;
import org.shangliang.store.Database;

/**
 * The console's administration area ({@value ConsoleAddresses#ADMIN}): accounts and their sign-in
 * history for administrators, and the audit log for administrators and read-only viewers.
 */
public final class AdminConsole {
  static final int MAX_COMMAND_BYTES = 4096;
  /**
   * An audit page's reply stays well under what the bridge lets a socket hold unread (four times
   * its 64 KiB queue): room entries can carry a few KiB each, so 500 of them may not fit.
   */
  static final int MAX_REPLY_BYTES = 128 * 1024;

  private final SignIns signIns;
  private final AuditReader audit;
  private final Database db;

  private AdminConsole(SignIns signIns, AuditReader audit, Database db) {
    this.signIns = signIns;
    this.audit = audit;
    this.db = db;
  }

  /**
   * The area's command table. Its credentials serve only to revoke sessions: every node's
   * credentials, the bridge's among them, hear of a revocation and forget the account at once.
   */
  public static CommandEndpoint endpoint(Vertx vertx, Database db) {
    AccountAdmin accounts = new AccountAdmin(vertx, db, new Grids(db.mongo()), new Credentials(vertx, db));
    AdminConsole console = new AdminConsole(new SignIns(db), new AuditReader(db.mongo()), db);
    return new CommandEndpoint(ConsoleAddresses.ADMIN, MAX_COMMAND_BYTES,
        Schemas.load("schemas/admin-commands.json", "action"))
        .on("listAccounts", Identity::isAdmin, accounts::list)
        .on("createAccount", Identity::isAdmin, accounts::create)
        .on("updateAccount", Identity::isAdmin, accounts::update)
        .on("disableAccount", Identity::isAdmin, accounts::disable)
        .on("enableAccount", Identity::isAdmin, accounts::enable)
        .on("resetPassword", Identity::isAdmin, accounts::resetPassword)
        .on("signInHistory", Identity::isAdmin, console::signInHistory)
        .on("listAudit", AdminConsole::readsAudit, console::listAudit);
  }

  /** Administrators and read-only viewers (whose work is to look) read the audit log. */
  public static boolean readsAudit(Identity who) {
    return who.isAdmin() || (who.type() == Identity.Type.ACCOUNT && who.role() == Identity.Role.VIEWER);
  }

  private Future<JsonObject> signInHistory(Request r) {
    String username = r.body().getString("username");
    return db.mongo().count(Accounts.COLLECTION, new JsonObject().put("_id", username))
        .compose(n -> n == 0 ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个账号"))
            : signIns.history(username))
        .map(history -> new JsonObject().put("username", username).put("signIns", history));
  }

  /** The newest entries, as many as fit one reply: {@code truncated} says some were left out. */
  private Future<JsonObject> listAudit(Request r) {
    int limit = r.body().getInteger("limit", AuditReader.DEFAULT_LIST);
    return audit.newest(r.body(), limit).map(entries -> {
      JsonArray page = new JsonArray();
      int bytes = 0;
      for (JsonObject entry : entries) {
        bytes += entry.toBuffer().length();
        if (bytes > MAX_REPLY_BYTES) {
          break;
        }
        page.add(entry);
      }
      return new JsonObject().put("entries", page).put("truncated", page.size() < entries.size());
    });
  }
}
