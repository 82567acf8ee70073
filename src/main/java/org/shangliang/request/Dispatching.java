package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Accounts;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * 支部派单: the branch (a cadre, staff or an administrator) gives a request to one grid worker of
 * its grid, who then takes it (网格接单, {@link RequestActions#take}). Reads the accounts for the
 * grid workers' usernames, names and grids only.
 */
final class Dispatching {
  private static final JsonObject PUBLIC_FIELDS = new JsonObject().put("name", 1).put("role", 1).put("gridIds", 1)
      .put("disabled", 1);

  private final MongoClient mongo;
  private final RequestStore store;
  private final RequestActions actions;

  Dispatching(Database db, RequestStore store, RequestActions actions) {
    this.mongo = db.mongo();
    this.store = store;
    this.actions = actions;
  }

  /** Who may dispatch: editors who are not limited to some grids (a grid worker takes, never dispatches). */
  static boolean mayDispatch(Identity who) {
    return who.isEditor() && !who.isGridScoped();
  }

  /** The active grid worker accounts of a grid, by name: {@code {workers: [{username, name}]}}. */
  Future<JsonObject> gridWorkers(String gridId) {
    JsonObject query = new JsonObject().put("role", Identity.Role.GRID_WORKER.name()).put("gridIds", gridId)
        .put("disabled", new JsonObject().put("$ne", true));
    return mongo.findWithOptions(Accounts.COLLECTION, query, new FindOptions().setFields(PUBLIC_FIELDS)).map(docs -> {
      JsonArray workers = new JsonArray();
      docs.stream().sorted(Comparator.comparing((JsonObject d) -> d.getString("name", ""), Collator.getInstance(Locale.CHINA)))
          .forEach(d -> workers.add(new JsonObject().put("username", d.getString("_id")).put("name", d.getString("name"))));
      return new JsonObject().put("workers", workers);
    });
  }

  /** Dispatches the request {@code id} to the grid worker {@code toAccount}; the history and audit log record it, as every step. */
  Future<JsonObject> dispatch(Request r) {
    String id = r.body().getString("id");
    return store.request(id).compose(doc -> worker(r.body().getString("toAccount"), RequestAccess.gridOf(doc)))
        .compose(to -> {
          JsonObject details = new JsonObject().put("toAccount", to.getString("id")).put("workerName", to.getString("name"));
          return actions.apply(id, RequestActions.actor(r.who()), RequestEvent.DISPATCH, true, details, (doc, at) -> {
            doc.put("dispatchedTo", to);
            RequestActions.append(doc, "dispatches", new JsonObject().put("at", at).put("by", RequestActions.actor(r.who()))
                .put("to", to));
          });
        });
  }

  /** {id, name} of an active grid worker covering the grid; refused by name otherwise. */
  private Future<JsonObject> worker(String username, String gridId) {
    return mongo.findOne(Accounts.COLLECTION, new JsonObject().put("_id", username), PUBLIC_FIELDS).map(account -> {
      if (account == null || account.getBoolean("disabled", false)
          || !Identity.Role.GRID_WORKER.name().equals(account.getString("role"))) {
        throw new Failure(ErrorCode.NOT_A_GRID_WORKER);
      }
      if (!account.getJsonArray("gridIds", new JsonArray()).contains(gridId)) {
        throw new Failure(ErrorCode.GRID_WORKER_OTHER_GRID,
            account.getString("name") + "不负责这件诉求所在的网格，请选本网格的网格员");
      }
      return new JsonObject().put("id", username).put("name", account.getString("name"));
    });
  }
}
