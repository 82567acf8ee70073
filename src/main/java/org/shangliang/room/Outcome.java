package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/**
 * The result of a closed vote, as the server decided it, with the meeting's attendance when it
 * closed and, if the vote was held below the quorum, the host's decision to hold it anyway.
 */
public record Outcome(boolean passed, Reason reason, Tally tally, int base, int entitled,
                      Quorum.Attendance attendance, QuorumOverride quorumOverride) {

  /** Why a motion passed or failed. */
  public enum Reason { PASSED, NOT_MAJORITY, TIE, NO_QUORUM }

  /**
   * Simple majority: the votes for must be more than half of the base. Exactly half is a tie and
   * fails. With a minimum number of ballots, fewer cast fails whatever the counts.
   */
  public static Outcome decide(Tally tally, MajorityBase base, int entitledPresent, Integer minimumBallots) {
    int baseCount = switch (base) {
      case FOR_AGAINST -> tally.inFavour() + tally.against();
      case CAST -> tally.cast();
      case PRESENT -> entitledPresent;
    };
    Reason reason;
    if (minimumBallots != null && tally.cast() < minimumBallots) {
      reason = Reason.NO_QUORUM;
    } else if (2L * tally.inFavour() > baseCount) {
      reason = Reason.PASSED;
    } else if (baseCount > 0 && 2L * tally.inFavour() == baseCount) {
      reason = Reason.TIE;
    } else {
      reason = Reason.NOT_MAJORITY;
    }
    return new Outcome(reason == Reason.PASSED, reason, tally, baseCount, entitledPresent, null, null);
  }

  /** The same outcome, recording who was present and any decision to vote below the quorum. */
  Outcome heldWith(Quorum.Attendance closingAttendance, QuorumOverride override) {
    return new Outcome(passed, reason, tally, base, entitled, closingAttendance, override);
  }

  /** Whether the vote was held although the meeting's quorum was not met (未达法定人数). */
  public boolean belowQuorum() {
    return quorumOverride != null;
  }

  static Outcome fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    return new Outcome(json.getBoolean("passed"), Reason.valueOf(json.getString("reason")),
        Tally.fromCounts(json), json.getInteger("base"), json.getInteger("entitled"),
        Quorum.Attendance.fromJson(json.getJsonObject("attendance")),
        QuorumOverride.fromJson(json.getJsonObject("quorumOverride")));
  }

  JsonObject toJson() {
    return tally.toCounts().put("passed", passed).put("reason", reason.name()).put("cast", tally.cast())
        .put("base", base).put("entitled", entitled)
        .put("attendance", attendance == null ? null : attendance.toJson())
        .put("belowQuorum", belowQuorum())
        .put("quorumOverride", quorumOverride == null ? null : quorumOverride.toJson());
  }
}
