package org.shangliang.round;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;

/**
 * Rounds in {@value #ROUNDS} and the views given in them in {@value #VIEWS}, one document per
 * member and round ({@code _id} "round:member"), so a member's later view replaces the earlier
 * one in a single upsert and nobody is counted twice.
 */
final class RoundStore {
  static final String ROUNDS = "rounds";
  static final String VIEWS = "round_views";

  private final MongoClient mongo;

  RoundStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> insert(JsonObject round) {
    return mongo.insert(ROUNDS, round).mapEmpty();
  }

  Future<JsonObject> round(String id) {
    return mongo.findOne(ROUNDS, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这一轮协商")) : Future.succeededFuture(doc));
  }

  Future<List<JsonObject>> roundsOf(String meetingId) {
    return mongo.findWithOptions(ROUNDS, new JsonObject().put("meetingId", meetingId),
        new FindOptions().setSort(new JsonObject().put("createdAt", 1)).setLimit(100));
  }

  Future<List<JsonObject>> viewsOf(String roundId) {
    return mongo.findWithOptions(VIEWS, new JsonObject().put("roundId", roundId), new FindOptions().setLimit(2000));
  }

  Future<JsonObject> viewOf(String roundId, String memberId) {
    return mongo.findOne(VIEWS, new JsonObject().put("_id", roundId + ":" + memberId), null);
  }

  /** Keeps the member's view (replacing an earlier one) if the round is still open at {@code now}. */
  Future<Void> saveView(JsonObject round, JsonObject view, long now) {
    if (now >= round.getLong("closesAt")) {
      return Future.failedFuture(new Failure(ErrorCode.ROUND_CLOSED));
    }
    JsonObject id = new JsonObject().put("_id", view.getString("roundId") + ":" + view.getString("memberId"));
    return mongo.replaceDocumentsWithOptions(VIEWS, id, view.copy().put("_id", id.getString("_id")),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** Ends a round now, if it ends later. */
  Future<Void> closeNow(String roundId, long now) {
    JsonObject stillOpen = new JsonObject().put("_id", roundId).put("closesAt", new JsonObject().put("$gt", now));
    return mongo.updateCollection(ROUNDS, stillOpen, new JsonObject().put("$set", new JsonObject().put("closesAt", now)))
        .mapEmpty();
  }
}
