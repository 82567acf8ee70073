package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/**
 * A vote on a motion of the current matter: its rules while open, its outcome once closed, and a
 * host's decision to hold it below the meeting's quorum, if there was one.
 */
public record Vote(String id, String matterId, String motion, VoteRules rules, boolean open, long openedAt,
                   Long closedAt, Outcome outcome, boolean announced, QuorumOverride quorumOverride) {

  public boolean secret() { return rules.secret(); }

  public boolean walkInsVote() { return rules.walkInsVote(); }

  public boolean liveTally() { return rules.liveTally(); }

  public MajorityBase base() { return rules.base(); }

  public Integer minimumBallots() { return rules.minimumBallots(); }

  /** Whether this attendee may cast a ballot on this vote at all. */
  public boolean entitles(Attendee attendee) {
    return entitles(rules.walkInsVote(), attendee);
  }

  /** Checked-in attendees vote; walk-ins only when the vote lets them. */
  static boolean entitles(boolean walkInsVote, Attendee attendee) {
    return attendee.checkedIn() && (walkInsVote || !attendee.walkIn());
  }

  Vote close(Outcome decided, long now) {
    return new Vote(id, matterId, motion, rules, false, openedAt, now, decided, false, quorumOverride);
  }

  Vote announce() {
    return new Vote(id, matterId, motion, rules, open, openedAt, closedAt, outcome, true, quorumOverride);
  }

  static Vote fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonObject stored = json.copy();
    if (!stored.containsKey("minimumBallots")) {
      stored.put("minimumBallots", json.getInteger("quorum")); // its name before meetings had a quorum
    }
    return new Vote(json.getString("id"), json.getString("matterId"), json.getString("motion"),
        VoteRules.fromJson(stored), "OPEN".equals(json.getString("status")), json.getLong("openedAt"),
        json.getLong("closedAt"), Outcome.fromJson(json.getJsonObject("outcome")), json.getBoolean("announced", false),
        QuorumOverride.fromJson(json.getJsonObject("quorumOverride")));
  }

  /** The rules flat beside the vote's state, as pages read them. */
  JsonObject toJson() {
    return rules.toJson().put("id", id).put("matterId", matterId).put("motion", motion)
        .put("status", open ? "OPEN" : "CLOSED").put("openedAt", openedAt).put("closedAt", closedAt)
        .put("outcome", outcome == null ? null : outcome.toJson()).put("announced", announced)
        .put("quorumOverride", quorumOverride == null ? null : quorumOverride.toJson());
  }
}
