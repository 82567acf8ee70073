package org.shangliang.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.room.BallotBoxes;

import java.util.List;

/** What the database holds for a vote, read straight from the ballot box documents. */
public record StoredBallots(JsonObject counts, JsonArray voters, boolean anyChoiceStored) {

  public static StoredBallots of(MongoClient mongo, String voteId) {
    JsonObject head = Await.result(mongo.findOne(BallotBoxes.COLLECTION, new JsonObject().put("_id", voteId), null));
    List<JsonObject> shards = Await.result(mongo.find(BallotBoxes.COLLECTION, new JsonObject().put("voteId", voteId)));
    JsonObject counts = new JsonObject().put("FOR", 0).put("AGAINST", 0).put("ABSTAIN", 0);
    JsonArray voters = new JsonArray();
    boolean choices = head != null && head.containsKey("choices");
    for (JsonObject shard : shards) {
      shard.getJsonObject("counts").forEach(e -> counts.put(e.getKey(), counts.getInteger(e.getKey()) + (Integer) e.getValue()));
      voters.addAll(shard.getJsonArray("voters"));
      choices |= shard.containsKey("choices");
    }
    return new StoredBallots(counts, voters, choices);
  }

  /** Ballots in the shards: the authoritative number. */
  public int cast() {
    return counts.getInteger("FOR") + counts.getInteger("AGAINST") + counts.getInteger("ABSTAIN");
  }
}
