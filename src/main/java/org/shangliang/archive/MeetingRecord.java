package org.shangliang.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A meeting as the archive shows it, derived from its stored record: the agenda with each matter's
 * rules, speeches (from the matter's {@code speechCounts}, written in the same versioned write as
 * the floor, so every speech is counted even when the host gave the floor to the next in queue
 * without naming anyone) and resolution; the attendance; and the votes it held. Attendees' names
 * are for accounts that may see personal data; a read-only viewer gets the counts only.
 */
final class MeetingRecord {
  private MeetingRecord() {
  }

  /** One line of a search's answer. */
  static JsonObject summary(JsonObject meeting, String roomName) {
    JsonArray matters = new JsonArray();
    MeetingFilter.agenda(meeting).forEach(o -> {
      JsonObject m = (JsonObject) o;
      JsonObject resolution = m.getJsonObject("resolution");
      matters.add(new JsonObject().put("id", m.getString("id")).put("title", m.getString("title"))
          .put("topicKind", MeetingFilter.sourceKind(m))
          .put("passed", resolution == null ? null : resolution.getJsonObject("outcome", new JsonObject()).getBoolean("passed")));
    });
    return new JsonObject().put("id", meeting.getString("_id")).put("roomId", meeting.getString("roomId"))
        .put("roomName", roomName).put("title", meeting.getString("title")).put("status", meeting.getString("status"))
        .put("startsAt", meeting.getLong("startsAt")).put("gridIds", meeting.getJsonArray("gridIds", new JsonArray()))
        .put("matters", matters);
  }

  /** The whole record; {@code personal}: whether the attendees' names may be included. */
  static JsonObject of(JsonObject meeting, String roomName, List<JsonObject> attendees, List<JsonObject> votes,
                      boolean personal) {
    JsonObject record = summary(meeting, roomName).put("hosts", meeting.getJsonArray("hosts", new JsonArray()))
        .put("forms", meeting.getJsonArray("forms", new JsonArray())).put("quorum", meeting.getValue("quorum"))
        .put("agenda", agenda(meeting)).put("attendance", attendance(meeting, attendees, personal))
        .put("votes", new JsonArray(votes.stream().map(v -> voteLine(v, meeting)).toList())).put("personal", personal);
    record.remove("matters");
    return record;
  }

  private static JsonArray agenda(JsonObject meeting) {
    JsonArray agenda = new JsonArray();
    MeetingFilter.agenda(meeting).forEach(o -> {
      JsonObject m = (JsonObject) o;
      JsonObject counts = m.getJsonObject("speechCounts", new JsonObject());
      JsonObject source = m.getJsonObject("source");
      agenda.add(new JsonObject().put("id", m.getString("id")).put("title", m.getString("title"))
          .put("topicKind", MeetingFilter.sourceKind(m)).put("requestId", source == null ? null : source.getString("requestId"))
          .put("speechSeconds", m.getInteger("speechSeconds")).put("speechesPerPerson", m.getInteger("speechesPerPerson"))
          .put("voteRules", m.getJsonObject("voteRules")).put("speeches", total(counts)).put("speakers", counts.size())
          .put("resolution", m.getJsonObject("resolution")));
    });
    return agenda;
  }

  /**
   * Invited (not walk-ins), how many of them checked in, walk-ins, and the same per kind. A check-out
   * clears the check-in, so someone who spoke counts as present even if they checked out later.
   */
  private static JsonObject attendance(JsonObject meeting, List<JsonObject> attendees, boolean personal) {
    List<JsonObject> people = attendees.stream().map(a -> person(meeting, a)).toList();
    Map<String, JsonObject> byKind = new TreeMap<>();
    JsonObject all = counts();
    people.forEach(p -> {
      count(all, p);
      count(byKind.computeIfAbsent(p.getString("kind"), k -> counts()), p);
    });
    JsonObject kinds = new JsonObject();
    byKind.forEach(kinds::put);
    all.put("byKind", kinds);
    return personal ? all.put("people", new JsonArray(people)) : all;
  }

  private static JsonObject person(JsonObject meeting, JsonObject attendee) {
    int speeches = speechesOf(meeting, attendee.getString("_id"));
    return new JsonObject().put("attendeeId", attendee.getString("_id")).put("memberId", attendee.getString("memberId"))
        .put("name", attendee.getString("name")).put("kind", attendee.getString("kind"))
        .put("walkIn", attendee.getBoolean("walkIn", false))
        .put("checkedIn", attendee.getLong("checkedInAt") != null || speeches > 0).put("speeches", speeches);
  }

  private static JsonObject counts() {
    return new JsonObject().put("invited", 0).put("checkedIn", 0).put("walkIns", 0);
  }

  private static void count(JsonObject counts, JsonObject person) {
    if (person.getBoolean("walkIn")) {
      counts.put("walkIns", counts.getInteger("walkIns") + 1);
      return;
    }
    counts.put("invited", counts.getInteger("invited") + 1);
    if (person.getBoolean("checkedIn")) {
      counts.put("checkedIn", counts.getInteger("checkedIn") + 1);
    }
  }

  /** How many times the attendee had the floor in the whole meeting. */
  static int speechesOf(JsonObject meeting, String attendeeId) {
    return MeetingFilter.agenda(meeting).stream()
        .mapToInt(m -> ((JsonObject) m).getJsonObject("speechCounts", new JsonObject()).getInteger(attendeeId, 0)).sum();
  }

  static String matterTitle(JsonObject meeting, String matterId) {
    return matterId == null ? null : MeetingFilter.agenda(meeting).stream().map(o -> (JsonObject) o)
        .filter(m -> matterId.equals(m.getString("id"))).map(m -> m.getString("title")).findFirst().orElse(null);
  }

  private static JsonObject voteLine(JsonObject vote, JsonObject meeting) {
    return vote.copy().put("matterTitle", matterTitle(meeting, vote.getString("matterId")));
  }

  private static int total(JsonObject counts) {
    return counts.stream().mapToInt(e -> ((Number) e.getValue()).intValue()).sum();
  }
}
