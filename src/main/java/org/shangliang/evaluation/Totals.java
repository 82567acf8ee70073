package org.shangliang.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Meetings' figures added up: the counts summed and the rates computed again from the sums (a rate
 * of rates would weigh a meeting of 5 like one of 50).
 */
final class Totals {
  private Totals() {
  }

  static JsonObject of(List<JsonObject> figures) {
    int invited = sum(figures, "attendance", "invited");
    int present = sum(figures, "attendance", "present");
    int walkIns = sum(figures, "attendance", "walkIns");
    int punctual = sum(figures, "attendance", "punctual");
    int speeches = sum(figures, "activity", "speeches");
    int speakers = sum(figures, "activity", "speakers");
    int ratings = sum(figures, "satisfaction", "ratings");
    int content = sum(figures, "satisfaction", "satisfied") + sum(figures, "satisfaction", "basic");
    int tracked = sum(figures, "followUp", "tracked");
    int solved = sum(figures, "followUp", "solved");
    return new JsonObject().put("meetings", figures.size()).put("invited", invited).put("present", present)
        .put("walkIns", walkIns).put("attendanceRate", MeetingFigures.ratio(present, invited))
        .put("punctualRate", MeetingFigures.ratio(punctual, present))
        .put("speeches", speeches).put("speakers", speakers)
        .put("speakersShare", MeetingFigures.ratio(speakers, present + walkIns))
        .put("overruns", sum(figures, "rules", "overruns")).put("refusals", sum(figures, "rules", "refusals"))
        .put("votes", sum(figures, "rules", "votes")).put("votesBelowQuorum", sum(figures, "rules", "votesBelowQuorum"))
        .put("matters", sum(figures, "results", "matters")).put("resolved", sum(figures, "results", "resolved"))
        .put("passed", sum(figures, "results", "passed")).put("responsibleSet", sum(figures, "results", "responsibleSet"))
        .put("tracked", tracked).put("solved", solved).put("solvedRate", MeetingFigures.ratio(solved, tracked))
        .put("ratings", ratings).put("satisfactionRate", MeetingFigures.ratio(content, ratings))
        .put("questionnaires", sum(figures, "questionnaire", "answered"));
  }

  /** Totals per key ({@code keys}: the keys a meeting counts under, e.g. each of its grids), in key order. */
  static JsonArray grouped(List<JsonObject> figures, Function<JsonObject, List<String>> keys) {
    Map<String, List<JsonObject>> groups = new TreeMap<>();
    figures.forEach(f -> keys.apply(f).forEach(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(f)));
    JsonArray out = new JsonArray();
    groups.forEach((key, members) -> out.add(of(members).put("key", key)));
    return out;
  }

  private static int sum(List<JsonObject> figures, String part, String field) {
    return figures.stream().mapToInt(f -> f.getJsonObject(part).getInteger(field, 0)).sum();
  }
}
