package org.shangliang.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;

/**
 * The community's grids as saved, for the features that place things in them (members, requests,
 * boards, accounts). Administrators change them in the console's community area
 * ({@code community.cmd}).
 */
public final class Grids {
  public static final String COLLECTION = "grids";
  /** The answer to a grid id that names none. */
  public static final String MISSING = "没有这个网格";

  private final MongoClient mongo;

  public Grids(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Every grid, in the order of their ids. */
  public Future<List<JsonObject>> all() {
    FindOptions byId = new FindOptions().setSort(new JsonObject().put("_id", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject(), byId);
  }

  /** The grid, or a NOT_FOUND failure. */
  public Future<JsonObject> grid(String gridId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", gridId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, MISSING)) : Future.succeededFuture(doc));
  }
}
