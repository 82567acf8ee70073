package org.shangliang.forum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The yearly forum's three rankings (邻里协商论坛) as plain rules over the year's records, each with
 * its rule text shown beside it. Every entry carries the ids and counts it was computed from
 * ({@code inputs}), so a reader can trace it back. Entries are ranked in full; {@link ForumOverrides}
 * applies staff's changes and cuts each list to its length.
 */
final class ForumRules {
  static final int MEDIATORS = 5;
  static final int COUNCILLORS = 5;
  static final int CASES = 10;
  static final String MEDIATOR_RULE = "优秀人民调解员：按当年记录的人民调解计分。得分 = 调解成功次数 × 3 + 主持调解次数 + 满意度 × 2；"
      + "满意度为其调解成功的诉求的居民评价之和（满意计 1，基本满意计 0.5，不满意或未评价计 0）。"
      + "同分时调解成功次数多者在前，再按姓名排序。";
  static final String COUNCILLOR_RULE = "十佳议事员：按当年已结束的会议计分。得分 = 参会次数 × 2 + 发言次数 + 提出议题数 × 3；"
      + "参会指签到或发言；提出议题指当年转为议题的诉求中，登记电话与其名册电话相同的；"
      + "系统中没有把议事员与跟踪落实关联的记录，跟进工作计 0。同分时参会多者在前，再按姓名排序。";
  static final String CASE_RULE = "典型案例：当年办结的协商决议，和当年结案且居民评价为满意的诉求。"
      + "决议的满意度为其结果公示上居民评价中满意与基本满意所占比例（无评价计 0）；诉求的满意度按其评价（满意为 100%）。"
      + "按满意度排序，同等时评价数多者在前，再按办结时间新者在前。";
  private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

  private ForumRules() {
  }

  /** SATISFIED 1, BASIC 0.5, anything else (UNSATISFIED, none) 0. */
  static double ratingValue(String rating) {
    return "SATISFIED".equals(rating) ? 1 : "BASIC".equals(rating) ? 0.5 : 0;
  }

  /** The request's latest rating, or null. */
  static String latestRating(JsonObject request) {
    JsonArray ratings = request.getJsonArray("ratings", new JsonArray());
    return ratings.isEmpty() ? null : ratings.getJsonObject(ratings.size() - 1).getString("rating");
  }

  /**
   * Per mediator member: mediations held in the year, settled, and the satisfaction of the requests
   * they settled. {@code requests}: those with a mediation in [from, to); {@code names}: member id → name.
   */
  static List<JsonObject> mediators(List<JsonObject> requests, Map<String, String> names, long from, long to) {
    Map<String, Tally> byMember = new HashMap<>();
    for (JsonObject request : requests) {
      for (Object o : request.getJsonArray("mediations", new JsonArray())) {
        JsonObject m = (JsonObject) o;
        long at = m.getLong("at", 0L);
        if (at < from || at >= to) {
          continue;
        }
        for (Object id : m.getJsonArray("mediatorMemberIds", new JsonArray())) {
          Tally t = byMember.computeIfAbsent(String.valueOf(id), k -> new Tally());
          t.held.add(request.getString("_id") + "@" + at);
          t.requests.add(request.getString("_id"));
          if (m.getBoolean("settled", false)) {
            t.settled++;
            t.settledRequests.put(request.getString("_id"), ratingValue(latestRating(request)));
          }
        }
      }
    }
    List<JsonObject> out = new ArrayList<>();
    byMember.forEach((id, t) -> {
      double satisfied = t.settledRequests.values().stream().mapToDouble(Double::doubleValue).sum();
      double score = t.settled * 3 + t.held.size() + satisfied * 2;
      out.add(new JsonObject().put("entryId", id).put("name", names.getOrDefault(id, "")).put("score", score)
          .put("inputs", new JsonObject().put("held", t.held.size()).put("settled", t.settled).put("satisfied", satisfied)
              .put("requestIds", new JsonArray(List.copyOf(t.requests)))
              .put("settledRequestIds", new JsonArray(List.copyOf(t.settledRequests.keySet())))));
    });
    out.sort(byScoreThen("settled"));
    return out;
  }

  /**
   * Per member: meetings attended (checked in or spoke), speeches, topics raised. {@code meetings}:
   * the closed meetings of the year; {@code attendees}: theirs with a memberId; {@code topics}: the
   * requests promoted in the year; {@code members}: the register (id, name, phone).
   */
  static List<JsonObject> councillors(List<JsonObject> meetings, List<JsonObject> attendees, List<JsonObject> topics,
                                      List<JsonObject> members) {
    Map<String, Integer> speechesByAttendee = new HashMap<>();
    meetings.forEach(meeting -> meeting.getJsonArray("agenda", new JsonArray()).forEach(matter ->
        ((JsonObject) matter).getJsonArray("speeches", new JsonArray()).forEach(s ->
            speechesByAttendee.merge(((JsonObject) s).getString("attendeeId"), 1, Integer::sum))));
    Map<String, Tally> byMember = new HashMap<>();
    for (JsonObject a : attendees) {
      int spoke = speechesByAttendee.getOrDefault(a.getString("_id"), 0);
      if (a.getLong("checkedInAt") == null && spoke == 0) {
        continue;
      }
      Tally t = byMember.computeIfAbsent(a.getString("memberId"), k -> new Tally());
      t.held.add(a.getString("meetingId"));
      t.settled += spoke;
    }
    Map<String, List<String>> topicsByPhone = new HashMap<>();
    topics.forEach(r -> {
      String phone = r.getJsonObject("resident", new JsonObject()).getString("phone", "");
      if (!phone.isBlank()) {
        topicsByPhone.computeIfAbsent(phone, k -> new ArrayList<>()).add(r.getString("_id"));
      }
    });
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject member : members) {
      Tally t = byMember.getOrDefault(member.getString("_id"), new Tally());
      String phone = member.getString("phone", "");
      List<String> raised = phone.isBlank() ? List.of() : topicsByPhone.getOrDefault(phone, List.of());
      double score = t.held.size() * 2 + t.settled + raised.size() * 3;
      if (score > 0) {
        out.add(new JsonObject().put("entryId", member.getString("_id")).put("name", member.getString("name", ""))
            .put("score", score).put("inputs", new JsonObject().put("attended", t.held.size()).put("speeches", t.settled)
                .put("topics", raised.size()).put("followUps", 0).put("meetingIds", new JsonArray(List.copyOf(t.held)))
                .put("topicRequestIds", new JsonArray(raised))));
      }
    }
    out.sort(byScoreThen("attended"));
    return out;
  }

  /** Higher score first, then more of {@code input}, then by name as a Chinese list. */
  private static Comparator<JsonObject> byScoreThen(String input) {
    return Comparator.<JsonObject>comparingDouble(e -> -e.getDouble("score"))
        .thenComparingInt(e -> -e.getJsonObject("inputs").getInteger(input))
        .thenComparing(e -> e.getString("name"), CHINESE)
        .thenComparing(e -> e.getString("entryId"));
  }

  /** Cases ranked: satisfaction, then ratings count, then the most recent; each {@code {entryId, satisfaction, inputs{ratings}, at}}. */
  static List<JsonObject> rankCases(List<JsonObject> cases) {
    List<JsonObject> out = new ArrayList<>(cases);
    out.sort(Comparator.<JsonObject>comparingDouble(c -> -c.getDouble("satisfaction"))
        .thenComparingInt(c -> -c.getJsonObject("inputs").getInteger("ratings"))
        .thenComparingLong(c -> -c.getLong("at"))
        .thenComparing(c -> c.getString("entryId")));
    return out;
  }

  /** What one person did, counted: distinct items ({@code held}), a count ({@code settled}), settled requests with their value. */
  private static final class Tally {
    final Set<String> held = new LinkedHashSet<>();
    final Set<String> requests = new LinkedHashSet<>();
    final Map<String, Double> settledRequests = new java.util.LinkedHashMap<>();
    int settled;
  }
}
