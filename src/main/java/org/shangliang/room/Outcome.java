package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/** The result of a closed vote, as the server decided it. */
public record Outcome(boolean passed, Reason reason, Tally tally, int base, int entitled) {

  /** Why a motion passed or failed. */
  public enum Reason { PASSED, NOT_MAJORITY, TIE, NO_QUORUM }

  /**
   * Simple majority: the votes for must be more than half of the base. Exactly half is a tie and
   * fails. With a quorum, fewer ballots cast than the quorum fails whatever the counts.
   */
  public static Outcome decide(Tally tally, MajorityBase base, int entitledPresent, Integer quorum) {
    int baseCount = switch (base) {
      case FOR_AGAINST -> tally.inFavour() + tally.against();
      case CAST -> tally.cast();
      case PRESENT -> entitledPresent;
    };
    Reason reason;
    if (quorum != null && tally.cast() < quorum) {
      reason = Reason.NO_QUORUM;
    } else if (2L * tally.inFavour() > baseCount) {
      reason = Reason.PASSED;
    } else if (baseCount > 0 && 2L * tally.inFavour() == baseCount) {
      reason = Reason.TIE;
    } else {
      reason = Reason.NOT_MAJORITY;
    }
    return new Outcome(reason == Reason.PASSED, reason, tally, baseCount, entitledPresent);
  }

  static Outcome fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    return new Outcome(json.getBoolean("passed"), Reason.valueOf(json.getString("reason")),
        Tally.fromCounts(json), json.getInteger("base"), json.getInteger("entitled"));
  }

  JsonObject toJson() {
    return tally.toCounts().put("passed", passed).put("reason", reason.name()).put("cast", tally.cast())
        .put("base", base).put("entitled", entitled);
  }
}
