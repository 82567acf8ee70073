package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ballot box document per vote: the vote's fixed rules, whether it is open, the counts and who
 * has voted. A ballot is a single conditional update of the box, so the database itself enforces
 * one ballot per attendee per vote. The rules never change after opening, so each node keeps them
 * in a small cache (rebuilt from the box on a miss) and a ballot costs one read and one write.
 */
public final class BallotBoxes {
  public static final String COLLECTION = "ballots";
  private static final JsonObject COUNT_FIELDS = new JsonObject().put("cast", 1).put("counts", 1).put("open", 1);
  private static final int RULES_CACHE_SIZE = 1_000;

  private final MongoClient mongo;
  private final Map<String, Future<Rules>> rules = new ConcurrentHashMap<>();

  /** What a vote fixed when it opened. */
  public record Rules(String voteId, String roomId, String meetingId, boolean secret, boolean walkInsVote,
                      boolean liveTally) {
    static Rules of(Vote vote, String roomId, String meetingId) {
      return new Rules(vote.id(), roomId, meetingId, vote.secret(), vote.walkInsVote(), vote.liveTally());
    }

    static Rules fromBox(JsonObject box) {
      return new Rules(box.getString("_id"), box.getString("roomId"), box.getString("meetingId"),
          box.getBoolean("secret", true), box.getBoolean("walkInsVote", false), box.getBoolean("liveTally", false));
    }
  }

  public BallotBoxes(Database db) {
    this.mongo = db.mongo();
  }

  /** An empty open box, set up before the vote is announced so no ballot can find it missing. */
  public Future<Void> open(Rules vote) {
    JsonObject box = new JsonObject().put("_id", vote.voteId()).put("roomId", vote.roomId())
        .put("meetingId", vote.meetingId()).put("secret", vote.secret()).put("walkInsVote", vote.walkInsVote())
        .put("liveTally", vote.liveTally()).put("open", true).put("cast", 0)
        .put("counts", Tally.EMPTY.toCounts()).put("voters", new JsonArray());
    return mongo.insert(COLLECTION, box).mapEmpty();
  }

  /** The rules of a vote, or NO_VOTE_OPEN if there is no such box. */
  public Future<Rules> rules(String voteId) {
    if (rules.size() > RULES_CACHE_SIZE) {
      rules.clear();
    }
    return rules.computeIfAbsent(voteId, id -> mongo.findOne(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("voters", 0).put("choices", 0))
        .compose(box -> box == null ? Future.failedFuture(new Failure(ErrorCode.NO_VOTE_OPEN))
            : Future.succeededFuture(Rules.fromBox(box)))
        .onFailure(e -> rules.remove(id)));
  }

  /**
   * Counts one ballot if the box is open and the attendee has not voted yet. A secret ballot adds to
   * the counts and to the list of voters but keeps no link between the two. Answers the box's
   * {@code cast} and {@code counts} after the ballot, or fails ALREADY_VOTED / NO_VOTE_OPEN.
   */
  public Future<JsonObject> cast(Rules vote, String attendeeId, Tally.Choice choice) {
    JsonObject filter = new JsonObject().put("_id", vote.voteId()).put("open", true)
        .put("voters", new JsonObject().put("$ne", attendeeId));
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("counts." + choice.name(), 1).put("cast", 1))
        .put("$push", new JsonObject().put("voters", attendeeId));
    if (!vote.secret()) {
      update.put("$set", new JsonObject().put("choices." + attendeeId, choice.name()));
    }
    return mongo.findOneAndUpdateWithOptions(COLLECTION, filter, update, new FindOptions().setFields(COUNT_FIELDS),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(box -> box != null ? Future.succeededFuture(box) : whyRefused(vote.voteId()));
  }

  private Future<JsonObject> whyRefused(String voteId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", voteId), COUNT_FIELDS).compose(box ->
        Future.failedFuture(box != null && box.getBoolean("open", false)
            ? new Failure(ErrorCode.ALREADY_VOTED) : new Failure(ErrorCode.NO_VOTE_OPEN)));
  }

  /** The box as pages may see it: counts and who voted, never the choices. */
  public Future<JsonObject> publicView(String voteId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", voteId), new JsonObject().put("choices", 0));
  }

  /** Closes the box so no ballot can enter any more, and answers the final counts. Safe to repeat. */
  public Future<Tally> close(String voteId) {
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("open", false));
    return mongo.findOneAndUpdateWithOptions(COLLECTION, new JsonObject().put("_id", voteId), update,
            new FindOptions().setFields(COUNT_FIELDS), new UpdateOptions().setReturningNewDocument(true))
        .map(box -> box == null ? Tally.EMPTY : Tally.fromCounts(box.getJsonObject("counts")));
  }
}
