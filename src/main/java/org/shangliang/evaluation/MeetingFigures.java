package org.shangliang.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.shangliang.room.SurveyForm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one meeting (成效评估), computed from its records alone, so it can be computed
 * again at any time and every figure traced to what the room, the minutes, the follow-ups and the
 * phones wrote: attendance (人数), activity (活跃度), rule-keeping (规范性), results, follow-up and
 * satisfaction (../shared/DOMAIN.md).
 */
final class MeetingFigures {
  /** What one meeting's evaluation reads. {@code minutes} may be null (not yet drafted). */
  record Records(JsonObject meeting, List<JsonObject> attendees, JsonObject minutes, List<JsonObject> resolutions,
                 List<JsonObject> ratings, List<JsonObject> surveys) {
  }

  private MeetingFigures() {
  }

  static JsonObject of(Records r, long now) {
    JsonArray agenda = r.meeting().getJsonArray("agenda", new JsonArray());
    List<JsonObject> speeches = new ArrayList<>();
    agenda.forEach(m -> ((JsonObject) m).getJsonArray("speeches", new JsonArray()).forEach(s -> speeches.add((JsonObject) s)));
    JsonObject attendance = attendance(r.meeting(), r.attendees(), speeches);
    return new JsonObject().put("meetingId", r.meeting().getString("_id")).put("title", r.meeting().getString("title"))
        .put("startsAt", r.meeting().getLong("startsAt")).put("gridIds", r.meeting().getJsonArray("gridIds", new JsonArray()))
        .put("attendance", attendance)
        .put("activity", activity(agenda, speeches, attendance.getInteger("present") + attendance.getInteger("walkIns")))
        .put("rules", rules(agenda))
        .put("results", results(agenda, r.minutes()))
        .put("followUp", followUp(r.resolutions(), now))
        .put("satisfaction", satisfaction(r.ratings()))
        .put("questionnaire", questionnaire(r.surveys(), attendance.getInteger("present") + attendance.getInteger("walkIns")));
  }

  /** The attendees' questionnaire (问卷): how many of those present answered, and the count of each choice per question. */
  static JsonObject questionnaire(List<JsonObject> surveys, int presentWithWalkIns) {
    JsonArray byQuestion = new JsonArray();
    for (SurveyForm.Question q : SurveyForm.QUESTIONS) {
      JsonObject counts = new JsonObject();
      q.choices().forEach(c -> counts.put(c.code(), 0));
      surveys.forEach(s -> {
        String choice = s.getJsonObject("answers", new JsonObject()).getString(q.id());
        if (counts.containsKey(choice)) {
          counts.put(choice, counts.getInteger(choice) + 1);
        }
      });
      byQuestion.add(new JsonObject().put("id", q.id()).put("text", q.text()).put("counts", counts));
    }
    return new JsonObject().put("answered", surveys.size()).put("present", presentWithWalkIns).put("byQuestion", byQuestion);
  }

  /** Invited and present (a check-in, or a speech: a check-out clears the check-in, not the fact), on time (checked in before the opening), walk-ins. */
  static JsonObject attendance(JsonObject meeting, List<JsonObject> attendees, List<JsonObject> speeches) {
    Long openedAt = meeting.getLong("openedAt");
    int invited = 0;
    int present = 0;
    int punctual = 0;
    int walkIns = 0;
    for (JsonObject a : attendees) {
      if (a.getBoolean("walkIn", false)) {
        walkIns++;
        continue;
      }
      invited++;
      Long checkedInAt = a.getLong("checkedInAt");
      boolean spoke = speeches.stream().anyMatch(s -> a.getString("_id").equals(s.getString("attendeeId")));
      if (checkedInAt != null || spoke) {
        present++;
        if (checkedInAt != null && openedAt != null && checkedInAt <= openedAt) {
          punctual++;
        }
      }
    }
    return new JsonObject().put("invited", invited).put("present", present).put("walkIns", walkIns)
        .put("rate", ratio(present, invited)).put("punctual", punctual).put("punctualRate", ratio(punctual, present));
  }

  /**
   * Speeches and speakers; the share of those present who spoke; and how evenly speaking time was
   * shared: the largest speaker's share of all speaking time, and the Gini coefficient over the
   * speakers' times (0: all spoke as long, towards 1: one speaker held the floor).
   */
  static JsonObject activity(JsonArray agenda, List<JsonObject> speeches, int presentWithWalkIns) {
    Map<String, Long> msBySpeaker = new HashMap<>();
    speeches.forEach(s -> msBySpeaker.merge(s.getString("attendeeId"), s.getLong("usedMs", 0L), Long::sum));
    long totalMs = msBySpeaker.values().stream().mapToLong(Long::longValue).sum();
    long largest = msBySpeaker.values().stream().mapToLong(Long::longValue).max().orElse(0);
    int discussed = (int) agenda.stream().filter(m -> !((JsonObject) m).getJsonArray("speeches", new JsonArray()).isEmpty()).count();
    return new JsonObject().put("speeches", speeches.size()).put("speakers", msBySpeaker.size())
        .put("speakersShare", ratio(msBySpeaker.size(), presentWithWalkIns))
        .put("speechesPerPresent", ratio(speeches.size(), presentWithWalkIns))
        .put("speakingSeconds", Math.round(totalMs / 1000.0)).put("mattersWithSpeeches", discussed)
        .put("largestShare", ratio(largest, totalMs)).put("gini", gini(new ArrayList<>(msBySpeaker.values())));
  }

  /** Mean absolute difference over twice the mean: 0 for equal times. */
  static double gini(List<Long> values) {
    if (values.size() < 2) {
      return 0;
    }
    double sum = 0;
    double total = 0;
    for (long a : values) {
      total += a;
      for (long b : values) {
        sum += Math.abs(a - b);
      }
    }
    return total == 0 ? 0 : round(sum / (2.0 * values.size() * total));
  }

  /** Speeches over the matter's time (an extension granted), hands refused by 限次, votes held below the quorum. */
  static JsonObject rules(JsonArray agenda) {
    int overruns = 0;
    long overrunSeconds = 0;
    int refusals = 0;
    int votes = 0;
    int belowQuorum = 0;
    for (Object o : agenda) {
      JsonObject matter = (JsonObject) o;
      long limit = matter.getInteger("speechSeconds", 0) * 1000L;
      for (Object s : matter.getJsonArray("speeches", new JsonArray())) {
        long used = ((JsonObject) s).getLong("usedMs", 0L);
        if (limit > 0 && used > limit + 999) {
          overruns++;
          overrunSeconds += (used - limit) / 1000;
        }
      }
      refusals += matter.getJsonArray("refusals", new JsonArray()).size();
      for (Object v : matter.getJsonArray("votes", new JsonArray())) {
        votes++;
        JsonObject outcome = ((JsonObject) v).getJsonObject("outcome");
        if (outcome != null && outcome.getBoolean("belowQuorum", false)) {
          belowQuorum++;
        }
      }
    }
    // one matter at a time (一事一议) is how the room works: it cannot be broken, so it is not counted
    return new JsonObject().put("overruns", overruns).put("overrunSeconds", overrunSeconds).put("refusals", refusals)
        .put("votes", votes).put("votesBelowQuorum", belowQuorum);
  }

  /** Matters that reached an announced result, passed, and (from the minutes) a resolution with a responsible party. */
  static JsonObject results(JsonArray agenda, JsonObject minutes) {
    int resolved = 0;
    int passed = 0;
    for (Object o : agenda) {
      JsonObject resolution = ((JsonObject) o).getJsonObject("resolution");
      if (resolution != null) {
        resolved++;
        JsonObject outcome = resolution.getJsonObject("outcome");
        if (outcome != null && outcome.getBoolean("passed", false)) {
          passed++;
        }
      }
    }
    int responsibleSet = 0;
    int feasible = 0;
    int rated = 0;
    if (minutes != null) {
      for (Object o : minutes.getJsonArray("matters", new JsonArray())) {
        JsonObject r = ((JsonObject) o).getJsonObject("resolution");
        if (r != null && !r.getString("text", "").isBlank() && !r.getString("responsible", "").isBlank()) {
          responsibleSet++;
        }
        Integer feasibility = ((JsonObject) o).getInteger("feasibility");
        if (feasibility != null) {
          rated++;
          feasible += feasibility >= 3 ? 1 : 0;
        }
      }
    }
    return new JsonObject().put("matters", agenda.size()).put("resolved", resolved).put("passed", passed)
        .put("responsibleSet", responsibleSet).put("minutesApproved", minutes != null && "APPROVED".equals(minutes.getString("status")))
        .put("feasibilityRated", rated).put("feasible", feasible);
  }

  /** The resolutions tracked from its minutes: solved, solved by their due date, follow-ups overdue now. */
  static JsonObject followUp(List<JsonObject> resolutions, long now) {
    int solved = 0;
    int onTime = 0;
    int pastDue = 0;
    for (JsonObject item : resolutions) {
      Long due = item.getLong("dueAt");
      if ("SOLVED".equals(item.getString("status"))) {
        solved++;
        if (due == null || item.getLong("solvedAt") <= due) {
          onTime++;
        }
      } else if (due != null && due < now) {
        pastDue++;
      }
    }
    return new JsonObject().put("tracked", resolutions.size()).put("solved", solved).put("solvedOnTime", onTime)
        .put("pastDue", pastDue).put("solvedRate", ratio(solved, resolutions.size()));
  }

  /** Residents' ratings on the meeting's notices (plan, process, results) by their QR codes. */
  static JsonObject satisfaction(List<JsonObject> ratings) {
    Map<String, Integer> by = new HashMap<>();
    ratings.forEach(r -> by.merge(r.getString("rating"), 1, Integer::sum));
    int satisfied = by.getOrDefault("SATISFIED", 0);
    int basic = by.getOrDefault("BASIC", 0);
    return new JsonObject().put("ratings", ratings.size()).put("satisfied", satisfied).put("basic", basic)
        .put("unsatisfied", by.getOrDefault("UNSATISFIED", 0)).put("rate", ratio(satisfied + basic, ratings.size()));
  }

  /** A share rounded to three places; 0 when there is nothing to share. */
  static double ratio(long part, long whole) {
    return whole == 0 ? 0 : round((double) part / whole);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
