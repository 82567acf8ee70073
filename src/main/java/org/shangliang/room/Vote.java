package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/** A vote on a motion of the current matter: its rules while open, its outcome once closed. */
public record Vote(String id, String matterId, String motion, boolean secret, boolean walkInsVote,
                   boolean liveTally, MajorityBase base, Integer quorum, boolean open, long openedAt,
                   Long closedAt, Outcome outcome, boolean announced) {

  /** Whether this attendee may cast a ballot on this vote at all. */
  public boolean entitles(Attendee attendee) {
    return entitles(walkInsVote, attendee);
  }

  /** Checked-in attendees vote; walk-ins only when the vote lets them. */
  static boolean entitles(boolean walkInsVote, Attendee attendee) {
    return attendee.checkedIn() && (walkInsVote || !attendee.walkIn());
  }

  Vote close(Outcome decided, long now) {
    return new Vote(id, matterId, motion, secret, walkInsVote, liveTally, base, quorum, false, openedAt,
        now, decided, false);
  }

  Vote announce() {
    return new Vote(id, matterId, motion, secret, walkInsVote, liveTally, base, quorum, open, openedAt,
        closedAt, outcome, true);
  }

  static Vote fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    return new Vote(json.getString("id"), json.getString("matterId"), json.getString("motion"),
        json.getBoolean("secret"), json.getBoolean("walkInsVote"), json.getBoolean("liveTally"),
        MajorityBase.valueOf(json.getString("base")), json.getInteger("quorum"),
        "OPEN".equals(json.getString("status")), json.getLong("openedAt"), json.getLong("closedAt"),
        Outcome.fromJson(json.getJsonObject("outcome")), json.getBoolean("announced", false));
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("matterId", matterId).put("motion", motion)
        .put("secret", secret).put("walkInsVote", walkInsVote).put("liveTally", liveTally)
        .put("base", base.name()).put("quorum", quorum).put("status", open ? "OPEN" : "CLOSED")
        .put("openedAt", openedAt).put("closedAt", closedAt)
        .put("outcome", outcome == null ? null : outcome.toJson()).put("announced", announced);
  }
}
