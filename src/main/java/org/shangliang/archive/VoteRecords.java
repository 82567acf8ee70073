package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.AuditLog;
import org.shangliang.room.BallotBoxes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The votes a meeting held, derived from its records: each ballot box names its meeting (so the
 * box is what ties a vote to the meeting), the audit log's {@code openVote} entry names the vote
 * and its motion, the room's next {@code closeVote} entry holds its outcome, and a matter's
 * resolution (or the meeting's last vote) names the matter. A box whose {@code openVote} was
 * refused (opened, then closed unused) has no audit entry and is not a vote held.
 */
final class VoteRecords {
  /** Closing entries read per meeting: far more than the votes one meeting holds. */
  private static final int MAX_CLOSINGS = 1_000;

  private final MongoClient mongo;

  VoteRecords(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * The meeting's votes in the order they were opened: {@code {voteId, matterId, motion, secret,
   * openedAt, closedAt, outcome, announced}} ({@code matterId} null when no record names it).
   */
  Future<List<JsonObject>> of(JsonObject meeting) {
    String meetingId = meeting.getString("_id");
    return boxes(meetingId).compose(secretById -> (secretById.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
        : opened(List.copyOf(secretById.keySet())).compose(opened -> closings(meeting.getString("roomId"), opened)
            .map(closings -> paired(opened, closings, secretById))))
        .map(votes -> withMatters(meeting, votes, secretById)));
  }

  /**
   * The named (not secret) votes of many meetings at once, meeting id → {@code [{voteId, motion,
   * matterId}]}: what a member's history needs, read with one query of the boxes and at most one of
   * the audit log (for votes no resolution names), however many meetings there are.
   */
  Future<Map<String, List<JsonObject>>> namedOf(List<JsonObject> meetings) {
    JsonObject query = new JsonObject().put("secret", false).put("meetingId", new JsonObject()
        .put("$in", new JsonArray(meetings.stream().map(m -> m.getString("_id")).toList())));
    FindOptions fields = new FindOptions().setFields(new JsonObject().put("secret", 1).put("meetingId", 1));
    return mongo.findWithOptions(BallotBoxes.COLLECTION, query, fields).compose(heads -> {
      Map<String, String> meetingOf = new HashMap<>();
      heads.stream().filter(h -> Boolean.FALSE.equals(h.getBoolean("secret")))
          .forEach(h -> meetingOf.put(h.getString("_id"), h.getString("meetingId")));
      Map<String, JsonObject> known = new HashMap<>();
      meetings.forEach(m -> withMatters(m, List.of(), Map.of()).stream()
          .filter(v -> meetingOf.containsKey(v.getString("voteId"))).forEach(v -> known.put(v.getString("voteId"), v)));
      return openedOnly(meetingOf, known).map(votes -> {
        Map<String, List<JsonObject>> byMeeting = new HashMap<>();
        votes.forEach(v -> byMeeting.computeIfAbsent(meetingOf.get(v.getString("voteId")), k -> new ArrayList<>()).add(v));
        return byMeeting;
      });
    });
  }

  /** The boxes' votes the records name; one the meeting refused (no {@code openVote} entry) is left out. */
  private Future<List<JsonObject>> openedOnly(Map<String, String> boxes, Map<String, JsonObject> known) {
    List<String> unnamed = boxes.keySet().stream().filter(id -> !known.containsKey(id)).toList();
    Future<List<JsonObject>> audited = unnamed.isEmpty() ? Future.succeededFuture(List.of())
        : opened(unnamed);
    return audited.map(entries -> {
      List<JsonObject> votes = new ArrayList<>(known.values());
      entries.forEach(e -> votes.add(new JsonObject().put("voteId", e.getJsonObject("result").getString("voteId"))
          .put("motion", e.getJsonObject("params", new JsonObject()).getString("motion")).putNull("matterId")
          .put("openedAt", e.getLong("at"))));
      votes.sort(Comparator.comparing((JsonObject v) -> v.getLong("openedAt", v.getLong("announcedAt", 0L))));
      return votes;
    });
  }

  /** Vote id → whether the box is secret; a box that does not say counts as secret. */
  private Future<Map<String, Boolean>> boxes(String meetingId) {
    FindOptions fields = new FindOptions().setFields(new JsonObject().put("secret", 1));
    return mongo.findWithOptions(BallotBoxes.COLLECTION, new JsonObject().put("meetingId", meetingId), fields)
        .map(heads -> {
          Map<String, Boolean> secret = new HashMap<>();
          heads.forEach(head -> secret.put(head.getString("_id"), head.getBoolean("secret", true)));
          return secret;
        });
  }

  private Future<List<JsonObject>> opened(List<String> voteIds) {
    JsonObject query = new JsonObject().put("area", "room").put("action", "openVote")
        .put("result.voteId", new JsonObject().put("$in", new JsonArray(voteIds)));
    return mongo.findWithOptions(AuditLog.COLLECTION, query, new FindOptions().setSort(new JsonObject().put("at", 1)));
  }

  private Future<List<JsonObject>> closings(String roomId, List<JsonObject> opened) {
    if (opened.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject().put("area", "room").put("action", "closeVote").put("roomId", roomId)
        .put("at", new JsonObject().put("$gte", opened.get(0).getLong("at")));
    return mongo.findWithOptions(AuditLog.COLLECTION, query,
        new FindOptions().setSort(new JsonObject().put("at", 1)).setLimit(MAX_CLOSINGS));
  }

  /**
   * A room holds one vote at a time, so a vote's outcome is the room's first {@code closeVote}
   * after it opened and before the next vote opened.
   */
  private static List<JsonObject> paired(List<JsonObject> opened, List<JsonObject> closings, Map<String, Boolean> boxes) {
    List<JsonObject> votes = new ArrayList<>();
    for (int i = 0; i < opened.size(); i++) {
      JsonObject open = opened.get(i);
      long at = open.getLong("at");
      Long next = i + 1 < opened.size() ? opened.get(i + 1).getLong("at") : null;
      JsonObject close = closings.stream().filter(c -> c.getLong("at") >= at && (next == null || c.getLong("at") < next))
          .findFirst().orElse(null);
      JsonObject params = open.getJsonObject("params", new JsonObject());
      String voteId = open.getJsonObject("result").getString("voteId");
      votes.add(new JsonObject().put("voteId", voteId).put("matterId", (Object) null)
          .put("motion", params.getString("motion"))
          .put("secret", boxes.getOrDefault(voteId, true) || params.getBoolean("secret", true))
          .put("openedAt", at).put("closedAt", close == null ? null : close.getLong("at"))
          .put("outcome", close == null ? null : close.getJsonObject("result", new JsonObject()).getJsonObject("outcome"))
          .put("announced", false));
    }
    return votes;
  }

  /** Names each vote's matter from the resolutions and the meeting's last vote; adds votes only they record. */
  private static List<JsonObject> withMatters(JsonObject meeting, List<JsonObject> fromAudit, Map<String, Boolean> boxes) {
    Map<String, JsonObject> votes = new LinkedHashMap<>();
    fromAudit.forEach(v -> votes.put(v.getString("voteId"), v));
    MeetingFilter.agenda(meeting).forEach(o -> {
      JsonObject matter = (JsonObject) o;
      JsonObject resolution = matter.getJsonObject("resolution");
      if (resolution != null && resolution.getString("voteId") != null) {
        JsonObject vote = votes.computeIfAbsent(resolution.getString("voteId"), id -> new JsonObject().put("voteId", id)
            .put("motion", resolution.getString("motion"))
            .put("secret", boxes.getOrDefault(id, true) || secretRule(matter)));
        vote.put("matterId", matter.getString("id")).put("outcome", resolution.getJsonObject("outcome"))
            .put("announced", true).put("announcedAt", resolution.getLong("announcedAt"));
      }
    });
    JsonObject last = meeting.getJsonObject("vote");
    if (last != null && last.getString("id") != null) {
      JsonObject vote = votes.computeIfAbsent(last.getString("id"), id -> new JsonObject().put("voteId", id)
          .put("motion", last.getString("motion")).put("secret", boxes.getOrDefault(id, true) || last.getBoolean("secret", true))
          .put("openedAt", last.getLong("openedAt")).put("closedAt", last.getLong("closedAt"))
          .put("outcome", last.getJsonObject("outcome")).put("announced", last.getBoolean("announced", false)));
      vote.put("matterId", last.getString("matterId"));
    }
    return new ArrayList<>(votes.values());
  }

  private static boolean secretRule(JsonObject matter) {
    return matter.getJsonObject("voteRules", new JsonObject()).getBoolean("secret", true);
  }
}
