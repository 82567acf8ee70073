package org.shangliang.minutes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.member.MemberKinds;
import org.shangliang.room.AttendeeKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minutes (会议记录) of a closed meeting as first drafted, from the records the room kept: who
 * was invited and who came, each matter's speeches as they ended, hands refused by 限次, the
 * host's summary, every vote with its counts and why it passed or failed, and the resolution. The
 * narrative fields (recorder, summaries, resolutions with their responsible party and due date,
 * notes) are the host's to edit before approving (docs/API.md, Minutes).
 */
final class MinutesDraft {
  /** Where the draft's facts come from besides the meeting itself. */
  record Sources(JsonObject meeting, List<JsonObject> attendees, Map<String, List<JsonObject>> rollCalls,
                 String community, String timeZone, String room, List<JsonObject> hosts, Map<String, String> topicKinds) {
  }

  private MinutesDraft() {
  }

  static JsonObject of(Sources s, long now) {
    JsonObject meeting = s.meeting();
    Map<String, String> names = new LinkedHashMap<>();
    s.attendees().forEach(a -> names.put(a.getString("_id"), a.getString("name")));
    JsonArray matters = new JsonArray();
    meeting.getJsonArray("agenda", new JsonArray()).forEach(m -> matters.add(matter((JsonObject) m, names, s.rollCalls(),
        s.topicKinds())));
    return new JsonObject().put("_id", meeting.getString("_id")).put("meetingId", meeting.getString("_id"))
        .put("status", MinutesStore.DRAFT).put("version", 1).put("draftedAt", now)
        .putNull("approvedAt").putNull("approvedBy")
        .put("community", s.community()).put("room", s.room()).put("title", meeting.getString("title"))
        .put("startsAt", meeting.getLong("startsAt")).put("openedAt", meeting.getLong("openedAt"))
        .put("closedAt", meeting.getLong("closedAt")).put("timeZone", s.timeZone())
        .put("hosts", new JsonArray(s.hosts())).put("recorder", "")
        .put("attendance", attendance(meeting, s.attendees())).put("matters", matters)
        .put("notes", "").put("addenda", new JsonArray());
  }

  // ---- attendance ----

  /** Invited (not walk-ins), present and absent, walk-ins (列席), in all and per kind, with names. */
  static JsonObject attendance(JsonObject meeting, List<JsonObject> attendees) {
    Map<String, JsonObject> byKind = new LinkedHashMap<>();
    List<String> present = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    List<String> walkIns = new ArrayList<>();
    for (JsonObject a : attendees) {
      String kind = a.getString("kind");
      JsonObject counts = byKind.computeIfAbsent(kind, k -> new JsonObject().put("kind", k).put("label", kindLabel(k))
          .put("invited", 0).put("present", 0).put("absent", 0).put("walkIns", 0));
      String name = a.getString("name");
      if (a.getBoolean("walkIn", false)) {
        walkIns.add(name);
        increment(counts, "walkIns");
      } else if (wasPresent(meeting, a)) {
        present.add(name);
        increment(counts, "invited");
        increment(counts, "present");
      } else {
        absent.add(name);
        increment(counts, "invited");
        increment(counts, "absent");
      }
    }
    return new JsonObject().put("invited", present.size() + absent.size()).put("present", present.size())
        .put("absent", absent.size()).put("walkIns", walkIns.size())
        .put("byKind", new JsonArray(new ArrayList<>(byKind.values())))
        .put("present_names", new JsonArray(present)).put("absent_names", new JsonArray(absent))
        .put("walkIn_names", new JsonArray(walkIns));
  }

  /** Checked in, or spoke: a check-out clears the check-in, not the fact that they came. */
  private static boolean wasPresent(JsonObject meeting, JsonObject attendee) {
    if (attendee.getLong("checkedInAt") != null) {
      return true;
    }
    String id = attendee.getString("_id");
    return meeting.getJsonArray("agenda", new JsonArray()).stream()
        .anyMatch(m -> ((JsonObject) m).getJsonObject("speechCounts", new JsonObject()).containsKey(id));
  }

  static String kindLabel(String kind) {
    AttendeeKind k = kind == null ? null : AttendeeKind.valueOf(kind);
    if (k == null || k == AttendeeKind.RESIDENT) {
      return "居民";
    }
    return MemberKinds.label(k);
  }

  private static void increment(JsonObject counts, String key) {
    counts.put(key, counts.getInteger(key) + 1);
  }

  // ---- matters ----

  /**
   * A matter; {@code topicKinds}: the kind (协商/决策/咨询/听证) of each request made a topic, by
   * request id, which a matter from that request starts with (the host may still choose another).
   */
  private static JsonObject matter(JsonObject m, Map<String, String> names, Map<String, List<JsonObject>> rollCalls,
                                   Map<String, String> topicKinds) {
    int speechSeconds = m.getInteger("speechSeconds", 0);
    JsonArray speeches = new JsonArray();
    m.getJsonArray("speeches", new JsonArray()).forEach(o -> speeches.add(speech((JsonObject) o, speechSeconds)));
    JsonArray votes = new JsonArray();
    m.getJsonArray("votes", new JsonArray()).forEach(o -> votes.add(vote((JsonObject) o, names, rollCalls)));
    JsonObject summary = m.getJsonObject("summary");
    JsonObject source = m.getJsonObject("source");
    return new JsonObject().put("id", m.getString("id")).put("title", m.getString("title"))
        .put("source", source == null ? null : source.getString("kind"))
        .put("topicKind", source == null ? null : topicKinds.get(source.getString("requestId")))
        .put("speechSeconds", speechSeconds).put("speechesPerPerson", m.getInteger("speechesPerPerson"))
        .put("speeches", speeches).put("refusals", m.getJsonArray("refusals", new JsonArray()).copy())
        .put("summary", summary == null ? "" : summary.getString("text", ""))
        .put("votes", votes).put("resolution", resolution(m.getJsonObject("resolution")));
  }

  /**
   * A speech: its start, the time used in whole seconds (pauses not counted), the time allowed, and
   * the overrun: time used beyond the matter's rule, which only an extension the host granted allows.
   */
  static JsonObject speech(JsonObject ended, int speechSeconds) {
    long usedMs = ended.getLong("usedMs", 0L);
    long seconds = Math.round(usedMs / 1000.0);
    return new JsonObject().put("attendeeId", ended.getString("attendeeId")).put("name", ended.getString("name"))
        .put("startedAt", ended.getLong("startedAt")).put("usedMs", usedMs).put("seconds", seconds)
        .put("allowedSeconds", ended.getLong("allowedMs", 0L) / 1000)
        .put("overrunSeconds", Math.max(0, seconds - speechSeconds)).put("endedBy", ended.getString("endedBy"));
  }

  private static JsonObject vote(JsonObject vote, Map<String, String> names, Map<String, List<JsonObject>> rollCalls) {
    JsonObject outcome = vote.getJsonObject("outcome", new JsonObject());
    JsonObject attendance = outcome.getJsonObject("attendance", new JsonObject());
    JsonObject override = vote.getJsonObject("quorumOverride", outcome.getJsonObject("quorumOverride"));
    boolean secret = vote.getBoolean("secret", true);
    JsonArray rollCall = null;
    if (!secret) {
      rollCall = new JsonArray();
      for (JsonObject ballot : rollCalls.getOrDefault(vote.getString("id"), List.of())) {
        rollCall.add(new JsonObject().put("name", names.getOrDefault(ballot.getString("attendeeId"), ""))
            .put("choice", ballot.getString("choice")));
      }
    }
    String base = vote.getString("base");
    return new JsonObject().put("voteId", vote.getString("id")).put("motion", vote.getString("motion"))
        .put("secret", secret).put("base", base).put("baseLabel", baseLabel(base))
        .put("quorum", new JsonObject().put("required", attendance.getInteger("required"))
            .put("present", attendance.getInteger("present")))
        .put("heldBelowQuorum", override == null ? null : override.getString("reason"))
        .put("tally", new JsonObject().put("for", outcome.getInteger("FOR", 0)).put("against", outcome.getInteger("AGAINST", 0))
            .put("abstain", outcome.getInteger("ABSTAIN", 0)).put("cast", outcome.getInteger("cast", 0))
            .put("entitled", outcome.getInteger("entitled", 0)))
        .put("passed", outcome.getBoolean("passed", false)).put("why", why(outcome, vote.getInteger("minimumBallots")))
        .put("rollCall", rollCall);
  }

  static String baseLabel(String base) {
    return switch (base == null ? "" : base) {
      case "FOR_AGAINST" -> "赞成与反对票之和";
      case "PRESENT" -> "到会有表决权人数";
      default -> "实际投票人数";
    };
  }

  /** Why the motion passed or failed, in the words of the rule (简单多数). */
  static String why(JsonObject outcome, Integer minimumBallots) {
    int inFavour = outcome.getInteger("FOR", 0);
    int base = outcome.getInteger("base", 0);
    return switch (outcome.getString("reason", "")) {
      case "PASSED" -> "赞成 " + inFavour + " 票，超过计票基数 " + base + " 的半数，通过";
      case "TIE" -> "赞成 " + inFavour + " 票，恰为计票基数 " + base + " 的半数，未过半数，未通过";
      case "NO_QUORUM" -> "投票 " + outcome.getInteger("cast", 0) + " 人，少于规定的最少 " + minimumBallots + " 人，未通过";
      default -> "赞成 " + inFavour + " 票，未超过计票基数 " + base + " 的半数，未通过";
    };
  }

  /** The resolution as drafted: the announced motion and its result; who is responsible and by when are the host's to fill in. */
  private static JsonObject resolution(JsonObject resolution) {
    if (resolution == null) {
      return new JsonObject().put("text", "").put("responsible", "").putNull("dueAt");
    }
    boolean passed = resolution.getJsonObject("outcome", new JsonObject()).getBoolean("passed", false);
    return new JsonObject().put("text", (passed ? "通过：" : "未通过：") + resolution.getString("motion", ""))
        .put("responsible", "").putNull("dueAt");
  }
}
