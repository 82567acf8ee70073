package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.ExpiringCache;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * The ballot box of a vote: a head document with the vote's fixed rules and whether it is open, and
 * {@value #SHARDS} shard documents that hold the ballots. Each attendee always falls into the same
 * shard, and a ballot is one conditional update of that shard (open, and this attendee not among
 * its voters), so the database itself enforces one ballot per attendee per vote. Shards keep each
 * update small: a single document holding every voter grows with the vote and made every ballot
 * slower. The shards are the authority: every count is their sum. The rules never change after
 * opening, so each node caches them (rebuilt from the head on a miss).
 */
public final class BallotBoxes {
  public static final String COLLECTION = "ballots";
  static final int SHARDS = 16;
  private static final JsonObject COUNTS_ONLY = new JsonObject().put("counts", 1);
  /** A vote's rules never change; kept a minute at a time, read again while its ballots still come. */
  private static final long RULES_KEPT_MS = 60_000;
  private static final int RULES_CACHE_SIZE = 1_000;

  private final MongoClient mongo;
  private final ExpiringCache<String, Rules> rules = new ExpiringCache<>(RULES_KEPT_MS, RULES_CACHE_SIZE);

  /** What a vote fixed when it opened. */
  public record Rules(String voteId, String roomId, String meetingId, boolean secret, boolean walkInsVote,
                      boolean liveTally) {
    static Rules of(String voteId, String roomId, String meetingId, VoteRules rules) {
      return new Rules(voteId, roomId, meetingId, rules.secret(), rules.walkInsVote(), rules.liveTally());
    }

    boolean entitles(Attendee attendee) {
      return Vote.entitles(walkInsVote, attendee);
    }

    /** Never for a secret vote, whatever a box stored before that rule: see {@link VoteRules#requested}. */
    boolean countsVisibleWhileOpen() {
      return liveTally && !secret;
    }

    static Rules fromBox(JsonObject box) {
      return new Rules(box.getString("_id"), box.getString("roomId"), box.getString("meetingId"),
          box.getBoolean("secret", true), box.getBoolean("walkInsVote", false), box.getBoolean("liveTally", false));
    }
  }

  /** The counts in one shard of a vote's box at some moment; a shard's counts only ever grow. */
  public record ShardCount(String voteId, int shard, Tally tally) {
  }

  public BallotBoxes(Database db) {
    this.mongo = db.mongo();
  }

  /** An empty open box, set up before the vote is announced so no ballot can find it missing. */
  public Future<Void> open(Rules vote) {
    JsonObject head = new JsonObject().put("_id", vote.voteId()).put("roomId", vote.roomId())
        .put("meetingId", vote.meetingId()).put("secret", vote.secret()).put("walkInsVote", vote.walkInsVote())
        .put("liveTally", vote.liveTally()).put("open", true);
    List<Future<String>> inserts = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      inserts.add(mongo.insert(COLLECTION, new JsonObject().put("_id", shardId(vote.voteId(), shard))
          .put("voteId", vote.voteId()).put("open", true).put("counts", Tally.EMPTY.toCounts())
          .put("voters", new JsonArray())));
    }
    // Shards first: a head that says "open" always has its shards.
    return Future.all(inserts).compose(v -> mongo.insert(COLLECTION, head)).mapEmpty();
  }

  /** The rules of a vote, or NO_VOTE_OPEN if there is no such box. */
  public Future<Rules> rules(String voteId) {
    return rules.get(voteId, id -> mongo.findOne(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("voters", 0).put("choices", 0))
        .compose(box -> box == null ? Future.failedFuture(new Failure(ErrorCode.NO_VOTE_OPEN))
            : Future.succeededFuture(Rules.fromBox(box))));
  }

  /**
   * Counts one ballot if the box is open and the attendee has not voted yet. A secret ballot adds to
   * the counts and to the list of voters but keeps no link between the two. Answers the counts of
   * the attendee's shard after the ballot, or fails ALREADY_VOTED / NO_VOTE_OPEN.
   */
  public Future<ShardCount> cast(Rules vote, String attendeeId, Tally.Choice choice) {
    int shard = shardOf(attendeeId);
    String shardId = shardId(vote.voteId(), shard);
    JsonObject filter = new JsonObject().put("_id", shardId).put("open", true)
        .put("voters", new JsonObject().put("$ne", attendeeId));
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("counts." + choice.name(), 1))
        .put("$push", new JsonObject().put("voters", attendeeId));
    if (!vote.secret()) {
      update.put("$set", new JsonObject().put("choices." + attendeeId, choice.name()));
    }
    return mongo.findOneAndUpdateWithOptions(COLLECTION, filter, update, new FindOptions().setFields(COUNTS_ONLY),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(counted -> counted == null ? whyRefused(shardId) : Future.succeededFuture(
            new ShardCount(vote.voteId(), shard, Tally.fromCounts(counted.getJsonObject("counts")))));
  }

  /** The stored counts of every shard of a vote (none if there is no such box). */
  public Future<List<ShardCount>> shardCounts(String voteId) {
    return shards(voteId, COUNTS_ONLY).map(shards -> shards.stream()
        .map(shard -> new ShardCount(voteId, shardNumber(shard.getString("_id")),
            Tally.fromCounts(shard.getJsonObject("counts"))))
        .toList());
  }

  private <T> Future<T> whyRefused(String shard) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", shard), new JsonObject().put("open", 1)).compose(box ->
        Future.failedFuture(box != null && box.getBoolean("open", false)
            ? new Failure(ErrorCode.ALREADY_VOTED) : new Failure(ErrorCode.NO_VOTE_OPEN)));
  }

  /**
   * The counts and who voted, never the choices: what snapshots are built from (they decide what
   * each page may see of it).
   */
  public Future<JsonObject> publicView(String voteId) {
    return shards(voteId, new JsonObject().put("counts", 1).put("voters", 1)).map(shards -> {
      JsonArray voters = new JsonArray();
      Tally sum = Tally.EMPTY;
      for (JsonObject shard : shards) {
        voters.addAll(shard.getJsonArray("voters", new JsonArray()));
        sum = sum.plus(Tally.fromCounts(shard.getJsonObject("counts")));
      }
      return new JsonObject().put("cast", sum.cast()).put("counts", sum.toCounts()).put("voters", voters);
    });
  }

  /**
   * Who voted, and for a named vote how: for hosts and the record of the meeting, never for the
   * room. A secret vote stores no choices, so its roll call has none.
   */
  public Future<List<JsonObject>> rollCall(String voteId) {
    return shards(voteId, new JsonObject().put("voters", 1).put("choices", 1)).map(shards -> {
      List<JsonObject> ballots = new ArrayList<>();
      for (JsonObject shard : shards) {
        JsonObject choices = shard.getJsonObject("choices", new JsonObject());
        shard.getJsonArray("voters", new JsonArray()).forEach(voter -> ballots.add(new JsonObject()
            .put("attendeeId", voter).put("choice", choices.getString((String) voter))));
      }
      return ballots;
    });
  }

  /**
   * Closes every shard so no ballot can enter any more, and answers the final counts: the sum of the
   * shards. Safe to repeat.
   */
  public Future<Tally> close(String voteId) {
    JsonObject closed = new JsonObject().put("$set", new JsonObject().put("open", false));
    return mongo.updateCollectionWithOptions(COLLECTION, byShardIds(voteId), closed, new UpdateOptions().setMulti(true))
        .compose(v -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", voteId), closed))
        .compose(v -> shardCounts(voteId))
        .map(shards -> shards.stream().map(ShardCount::tally).reduce(Tally.EMPTY, Tally::plus));
  }

  /** By their ids, which the embedded store looks up through its index (a query by voteId reads every box). */
  private Future<List<JsonObject>> shards(String voteId, JsonObject fields) {
    return mongo.findWithOptions(COLLECTION, byShardIds(voteId), new FindOptions().setFields(fields));
  }

  private static JsonObject byShardIds(String voteId) {
    JsonArray ids = new JsonArray();
    for (int shard = 0; shard < SHARDS; shard++) {
      ids.add(shardId(voteId, shard));
    }
    return new JsonObject().put("_id", new JsonObject().put("$in", ids));
  }

  private static int shardNumber(String shardId) {
    return Integer.parseInt(shardId.substring(shardId.lastIndexOf('.') + 1));
  }

  static String shardId(String voteId, int shard) {
    return voteId + "." + shard;
  }

  /** The same attendee always lands in the same shard: that is what makes one ballot per attendee hold. */
  static int shardOf(String attendeeId) {
    return Math.floorMod(attendeeId.hashCode(), SHARDS);
  }
}
