package org.shangliang.forum;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.request.RequestVerticle;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.text.Collator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly forum over a year of records. Requests are entered, taken, mediated, promoted and
 * rated through request.cmd over the bridge, as staff would; meetings (with attendees and
 * speeches), solved resolutions, result notices and phones' ratings are written directly into
 * MongoDB, since holding twelve meetings and approving their minutes through the room would take
 * minutes. The expected rankings are computed here, by the rules, from what this test seeded.
 */
class ForumRankingsTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long DAY = 24 * 3600_000L;
  static final Collator CHINESE = Collator.getInstance(Locale.CHINA);
  static final String[] EXTRA_NAMES = {"钱大伯", "冯阿姨", "陈师傅", "褚老师", "卫大姐"};

  static TestServer server;
  static BridgeClient admin;
  static MongoClient mongo;
  static int year;
  static long yearStart;
  static final List<String> members = new ArrayList<>();
  static final Map<String, String> names = new HashMap<>();
  static final Map<String, String> phones = new HashMap<>();
  // what the test seeded, tallied by the rules
  static final Map<String, Set<String>> held = new HashMap<>();
  static final Map<String, Integer> settled = new HashMap<>();
  static final Map<String, Set<String>> settledRequests = new HashMap<>();
  static final Map<String, String> finalRating = new HashMap<>();
  static final Map<String, Set<String>> attended = new HashMap<>();
  static final Map<String, Integer> speeches = new HashMap<>();
  static final Map<String, Integer> topics = new HashMap<>();
  static final List<JsonObject> expectedCases = new ArrayList<>();

  @BeforeAll
  static void seedYear() throws Exception {
    server = TestServer.start();
    admin = server.bridge(server.login("admin"));
    mongo = server.app.db().mongo();
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    year = now.getYear();
    yearStart = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZONE).toInstant().toEpochMilli();
    seedMembers();
    seedMeetings();
    seedRequests();
    seedResolutions();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** The demo's ten members get phones; five more join the register (directly in MongoDB). */
  static void seedMembers() {
    for (int i = 0; i < 15; i++) {
      String id = String.format("00000000000000000000a%03d", i + 101);
      String phone = String.format("1390000%04d", i);
      members.add(id);
      phones.put(id, phone);
      if (i < 10) {
        Await.result(mongo.updateCollection("members", new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("phone", phone))));
        names.put(id, Await.result(mongo.findOne("members", new JsonObject().put("_id", id), null)).getString("name"));
      } else {
        names.put(id, EXTRA_NAMES[i - 10]);
        Await.result(mongo.insert("members", new JsonObject().put("_id", id).put("name", EXTRA_NAMES[i - 10])
            .put("phone", phone).put("kinds", new JsonArray().add("RESIDENT_REP")).put("gridId", DemoData.GRID_IDS[0])
            .put("active", true)));
      }
    }
  }

  /** Twelve closed meetings this year, one last year and one still scheduled (both must not count); directly in MongoDB. */
  static void seedMeetings() {
    for (int i = 0; i < 14; i++) {
      String meetingId = String.format("%024x", 0xf000 + i);
      boolean counted = i < 12;
      long startsAt = i == 12 ? yearStart - 30 * DAY : yearStart + (i + 1) * 3 * DAY;
      JsonArray agenda = new JsonArray();
      List<JsonObject> attendeeDocs = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        agenda.add(new JsonObject().put("id", "m" + i + "-" + k).put("title", "议题" + i + "-" + k)
            .put("speeches", new JsonArray()).put("speechCounts", new JsonObject()));
      }
      for (int j = 0; j < members.size(); j++) {
        if ((i + j) % 3 == 0) {
          continue;
        }
        String member = members.get(j);
        String attendeeId = String.format("%024x", 0xe0000 + i * 100 + j);
        boolean checkedIn = (i * j) % 4 != 1;
        int spoke = 0;
        for (int k = 0; k < 2; k++) {
          int times = (i + j + k) % 5 == 0 ? j % 3 + 1 : 0;
          for (int s = 0; s < times; s++) {
            agenda.getJsonObject(k).getJsonArray("speeches").add(new JsonObject().put("attendeeId", attendeeId)
                .put("name", names.get(member)).put("startedAt", startsAt + s).put("endedAt", startsAt + s + 60_000));
          }
          spoke += times;
        }
        attendeeDocs.add(new JsonObject().put("_id", attendeeId).put("meetingId", meetingId).put("memberId", member)
            .put("name", names.get(member)).put("checkedInAt", checkedIn ? startsAt : null));
        if (counted && (checkedIn || spoke > 0)) {
          attended.computeIfAbsent(member, m -> new LinkedHashSet<>()).add(meetingId);
          speeches.merge(member, spoke, Integer::sum);
        }
      }
      // a walk-in who spoke: not in the register, counted for no one
      String walkIn = String.format("%024x", 0xe0000 + i * 100 + 99);
      attendeeDocs.add(new JsonObject().put("_id", walkIn).put("meetingId", meetingId).put("name", "路过的居民")
          .put("checkedInAt", startsAt));
      agenda.getJsonObject(0).getJsonArray("speeches").add(new JsonObject().put("attendeeId", walkIn));
      attendeeDocs.forEach(a -> Await.result(mongo.insert("attendees", a)));
      Await.result(mongo.insert("meetings", new JsonObject().put("_id", meetingId).put("roomId", DemoData.ROOM_ID)
          .put("title", "第" + (i + 1) + "次议事会").put("status", i == 13 ? "SCHEDULED" : "CLOSED").put("startsAt", startsAt)
          .put("openedAt", startsAt).put("closedAt", startsAt + 7200_000L).put("agenda", agenda).put("version", 1L)));
    }
  }

  /** Sixty requests through request.cmd: disputes mediated, some promoted (as members' topics), some rated. */
  static void seedRequests() {
    for (int i = 0; i < 60; i++) {
      boolean dispute = i % 3 == 0;
      String member = i % 5 == 1 ? members.get((i / 10) % 15) : null;
      String phone = member != null ? phones.get(member) : String.format("1370000%04d", i);
      JsonObject entered = request("enterRequest", new JsonObject().put("channel", "PHONE")
          .put("kind", dispute ? "邻里纠纷" : "楼院设施").put("what", "第" + i + "件：楼上漏水，协商多次未果。".repeat(3))
          .put("gridId", DemoData.GRID_IDS[i % 2]).put("name", "居民" + i).put("phone", phone));
      String id = entered.getJsonObject("request").getString("id");
      boolean rated = i % 4 == 0;
      boolean promoted = member != null && !rated;
      if (dispute || rated || promoted) {
        request("takeRequest", new JsonObject().put("id", id));
      }
      if (dispute) {
        mediate(id, i);
      }
      if (promoted) {
        request("promoteRequest", new JsonObject().put("id", id).put("topicKind", "CONSULTATION").put("urgency", 2));
        topics.merge(member, 1, Integer::sum);
      }
      if (rated) {
        rate(id, i);
      }
    }
  }

  static void mediate(String id, int i) {
    List<String> mediators = new ArrayList<>(new LinkedHashSet<>(i % 4 == 3 ? List.of(members.get(i % 15))
        : List.of(members.get(i % 15), members.get((i * 7 + 3) % 15))));
    recordMediation(id, mediators, i % 6 == 0);
    if (i % 9 == 0) {
      recordMediation(id, List.of(members.get((i + 4) % 15)), true);
    }
  }

  static void recordMediation(String id, List<String> mediators, boolean done) {
    request("mediateRequest", new JsonObject().put("id", id).put("mediatorMemberIds", new JsonArray(mediators))
        .put("settled", done).put("note", "双方达成谅解，签订调解协议"));
    long count = mediators.size();
    for (String m : mediators) {
      held.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(id + "#" + held.getOrDefault(m, Set.of()).size());
      if (done) {
        settled.merge(m, 1, Integer::sum);
        settledRequests.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(id);
      }
    }
    assertTrue(count > 0);
  }

  static void rate(String id, int i) {
    String rating = i % 8 == 0 ? "SATISFIED" : i % 16 == 4 ? "BASIC" : "UNSATISFIED";
    request("agreeRequest", new JsonObject().put("id", id).put("task", "物业维修管道").put("responsible", "物业赵经理")
        .put("dueAt", System.currentTimeMillis() + DAY).put("residentConfirmedBy", "居民" + i));
    request("completeRequest", new JsonObject().put("id", id).put("note", "已修好"));
    request("informRequest", new JsonObject().put("id", id).put("via", "PHONE"));
    JsonObject after = request("rateRequest", new JsonObject().put("id", id).put("rating", rating)).getJsonObject("request");
    finalRating.put(id, rating);
    if (rating.equals("SATISFIED")) {
      expectedCases.add(new JsonObject().put("entryId", "request:" + id).put("satisfaction", 1.0).put("ratings", 1)
          .put("at", after.getLong("updatedAt")));
    }
  }

  /**
   * Resolutions directly in MongoDB (solving one takes approved minutes): eight solved this year with
   * their result notices' ratings, one solved last year and one still open (neither counts).
   */
  static void seedResolutions() {
    String[][] ratings = {{"SATISFIED", "SATISFIED", "SATISFIED"}, {"SATISFIED", "BASIC"}, {"SATISFIED", "UNSATISFIED"},
        {}, {"BASIC", "BASIC", "BASIC", "UNSATISFIED"}, {"SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED"},
        {"UNSATISFIED"}, {"SATISFIED"}, {"SATISFIED"}, {"SATISFIED"}};
    for (int r = 0; r < ratings.length; r++) {
      String meetingId = String.format("%024x", 0xf000 + r);
      String matterId = "m" + r + "-0";
      boolean counted = r < 8;
      long solvedAt = r == 8 ? yearStart - DAY : yearStart + (r + 2) * 5 * DAY;
      Await.result(mongo.insert("resolutions", new JsonObject().put("_id", meetingId + "." + matterId)
          .put("meetingId", meetingId).put("matterId", matterId).put("title", "议题" + r + "-0：加装电梯")
          .put("status", r == 9 ? "OPEN" : "SOLVED").put("solvedAt", r == 9 ? null : solvedAt)));
      String noticeId = String.format("%024x", 0xc000 + r);
      Await.result(mongo.insert("notices", new JsonObject().put("_id", noticeId).put("kind", "RESULT")
          .put("title", "结果公示").put("body", "决议").put("state", "PUBLISHED").put("version", 1L)
          .put("targets", new JsonObject().put("everywhere", false).put("grids", new JsonArray()).put("displays", new JsonArray()))
          .put("startsAt", yearStart).put("endsAt", yearStart + DAY).put("history", new JsonArray())
          .put("source", new JsonObject().put("meetingId", meetingId).put("matterId", matterId))));
      long good = 0;
      for (int p = 0; p < ratings[r].length; p++) {
        Await.result(mongo.insert("feedback", new JsonObject().put("_id", noticeId + ".phone" + p).put("noticeId", noticeId)
            .put("phone", "phone" + p).put("rating", ratings[r][p]).put("at", solvedAt)));
        good += ratings[r][p].equals("UNSATISFIED") ? 0 : 1;
      }
      if (counted) {
        expectedCases.add(new JsonObject().put("entryId", "resolution:" + meetingId + "." + matterId)
            .put("satisfaction", ratings[r].length == 0 ? 0.0 : (double) good / ratings[r].length)
            .put("ratings", ratings[r].length).put("at", solvedAt));
      }
    }
  }

  static JsonObject request(String action, JsonObject params) {
    return Await.result(admin.request(RequestVerticle.COMMANDS, params.copy().put("action", action)));
  }

  static Future<JsonObject> forum(BridgeClient client, String action, JsonObject params) {
    return client.request(ConsoleAddresses.FORUM, params.copy().put("action", action));
  }

  static JsonObject rankings() {
    return Await.result(forum(admin, "forumRankings", new JsonObject().put("year", year)));
  }

  static List<String> idsAndScores(JsonArray entries, int limit) {
    return entries.stream().map(JsonObject.class::cast).limit(limit)
        .map(e -> e.getString("entryId") + "=" + e.getDouble("score")).toList();
  }

  @Test
  @DisplayName("the three rankings are the ones the rules give over the seeded year, each entry with its inputs")
  void rankingsFollowTheRules() {
    JsonObject computed = rankings().getJsonObject("computed");

    List<JsonObject> mediators = new ArrayList<>();
    held.forEach((m, h) -> {
      double satisfied = settledRequests.getOrDefault(m, Set.of()).stream()
          .mapToDouble(id -> switch (finalRating.getOrDefault(id, "")) {
            case "SATISFIED" -> 1.0;
            case "BASIC" -> 0.5;
            default -> 0.0;
          }).sum();
      int s = settled.getOrDefault(m, 0);
      mediators.add(new JsonObject().put("entryId", m).put("score", s * 3 + h.size() + satisfied * 2).put("settled", s)
          .put("held", h.size()).put("name", names.get(m)));
    });
    mediators.sort(Comparator.<JsonObject>comparingDouble(e -> -e.getDouble("score"))
        .thenComparingInt(e -> -e.getInteger("settled")).thenComparing(e -> e.getString("name"), CHINESE));
    assertEquals(idsAndScores(new JsonArray(mediators), 5), idsAndScores(computed.getJsonArray("mediators"), 5));
    JsonObject top = computed.getJsonArray("mediators").getJsonObject(0);
    assertEquals(mediators.get(0).getInteger("held"), top.getJsonObject("inputs").getInteger("held"));
    assertEquals(settledRequests.get(top.getString("entryId")),
        Set.copyOf(top.getJsonObject("inputs").getJsonArray("settledRequestIds").getList()));

    List<JsonObject> councillors = new ArrayList<>();
    for (String m : members) {
      int a = attended.getOrDefault(m, Set.of()).size();
      double score = a * 2 + speeches.getOrDefault(m, 0) + topics.getOrDefault(m, 0) * 3;
      if (score > 0) {
        councillors.add(new JsonObject().put("entryId", m).put("score", score).put("attended", a).put("name", names.get(m)));
      }
    }
    councillors.sort(Comparator.<JsonObject>comparingDouble(e -> -e.getDouble("score"))
        .thenComparingInt(e -> -e.getInteger("attended")).thenComparing(e -> e.getString("name"), CHINESE));
    assertEquals(idsAndScores(new JsonArray(councillors), 5), idsAndScores(computed.getJsonArray("councillors"), 5));
    JsonObject first = computed.getJsonArray("councillors").getJsonObject(0);
    assertEquals(attended.get(first.getString("entryId")),
        Set.copyOf(first.getJsonObject("inputs").getJsonArray("meetingIds").getList()));

    List<JsonObject> cases = new ArrayList<>(expectedCases);
    cases.sort(Comparator.<JsonObject>comparingDouble(c -> -c.getDouble("satisfaction"))
        .thenComparingInt(c -> -c.getInteger("ratings")).thenComparingLong(c -> -c.getLong("at"))
        .thenComparing(c -> c.getString("entryId")));
    assertEquals(cases.stream().limit(10).map(c -> c.getString("entryId") + "=" + c.getDouble("satisfaction")).toList(),
        computed.getJsonArray("cases").stream().map(JsonObject.class::cast).limit(10)
            .map(c -> c.getString("entryId") + "=" + c.getDouble("satisfaction")).toList());
    assertTrue(rankings().getJsonObject("rules").getString("mediators").contains("调解成功次数 × 3"),
        "the rule is shown next to the list");
  }

  @Test
  @DisplayName("an override without a reason is refused and changes nothing; with one it is applied and shows who and why")
  void overridesNeedAReason() {
    JsonObject before = rankings();
    JsonArray computedCases = before.getJsonObject("computed").getJsonArray("cases");
    String seventh = computedCases.getJsonObject(6).getString("entryId");
    Await.failure(forum(admin, "overrideRanking", new JsonObject().put("year", year).put("list", "cases")
        .put("entryId", seventh).put("position", 1)), "FORUM_REASON_REQUIRED");
    Await.failure(forum(admin, "overrideRanking", new JsonObject().put("year", year).put("list", "cases")
        .put("entryId", seventh).put("position", 1).put("reason", "   ")), "FORUM_REASON_REQUIRED");
    Await.failure(forum(admin, "overrideRanking", new JsonObject().put("year", year).put("list", "cases")
        .put("entryId", "request:000000000000000000000000").put("position", 1).put("reason", "试试")), "FORUM_ENTRY_UNKNOWN");
    assertEquals(0, Await.result(mongo.count("forumOverrides", new JsonObject())));

    JsonObject after = Await.result(forum(admin, "overrideRanking", new JsonObject().put("year", year).put("list", "cases")
        .put("entryId", seventh).put("position", 1).put("reason", "社区评议会推荐：此案例在全街道推广")));
    JsonObject shownFirst = after.getJsonArray("cases").getJsonObject(0);
    assertEquals(seventh, shownFirst.getString("entryId"));
    assertEquals("社区评议会推荐：此案例在全街道推广", shownFirst.getJsonObject("override").getString("reason"));
    assertEquals("admin", shownFirst.getJsonObject("override").getJsonObject("by").getString("id"));
    assertEquals(computedCases.getJsonObject(0).getString("entryId"), after.getJsonArray("cases").getJsonObject(1).getString("entryId"));

    String topMediator = before.getJsonObject("computed").getJsonArray("mediators").getJsonObject(0).getString("entryId");
    JsonObject removed = Await.result(forum(admin, "overrideRanking", new JsonObject().put("year", year).put("list", "mediators")
        .put("entryId", topMediator).put("remove", true).put("reason", "本人已获区级表彰，让给他人")));
    assertFalse(removed.getJsonArray("mediators").stream().anyMatch(e -> ((JsonObject) e).getString("entryId").equals(topMediator)));
    assertEquals(before.getJsonObject("computed").getJsonArray("mediators").getJsonObject(5).getString("entryId"),
        removed.getJsonArray("mediators").getJsonObject(4).getString("entryId"), "the sixth moves up");
    assertEquals(2, removed.getJsonArray("overrides").size());
    assertEquals(2, Await.result(mongo.count("audit", new JsonObject().put("area", "forum").put("action", "overrideRanking"))));
  }

  @Test
  @DisplayName("a viewer and a grid worker read the rankings but cannot override or publish them")
  void onlyCommunityEditorsChange() throws Exception {
    Await.result(server.app.accounts().save("viewer1", "只读查看员", Identity.Role.VIEWER, "viewer-password-1", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "viewer1", "viewer-password-1"));
    BridgeClient grid = server.bridge(server.login("grid"));
    String entry = rankings().getJsonObject("computed").getJsonArray("councillors").getJsonObject(0).getString("entryId");
    for (BridgeClient reader : List.of(viewer, grid)) {
      Await.result(forum(reader, "forumRankings", new JsonObject().put("year", year)));
      Await.failure(forum(reader, "overrideRanking", new JsonObject().put("year", year).put("list", "councillors")
          .put("entryId", entry).put("remove", true).put("reason", "不合适")), "FORBIDDEN");
      Await.failure(forum(reader, "publishForum", new JsonObject().put("year", year)), "FORBIDDEN");
    }
    assertEquals(0, Await.result(mongo.count("forumOverrides", new JsonObject().put("list", "councillors"))));
  }

  @Test
  @DisplayName("publishForum posts the honours on every board, and publishing again updates the same notice")
  void publishPostsTheHonours() {
    JsonObject shown = rankings();
    JsonObject notice = Await.result(forum(admin, "publishForum", new JsonObject().put("year", year))).getJsonObject("notice");
    assertEquals("邻里协商论坛 " + year + " 年表彰", notice.getString("title"));
    assertEquals("PUBLICITY", notice.getString("kind"));
    assertEquals("PUBLISHED", notice.getString("state"));
    assertTrue(notice.getJsonObject("targets").getBoolean("everywhere"));
    String body = notice.getString("body");
    assertTrue(body.contains("优秀人民调解员") && body.contains("十佳议事员") && body.contains("典型案例"), body);
    shown.getJsonArray("councillors").forEach(e -> assertTrue(body.contains(((JsonObject) e).getString("name")), body));
    Await.result(forum(admin, "publishForum", new JsonObject().put("year", year)));
    assertEquals(1, Await.result(mongo.count("notices", new JsonObject().put("source.forumYear", year))));
  }

  @Test
  @DisplayName("a mediation is refused on a request that is not a dispute or with a mediator not in the register; a member's history lists theirs")
  void mediationRulesAndHistory() {
    String other = Await.result(mongo.findOne("requests", new JsonObject().put("kind", "楼院设施").put("status", "CONSULTING"), null))
        .getString("_id");
    Await.failure(admin.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "mediateRequest").put("id", other)
        .put("mediatorMemberIds", new JsonArray().add(members.get(0))).put("settled", true)), "MEDIATION_NOT_DISPUTE");
    String dispute = Await.result(mongo.findOne("requests", new JsonObject().put("kind", "邻里纠纷").put("status", "CONSULTING"), null))
        .getString("_id");
    Await.failure(admin.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "mediateRequest").put("id", dispute)
        .put("mediatorMemberIds", new JsonArray().add("0000000000000000000fffff")).put("settled", true)), "MEDIATOR_UNKNOWN");

    String member = members.get(0);
    JsonObject history = Await.result(admin.request(ConsoleAddresses.ARCHIVE, new JsonObject().put("action", "memberHistory")
        .put("memberId", member)));
    assertEquals(held.get(member).size(), history.getJsonArray("mediations").size());
    assertEquals(settled.getOrDefault(member, 0), history.getJsonObject("totals").getInteger("mediationsSettled"));
  }
}
