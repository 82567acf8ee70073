package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/**
 * A speech in progress, kept as data so that any node and any page can tell what is left:
 * the start, the allowed duration, and the time spent paused.
 */
public record Floor(String speechId, String attendeeId, String name, long startedAt, long allowedMs,
                    Long pausedAt, long pausedMs) {

  public boolean paused() { return pausedAt != null; }

  public long remainingMs(long now) {
    long until = paused() ? pausedAt : now;
    return Math.max(0, allowedMs - (until - startedAt - pausedMs));
  }

  /** Speaking time used so far: time on the floor less the time paused. */
  public long usedMs(long now) {
    long until = paused() ? pausedAt : now;
    return Math.max(0, until - startedAt - pausedMs);
  }

  /**
   * What the record of the meeting keeps of a speech that ended: who, the time allowed and the
   * time used (never more than allowed: a speech that ran out ended when its time did).
   */
  public JsonObject asEnded(long now) {
    return new JsonObject().put("speechId", speechId).put("attendeeId", attendeeId).put("name", name)
        .put("allowedMs", allowedMs).put("usedMs", Math.min(usedMs(now), allowedMs));
  }

  /** When the speech runs out if nobody touches it; null while paused. */
  public Long endsAt() {
    return paused() ? null : startedAt + pausedMs + allowedMs;
  }

  Floor pause(long now) { return new Floor(speechId, attendeeId, name, startedAt, allowedMs, now, pausedMs); }

  Floor resume(long now) {
    return new Floor(speechId, attendeeId, name, startedAt, allowedMs, null, pausedMs + (now - pausedAt));
  }

  Floor extend(long extraMs) {
    return new Floor(speechId, attendeeId, name, startedAt, allowedMs + extraMs, pausedAt, pausedMs);
  }

  static Floor fromJson(JsonObject json) {
    return json == null ? null : new Floor(json.getString("speechId"), json.getString("attendeeId"),
        json.getString("name"), json.getLong("startedAt"), json.getLong("allowedMs"),
        json.getLong("pausedAt"), json.getLong("pausedMs", 0L));
  }

  JsonObject toJson() {
    return new JsonObject().put("speechId", speechId).put("attendeeId", attendeeId).put("name", name)
        .put("startedAt", startedAt).put("allowedMs", allowedMs).put("pausedAt", pausedAt)
        .put("pausedMs", pausedMs).put("endsAt", endsAt());
  }
}
