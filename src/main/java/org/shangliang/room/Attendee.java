package org.shangliang.room;

import io.vertx.core.json.JsonObject;

/** Someone invited to, or walked in to, a meeting; checked in on at most one kiosk at a time. */
public record Attendee(String id, String meetingId, String name, AttendeeKind kind, boolean walkIn,
                       Long checkedInAt, String kioskId) {

  public boolean checkedIn() { return checkedInAt != null; }

  public static Attendee fromJson(JsonObject doc) {
    return new Attendee(doc.getString("_id"), doc.getString("meetingId"), doc.getString("name"),
        AttendeeKind.valueOf(doc.getString("kind")), doc.getBoolean("walkIn", false),
        doc.getLong("checkedInAt"), doc.getString("kioskId"));
  }

  public JsonObject toDocument() {
    return new JsonObject().put("_id", id).put("meetingId", meetingId).put("name", name)
        .put("kind", kind.name()).put("walkIn", walkIn).put("checkedInAt", checkedInAt).put("kioskId", kioskId);
  }

  /** What every page of the room may see. */
  public JsonObject toPublicJson() {
    return new JsonObject().put("id", id).put("name", name).put("kind", kind.name())
        .put("walkIn", walkIn).put("checkedIn", checkedIn()).put("kioskId", kioskId);
  }
}
