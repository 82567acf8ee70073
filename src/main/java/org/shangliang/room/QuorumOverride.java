package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/**
 * A host's decision to hold a vote although the meeting's quorum is not met: the reason given,
 * who gave it, when, and the attendance at that moment. It stays with the vote and is printed with
 * its result wherever the result is shown.
 */
public record QuorumOverride(String reason, String by, long at, Quorum.Attendance attendance) {

  static QuorumOverride fromJson(JsonObject json) {
    return json == null ? null : new QuorumOverride(json.getString("reason"), json.getString("by"),
        json.getLong("at", 0L), Quorum.Attendance.fromJson(json));
  }

  JsonObject toJson() {
    return new JsonObject().put("reason", reason).put("by", by).put("at", at)
        .put("present", attendance.present()).put("required", attendance.required())
        .put("entitled", attendance.entitled());
  }
}
