package org.shangliang.room;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A meeting's attendance quorum (法定人数): a number of people, or a fraction of those invited, who
 * must be present for a vote to be held; walk-ins count towards it only if the meeting says so.
 * No number and no fraction means no quorum.
 */
public record Quorum(Integer count, Double fraction, boolean walkInsCount) {
  public static final Quorum NONE = new Quorum(null, null, false);

  public static Quorum ofCount(int count) {
    return new Quorum(count, null, false);
  }

  /** How many must be present, given how many were invited. */
  public int required(int invited) {
    if (count != null) {
      return count;
    }
    return fraction == null ? 0 : (int) Math.ceil(fraction * invited - 1e-9);
  }

  /** Who is here against this quorum, and how many a vote with these walk-in rules entitles. */
  public Attendance attendance(List<Attendee> attendees, boolean walkInsVote) {
    int invited = 0;
    int present = 0;
    int entitled = 0;
    for (Attendee a : attendees) {
      invited += a.walkIn() ? 0 : 1;
      if (a.checkedIn()) {
        present += walkInsCount || !a.walkIn() ? 1 : 0;
        entitled += Vote.entitles(walkInsVote, a) ? 1 : 0;
      }
    }
    return new Attendance(present, required(invited), entitled);
  }

  /** Stored either as a plain number (older meetings) or as {count | fraction, walkInsCount}. */
  public static Quorum fromJson(Object stored) {
    if (stored instanceof Number n) {
      return ofCount(n.intValue());
    }
    if (stored instanceof JsonObject json) {
      Number fraction = json.getNumber("fraction");
      return new Quorum(json.getInteger("count"), fraction == null ? null : fraction.doubleValue(),
          json.getBoolean("walkInsCount", false));
    }
    return NONE;
  }

  public JsonObject toJson() {
    return new JsonObject().put("count", count).put("fraction", fraction).put("walkInsCount", walkInsCount);
  }

  /** Who counts at one moment: present towards the quorum, the quorum itself, entitled to vote. */
  public record Attendance(int present, int required, int entitled) {
    public boolean quorumMet() {
      return present >= required;
    }

    JsonObject toJson() {
      return new JsonObject().put("present", present).put("required", required).put("met", quorumMet())
          .put("entitled", entitled);
    }

    static Attendance fromJson(JsonObject json) {
      return json == null ? null : new Attendance(json.getInteger("present", 0), json.getInteger("required", 0),
          json.getInteger("entitled", 0));
    }
  }
}
