package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The running tally of each open vote as this node knows it, for the screens: the newest counts of
 * every shard of the vote's ballot box. Each counted ballot answers the counts of its shard, so the
 * tally costs no database work of its own; other nodes tell theirs on {@value #SHARD_COUNTED}. A
 * node starts a vote's tally from the stored shards, so it can always be rebuilt, and the result of
 * a vote never comes from here but from the stored shards. Runs on the room verticle's event loop.
 */
final class LiveTallies {
  /** Internal address (not bridged): a node counted a ballot; the body is its shard's counts. */
  static final String SHARD_COUNTED = "internal.ballots.shardCounted";
  private static final int MAX_VOTES = 100;

  private final Vertx vertx;
  private final BallotBoxes ballots;
  private final String self = UUID.randomUUID().toString();
  private final Map<String, Future<Tally[]>> byVote = new HashMap<>();

  LiveTallies(Vertx vertx, BallotBoxes ballots) {
    this.vertx = vertx;
    this.ballots = ballots;
  }

  /** Hears the ballots other nodes count. */
  void listen() {
    vertx.eventBus().<JsonObject>consumer(SHARD_COUNTED, message -> {
      JsonObject body = message.body();
      Future<Tally[]> known = byVote.get(body.getString("voteId"));
      if (!self.equals(body.getString("from")) && known != null) {
        Tally counts = Tally.fromCounts(body.getJsonObject("counts"));
        known.onSuccess(shards -> merge(shards, body.getInteger("shard"), counts));
      }
    });
  }

  /**
   * A ballot of this node was counted: answers the running tally with it. Once a tally counts
   * this ballot, every later one does too, and every earlier one showed fewer ballots.
   */
  Future<Tally> counted(BallotBoxes.ShardCount count) {
    vertx.eventBus().publish(SHARD_COUNTED, new JsonObject().put("from", self).put("voteId", count.voteId())
        .put("shard", count.shard()).put("counts", count.tally().toCounts()));
    return shardsOf(count.voteId()).map(shards -> {
      merge(shards, count.shard(), count.tally());
      return sum(shards);
    });
  }

  /** The vote closed: its result comes from the box, its running tally is no longer needed. */
  void forget(String voteId) {
    byVote.remove(voteId);
  }

  private Future<Tally[]> shardsOf(String voteId) {
    if (byVote.size() > MAX_VOTES) {
      byVote.clear();
    }
    return byVote.computeIfAbsent(voteId, id -> {
      Future<Tally[]> stored = ballots.shardCounts(id).map(counts -> {
        Tally[] shards = new Tally[BallotBoxes.SHARDS];
        Arrays.fill(shards, Tally.EMPTY);
        counts.forEach(c -> merge(shards, c.shard(), c.tally()));
        return shards;
      });
      stored.onFailure(e -> byVote.remove(id));
      return stored;
    });
  }

  /** A shard's counts only grow, so the larger of two readings is the newer. */
  private static void merge(Tally[] shards, int shard, Tally counts) {
    if (counts.cast() > shards[shard].cast()) {
      shards[shard] = counts;
    }
  }

  private static Tally sum(Tally[] shards) {
    Tally total = Tally.EMPTY;
    for (Tally shard : shards) {
      total = total.plus(shard);
    }
    return total;
  }
}
