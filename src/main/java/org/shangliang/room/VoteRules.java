package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

/**
 * How one vote is held: named or secret (无记名), whether walk-ins vote, whether the room sees the
 * counts while it runs, what simple majority is counted over, and the fewest ballots for a valid
 * result. A matter carries its own rules, and every new vote on it starts from them.
 */
public record VoteRules(boolean secret, boolean walkInsVote, boolean liveTally, MajorityBase base,
                        Integer minimumBallots) {
  /** A matter that names no rules of its own: a named vote, counts shown live, for over against. */
  public static final VoteRules DEFAULT = new VoteRules(false, false, true, MajorityBase.FOR_AGAINST, null);

  public VoteRules {
    if (base == null) {
      throw new Failure(ErrorCode.BAD_REQUEST, "缺少通过标准");
    }
  }

  /**
   * The rules a host asks for, refused if they cannot be kept. Running counts of a secret vote,
   * read before and after someone votes, would tell how that person voted: a live tally is for
   * named votes only.
   */
  public static VoteRules requested(JsonObject command) {
    VoteRules rules = new VoteRules(command.getBoolean("secret"), command.getBoolean("walkInsVote"),
        command.getBoolean("liveTally"), MajorityBase.valueOf(command.getString("base")),
        command.getInteger("minimumBallots"));
    if (rules.secret && rules.liveTally) {
      throw new Failure(ErrorCode.LIVE_TALLY_NAMED_ONLY);
    }
    return rules;
  }

  /** Whether the counts of an open vote may be shown to the room. */
  boolean countsVisibleWhileOpen() {
    return liveTally && !secret;
  }

  /**
   * The rules as stored; absent fields take the defaults. A secret vote stored with a live tally
   * (allowed once) reads as without one, so no page is ever sent its running counts.
   */
  public static VoteRules fromJson(JsonObject json) {
    if (json == null) {
      return DEFAULT;
    }
    boolean secret = json.getBoolean("secret", DEFAULT.secret);
    return new VoteRules(secret, json.getBoolean("walkInsVote", DEFAULT.walkInsVote),
        !secret && json.getBoolean("liveTally", DEFAULT.liveTally),
        MajorityBase.valueOf(json.getString("base", DEFAULT.base.name())), json.getInteger("minimumBallots"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("secret", secret).put("walkInsVote", walkInsVote).put("liveTally", liveTally)
        .put("base", base.name()).put("minimumBallots", minimumBallots);
  }
}
