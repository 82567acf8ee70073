package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/** A raised hand (举手) waiting for the floor on the current matter. */
public record Hand(String attendeeId, String name, AttendeeKind kind, long raisedAt) {

  static Hand fromJson(JsonObject json) {
    return new Hand(json.getString("attendeeId"), json.getString("name"),
        AttendeeKind.valueOf(json.getString("kind")), json.getLong("raisedAt"));
  }

  JsonObject toJson() {
    return new JsonObject().put("attendeeId", attendeeId).put("name", name)
        .put("kind", kind.name()).put("raisedAt", raisedAt);
  }
}
