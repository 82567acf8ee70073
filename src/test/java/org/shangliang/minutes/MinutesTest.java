package org.shangliang.minutes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * A meeting run through the real bridge — two matters, six speeches of known lengths (one ended by
 * the clock, one over the matter's limit after an extension), a hand refused by 限次, the host's
 * summary, a named and a secret vote — then its minutes, checked field by field, edited, approved
 * (locked) and corrected by an addendum.
 */
class MinutesTest {
  static final String SUMMARY = "大家都同意建充电棚，分歧在费用：多数意见是维修基金列支，物业负责日常管理。";
  static final String NAMED_MOTION = "同意在3号楼北侧空地建设电动自行车集中充电棚";
  static final String SECRET_MOTION = "同意由业委会监督充电棚的收费标准";

  TestServer server;
  BridgeClient host;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    kiosk = server.bridge(server.token("Kiosk 3"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  JsonObject hostDoes(String action, JsonObject params) {
    return Await.result(command(host, action, params));
  }

  JsonObject hostDoes(String action) {
    return hostDoes(action, new JsonObject());
  }

  JsonObject minutes(BridgeClient who, String action, JsonObject params) {
    return Await.result(who.request(ConsoleAddresses.MINUTES, params.copy().put("action", action)
        .put("meetingId", DemoData.MEETING_ID))).getJsonObject("minutes");
  }

  void assertRefused(String code, BridgeClient who, String action, JsonObject params) {
    Await.failure(who.request(ConsoleAddresses.MINUTES, params.copy().put("action", action)
        .put("meetingId", DemoData.MEETING_ID)), code);
  }

  /** Gives the floor to the attendee (their hand raised first), waits, ends it; answers the time measured here. */
  long speech(int attendee, long millis) throws Exception {
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(attendee))));
    long start = System.currentTimeMillis();
    hostDoes("giveFloor", new JsonObject().put("attendeeId", attendee(attendee)));
    Thread.sleep(millis);
    hostDoes("endSpeech");
    return System.currentTimeMillis() - start;
  }

  void vote(String motion, boolean secret, Map<Integer, String> ballots) {
    String voteId = hostDoes("openVote", new JsonObject().put("motion", motion).put("secret", secret)
        .put("walkInsVote", false).put("liveTally", false).put("base", "CAST")).getString("voteId");
    ballots.forEach((n, choice) -> Await.result(command(kiosk, "castBallot", new JsonObject()
        .put("attendeeId", attendee(n)).put("voteId", voteId).put("choice", choice))));
    hostDoes("closeVote");
    hostDoes("announceResult");
  }

  static void assertAbout(long expectedMs, JsonObject speech, String who) {
    long used = speech.getLong("usedMs");
    assertTrue(Math.abs(used - expectedMs) <= 1_000, who + ": recorded " + used + " ms, measured " + expectedMs + " ms");
    assertEquals(Math.round(used / 1000.0), speech.getLong("seconds"), who);
  }

  @Test
  @DisplayName("the minutes drafted at the close hold every speech with its start, length and overrun, the 限次 refusal, the summary, both votes with the roll call of the named one only, and the resolution")
  void draftedFieldByField() throws Exception {
    // matter 1: two-second speeches, one each
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS, new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0.speechSeconds", 2).put("agenda.0.speechesPerPerson", 1))));
    hostDoes("openMeeting");
    for (int n = 1; n <= 5; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    List<Long> measured = new ArrayList<>();
    measured.add(speech(1, 1_000));
    // the second runs out by itself after its two seconds
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(2))));
    hostDoes("giveFloor", new JsonObject().put("attendeeId", attendee(2)));
    Await.until("the clock ends the speech", 10_000, () -> Await.result(command(host, "snapshot"))
        .getJsonObject("meeting").getValue("floor") == null);
    measured.add(2_000L);
    // the third is extended by 30 s and goes on three seconds: one second over the matter's two
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(3))));
    long start = System.currentTimeMillis();
    hostDoes("giveFloor", new JsonObject().put("attendeeId", attendee(3)));
    hostDoes("extendSpeech", new JsonObject().put("seconds", 30));
    Thread.sleep(3_000);
    hostDoes("endSpeech");
    measured.add(System.currentTimeMillis() - start);
    // 限次: the first speaker asks again and is refused
    Await.failure(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))), "SPEECH_LIMIT_REACHED");
    hostDoes("summarise", new JsonObject().put("text", SUMMARY));
    vote(NAMED_MOTION, false, Map.of(1, "FOR", 2, "FOR", 3, "AGAINST", 4, "FOR"));

    // matter 2: three more speeches
    hostDoes("gotoMatter", new JsonObject().put("index", 1));
    measured.add(speech(4, 1_000));
    measured.add(speech(1, 2_000));
    measured.add(speech(2, 500));
    vote(SECRET_MOTION, true, Map.of(1, "FOR", 2, "AGAINST", 3, "ABSTAIN", 4, "AGAINST", 5, "AGAINST"));
    hostDoes("closeMeeting");

    BridgeClient staff = server.bridge(server.login("staff"));
    JsonObject m = minutes(staff, "getMinutes", new JsonObject());
    assertEquals("DRAFT", m.getString("status"));
    assertEquals(DemoData.MEETING_ID, m.getString("id"));
    assertFalse(m.getString("room").isBlank());
    assertNotNull(m.getLong("openedAt"));
    assertTrue(m.getLong("closedAt") >= m.getLong("openedAt"));
    assertEquals(List.of("cadre", "grid"), m.getJsonArray("hosts").stream().map(h -> ((JsonObject) h).getString("id")).toList());
    JsonObject attendance = m.getJsonObject("attendance");
    assertEquals(10, attendance.getInteger("invited"));
    assertEquals(5, attendance.getInteger("present"));
    assertEquals(5, attendance.getInteger("absent"));
    assertEquals(0, attendance.getInteger("walkIns"));
    assertEquals(5, attendance.getJsonArray("present_names").size());

    JsonArray matters = m.getJsonArray("matters");
    assertEquals(3, matters.size(), "the demo agenda, every matter in order");
    JsonObject first = matters.getJsonObject(0);
    JsonArray speeches = first.getJsonArray("speeches");
    assertEquals(3, speeches.size());
    assertAbout(measured.get(0), speeches.getJsonObject(0), "the first speech");
    assertEquals("HOST", speeches.getJsonObject(0).getString("endedBy"));
    assertEquals(0, speeches.getJsonObject(0).getInteger("overrunSeconds"));
    assertEquals(2_000L, (long) speeches.getJsonObject(1).getLong("usedMs"), "a speech the clock ended used exactly its time");
    assertEquals("CLOCK", speeches.getJsonObject(1).getString("endedBy"));
    assertAbout(measured.get(2), speeches.getJsonObject(2), "the extended speech");
    assertEquals(32, speeches.getJsonObject(2).getInteger("allowedSeconds"));
    assertEquals(speeches.getJsonObject(2).getLong("seconds") - 2, (long) speeches.getJsonObject(2).getInteger("overrunSeconds"));
    assertTrue(speeches.getJsonObject(2).getInteger("overrunSeconds") >= 1, "over the matter's two seconds");
    long previousStart = 0;
    for (Object o : speeches) {
      long started = ((JsonObject) o).getLong("startedAt");
      assertTrue(started > previousStart && started >= m.getLong("openedAt"), "speeches in the order held");
      previousStart = started;
    }
    JsonArray refusals = first.getJsonArray("refusals");
    assertEquals(1, refusals.size());
    assertEquals(attendee(1), refusals.getJsonObject(0).getString("attendeeId"));
    assertEquals(SUMMARY, first.getString("summary"));

    JsonObject named = first.getJsonArray("votes").getJsonObject(0);
    assertEquals(NAMED_MOTION, named.getString("motion"));
    assertFalse(named.getBoolean("secret"));
    assertEquals(new JsonObject().put("for", 3).put("against", 1).put("abstain", 0).put("cast", 4).put("entitled", 5),
        named.getJsonObject("tally"));
    assertTrue(named.getBoolean("passed"));
    assertTrue(named.getString("why").contains("超过计票基数 4 的半数"), named.getString("why"));
    JsonArray rollCall = named.getJsonArray("rollCall");
    assertEquals(4, rollCall.size());
    Map<String, String> names = new java.util.HashMap<>();
    attendance.getJsonArray("present_names").forEach(n -> names.put((String) n, ""));
    rollCall.forEach(o -> assertTrue(names.containsKey(((JsonObject) o).getString("name")), "a present attendee: " + o));
    assertEquals(3, rollCall.stream().filter(o -> "FOR".equals(((JsonObject) o).getString("choice"))).count());
    assertEquals("通过：" + NAMED_MOTION, first.getJsonObject("resolution").getString("text"));

    JsonObject second = matters.getJsonObject(1);
    assertEquals(3, second.getJsonArray("speeches").size());
    for (int i = 0; i < 3; i++) {
      assertAbout(measured.get(3 + i), second.getJsonArray("speeches").getJsonObject(i), "speech " + (4 + i));
    }
    assertEquals(0, second.getJsonArray("refusals").size());
    assertEquals("", second.getString("summary"));
    JsonObject secret = second.getJsonArray("votes").getJsonObject(0);
    assertTrue(secret.getBoolean("secret"));
    assertNull(secret.getValue("rollCall"), "a secret vote has no roll call");
    assertFalse(secret.getBoolean("passed"));
    assertEquals(3, secret.getJsonObject("tally").getInteger("against"));
    assertEquals("未通过：" + SECRET_MOTION, second.getJsonObject("resolution").getString("text"));
  }

  @Test
  @DisplayName("the hosts edit the draft with the version they read; approval locks it; later corrections are addenda with who and when; others may only read")
  void editApproveAndAmend() throws Exception {
    hostDoes("openMeeting");
    assertRefused("MINUTES_NOT_READY", host, "getMinutes", new JsonObject());
    hostDoes("closeMeeting");
    JsonObject draft = minutes(host, "getMinutes", new JsonObject());
    String matterId = draft.getJsonArray("matters").getJsonObject(0).getString("id");
    long due = System.currentTimeMillis() + 30L * 86_400_000L;
    JsonObject edited = minutes(host, "editMinutes", new JsonObject().put("version", draft.getLong("version"))
        .put("recorder", "张记录").put("notes", "会后由网格员通知未到会居民。")
        .put("matters", new JsonArray().add(new JsonObject().put("id", matterId).put("summary", SUMMARY)
            .put("resolution", new JsonObject().put("text", "建设充电棚").put("responsible", "物业公司").put("dueAt", due)))));
    assertEquals(draft.getLong("version") + 1, edited.getLong("version"));
    assertEquals("张记录", edited.getString("recorder"));
    JsonObject resolution = edited.getJsonArray("matters").getJsonObject(0).getJsonObject("resolution");
    assertEquals("物业公司", resolution.getString("responsible"));
    assertEquals(due, resolution.getLong("dueAt"));

    // a second editor with the old version is told, not overwritten
    assertRefused("CONFLICT", host, "editMinutes", new JsonObject().put("version", draft.getLong("version"))
        .put("recorder", "李记录"));
    // staff read but do not host this meeting; nor may an unknown matter be named
    BridgeClient staff = server.bridge(server.login("staff"));
    assertRefused("FORBIDDEN", staff, "editMinutes", new JsonObject().put("version", edited.getLong("version"))
        .put("recorder", "王"));
    assertRefused("MATTER_NOT_IN_MEETING", host, "editMinutes", new JsonObject().put("version", edited.getLong("version"))
        .put("matters", new JsonArray().add(new JsonObject().put("id", "nosuchmatter").put("summary", "x"))));
    assertRefused("MINUTES_NOT_APPROVED", host, "addAddendum", new JsonObject().put("text", "更正"));
    assertRefused("BAD_REQUEST", host, "editMinutes", new JsonObject().put("version", edited.getLong("version"))
        .put("recorder", "x".repeat(41)));

    JsonObject approved = minutes(host, "approveMinutes", new JsonObject().put("version", edited.getLong("version")));
    assertEquals("APPROVED", approved.getString("status"));
    assertEquals("cadre", approved.getJsonObject("approvedBy").getString("id"));
    assertRefused("MINUTES_LOCKED", host, "editMinutes", new JsonObject().put("version", approved.getLong("version"))
        .put("recorder", "李记录"));
    assertRefused("MINUTES_LOCKED", host, "approveMinutes", new JsonObject().put("version", approved.getLong("version")));

    BridgeClient grid = server.bridge(server.login("grid"));
    JsonObject amended = minutes(grid, "addAddendum", new JsonObject().put("text", "更正：责任主体为物业公司和业委会共同负责。"));
    JsonObject addendum = amended.getJsonArray("addenda").getJsonObject(0);
    assertEquals("grid", addendum.getJsonObject("by").getString("id"));
    assertEquals("更正：责任主体为物业公司和业委会共同负责。", addendum.getString("text"));
    assertEquals("张记录", amended.getString("recorder"), "the approved text is as it was");
    assertRefused("FORBIDDEN", staff, "addAddendum", new JsonObject().put("text", "x"));

    // every change is in the audit log
    long audited = Await.result(server.app.db().mongo().count("audit", new JsonObject().put("area", "minutes")));
    assertEquals(3, audited);

    // 过程公示 in one step: the process notice now carries what the approved minutes say
    String body = Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "processNotice")
        .put("meetingId", DemoData.MEETING_ID))).getJsonObject("notice").getString("body");
    assertTrue(body.contains("到会：实到 0 人（应到 10 人）"), body);
    assertTrue(body.contains("- 主持人总结：" + SUMMARY.substring(0, 20)), body);
    assertTrue(body.contains("- 决议：建设充电棚；责任主体：物业公司；完成时限："), body);
    assertTrue(body.contains("由 " + approved.getJsonObject("approvedBy").getString("name") + " 审定，另有补充更正 1 条"), body);
    assertTrue(body.endsWith("公示期不少于7天。如有意见，欢迎扫码评价、提建议。"), body);
  }
}
