package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who may see and act on which requests. Every console account reads; editors act; a grid worker
 * sees and acts on the requests of their own grids only, and is refused (FORBIDDEN) on any other,
 * whichever command names it. Checked here, on the server, for every command that names a request.
 */
public final class RequestAccess {
  private final RequestStore store;

  RequestAccess(RequestStore store) {
    this.store = store;
  }

  /** Runs the action only if the request it names ({@code id}) is in the caller's grids. */
  Function<Request, Future<JsonObject>> onOwnGrid(Function<Request, Future<JsonObject>> action) {
    return r -> !r.who().isGridScoped() ? action.apply(r)
        : store.request(r.body().getString("id")).compose(doc -> r.who().covers(gridOf(doc))
            ? action.apply(r) : Future.failedFuture(notYourGrid()));
  }

  /** The caller's query narrowed to their grids; a grid they do not cover, asked for by name, is refused. */
  public static JsonObject narrow(Identity who, JsonObject query, String askedGrid) {
    if (askedGrid != null && !who.covers(askedGrid)) {
      throw notYourGrid();
    }
    if (askedGrid != null) {
      query.put("where.gridId", askedGrid);
    } else if (who.isGridScoped()) {
      query.put("where.gridId", new JsonObject().put("$in", new JsonArray(who.gridIds())));
    }
    return query;
  }

  /** Succeeds when the caller covers the grid a command names (always, for community staff); FORBIDDEN otherwise. */
  static Future<Void> requireOwnGrid(Identity who, String gridId) {
    return who.covers(gridId) ? Future.succeededFuture() : Future.failedFuture(notYourGrid());
  }

  /** Whether a report line (a request summary with {@code gridId}) is the caller's to see. */
  static Predicate<JsonObject> visibleTo(Identity who) {
    return line -> who.covers(line.getString("gridId"));
  }

  /** Community-wide settings (request kinds): not a grid worker's, not a viewer's. */
  static boolean changesCommunitySettings(Identity who) {
    return who.isEditor() && !who.isGridScoped();
  }

  static String gridOf(JsonObject request) {
    return request.getJsonObject("where", new JsonObject()).getString("gridId");
  }

  private static Failure notYourGrid() {
    return new Failure(ErrorCode.FORBIDDEN, "这件诉求不在您负责的网格");
  }
}
