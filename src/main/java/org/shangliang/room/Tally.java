package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/** Ballots counted on one vote. */
public record Tally(int inFavour, int against, int abstain) {
  public static final Tally EMPTY = new Tally(0, 0, 0);

  public int cast() { return inFavour + against + abstain; }

  public Tally plus(Tally other) {
    return new Tally(inFavour + other.inFavour, against + other.against, abstain + other.abstain);
  }

  public static Tally fromCounts(JsonObject counts) {
    if (counts == null) {
      return EMPTY;
    }
    return new Tally(counts.getInteger(Choice.FOR.name(), 0), counts.getInteger(Choice.AGAINST.name(), 0),
        counts.getInteger(Choice.ABSTAIN.name(), 0));
  }

  public JsonObject toCounts() {
    return new JsonObject().put(Choice.FOR.name(), inFavour).put(Choice.AGAINST.name(), against)
        .put(Choice.ABSTAIN.name(), abstain);
  }

  /** A ballot's choice. */
  public enum Choice { FOR, AGAINST, ABSTAIN }
}
