package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What happened on a matter, kept for its minutes in the same versioned write as the change that
 * made it: each speech as it ended, each hand refused by 限次, the host's summary before the vote,
 * and each vote once its result was announced. Only ever added to while the meeting runs.
 */
final class MatterRecord {
  /** Hands refused by 限次 kept per matter: more is a kiosk tapped in a loop, not a record. */
  static final int MAX_REFUSALS = 200;

  final JsonArray speeches;
  final JsonArray refusals;
  final JsonArray votes;
  JsonObject summary;

  MatterRecord() {
    this(new JsonArray(), new JsonArray(), new JsonArray(), null);
  }

  private MatterRecord(JsonArray speeches, JsonArray refusals, JsonArray votes, JsonObject summary) {
    this.speeches = speeches;
    this.refusals = refusals;
    this.votes = votes;
    this.summary = summary;
  }

  /**
   * A speech that ended: who, when it started, the time used (paused time not counted), the time
   * allowed with any extension, and how it ended ({@code HOST} or {@code CLOCK}).
   */
  void speechEnded(Floor floor, long now, String endedBy) {
    speeches.add(floor.asEnded(now).put("startedAt", floor.startedAt()).put("endedAt", now)
        .put("pausedMs", floor.pausedMs()).put("endedBy", endedBy));
  }

  void refused(Attendee attendee, long now) {
    if (refusals.size() < MAX_REFUSALS) {
      refusals.add(new JsonObject().put("attendeeId", attendee.id()).put("name", attendee.name()).put("at", now));
    }
  }

  static MatterRecord fromJson(JsonObject matter) {
    return new MatterRecord(matter.getJsonArray("speeches", new JsonArray()).copy(),
        matter.getJsonArray("refusals", new JsonArray()).copy(), matter.getJsonArray("votes", new JsonArray()).copy(),
        matter.getJsonObject("summary"));
  }

  void writeTo(JsonObject matter) {
    matter.put("speeches", speeches).put("refusals", refusals).put("votes", votes).put("summary", summary);
  }
}
