package org.shangliang.plan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meetings planned over time in one room, through the real bridge: the invited members become the
 * check-in list and the quorum's base, the room moves on to the next meeting when one closes (its
 * kiosk follows without being touched), only the named hosts run a meeting, and a plan is frozen
 * once its meeting begins.
 */
class MeetingPlanningTest {
  static final String ROOM = DemoData.ROOM_ID;
  static final String PLAN = "plan.cmd";
  static final String ROOMS = "room.cmd";
  static final long DAY = 86_400_000L;

  TestServer server;
  BridgeClient staff;
  BridgeClient cadre;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    // these tests invite from a register of their own (the demo seeds its meeting's ten members)
    Await.result(server.app.db().mongo().removeDocuments(MemberStore.COLLECTION, new JsonObject()));
    staff = server.bridge(server.login("staff"));
    cadre = server.bridge(server.login("cadre"));
    kiosk = server.bridge(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("the invited list drives check-in and quorum; the room and its kiosk move on to the next meeting when one closes")
  void roomMovesOnToTheInvitedMeeting() throws Exception {
    List<String> residents = List.of(member("居民甲", "RESIDENT_REP"), member("居民乙", "RESIDENT_REP"),
        member("居民丙", "RESIDENT_REP"));
    String lawyer = member("王律师", "LEGAL");
    member("物业孙经理", "PROPERTY");
    JsonObject saved = Await.result(cmd(staff, PLAN, "saveMeeting", meeting("电动车停放议事会", System.currentTimeMillis() + DAY)
        .put("invitedKinds", new JsonArray().add("RESIDENT_REP")).put("invitedMembers", new JsonArray().add(lawyer))))
        .getJsonObject("meeting");
    String second = saved.getString("id");
    List<String> invited = names(saved.getJsonArray("invited"));
    assertEquals(List.of("王律师", "居民丙", "居民乙", "居民甲").stream().sorted().toList(), invited.stream().sorted().toList(),
        "residents by kind and the lawyer by name; not the property manager");

    JsonArray listed = Await.result(cmd(staff, PLAN, "listMeetings", new JsonObject().put("roomId", ROOM))).getJsonArray("meetings");
    assertEquals(2, listed.size());
    assertTrue(find(listed, DemoData.MEETING_ID).getBoolean("current"), "the demo meeting is not over: the room stays on it");
    assertFalse(find(listed, second).getBoolean("current"));

    List<JsonObject> pushed = new CopyOnWriteArrayList<>();
    kiosk.register("room." + ROOM + ".state", pushed::add);
    Await.result(cmd(cadre, ROOMS, "openMeeting", new JsonObject().put("roomId", ROOM)));
    JsonObject closed = Await.result(cmd(cadre, ROOMS, "closeMeeting", new JsonObject().put("roomId", ROOM)));
    assertEquals(second, closed.getString("nextMeetingId"));

    Await.until("the kiosk is sent the next meeting with its invited", 5000, () -> pushed.stream().anyMatch(s -> s.getJsonObject("meeting") != null
            && second.equals(s.getJsonObject("meeting").getString("id")) && s.getJsonArray("attendees") != null
            && s.getJsonArray("attendees").size() == 4));
    JsonObject snapshot = Await.result(cmd(kiosk, ROOMS, "snapshot", new JsonObject()));
    assertEquals("SCHEDULED", snapshot.getJsonObject("meeting").getString("status"));
    assertEquals(4, snapshot.getJsonObject("presence").getInteger("invited"));
    assertEquals(2, snapshot.getJsonObject("presence").getInteger("quorum"), "half of the four invited, by default");

    // the personal kiosk was freed of the first meeting's attendee: it checks in someone of the second
    String residentAttendee = attendeeNamed(snapshot, "居民甲");
    Await.result(cmd(kiosk, ROOMS, "checkIn", new JsonObject().put("attendeeId", residentAttendee)));
    assertEquals(residents.size() + 1, snapshot.getJsonArray("attendees").size());
  }

  @Test
  @DisplayName("only the meeting's hosts (or an administrator) run it, and its plan is frozen once it begins")
  void hostsAndFrozenPlan() throws Exception {
    closeDemoMeeting();
    String id = Await.result(cmd(staff, PLAN, "saveMeeting", meeting("单主持的会", System.currentTimeMillis())
        .put("hosts", new JsonArray().add("cadre")))).getJsonObject("meeting").getString("id");
    BridgeClient gridWorker = server.bridge(server.login("grid"));
    var refused = Await.failure(cmd(gridWorker, ROOMS, "openMeeting", new JsonObject().put("roomId", ROOM)), "FORBIDDEN");
    assertTrue(refused.getMessage().contains("主持人"), refused.getMessage());
    Await.result(cmd(cadre, ROOMS, "openMeeting", new JsonObject().put("roomId", ROOM)));

    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("改名", System.currentTimeMillis()).put("id", id)), "MEETING_ALREADY_OPEN");
    BridgeClient admin = server.bridge(server.login("admin"));
    Await.result(cmd(admin, ROOMS, "gotoMatter", new JsonObject().put("roomId", ROOM).put("index", 0)));
  }

  @Test
  @DisplayName("the grid worker co-host (双主持) runs the room alone: opens the meeting, gives the floor, opens and closes a vote")
  void gridWorkerCoHostRunsTheRoom() throws Exception {
    closeDemoMeeting();
    member("居民甲", "RESIDENT_REP");
    JsonObject saved = Await.result(cmd(staff, PLAN, "saveMeeting", meeting("网格员主持的会", System.currentTimeMillis())
        .put("invitedKinds", new JsonArray().add("RESIDENT_REP")))).getJsonObject("meeting");
    assertEquals(new JsonArray().add("cadre").add("grid"), saved.getJsonArray("hosts"));
    BridgeClient gridWorker = server.bridge(server.login("grid"));
    JsonObject room = new JsonObject().put("roomId", ROOM);

    Await.result(cmd(gridWorker, ROOMS, "openMeeting", room));
    String resident = attendeeNamed(Await.result(cmd(kiosk, ROOMS, "snapshot", new JsonObject())), "居民甲");
    Await.result(cmd(kiosk, ROOMS, "checkIn", new JsonObject().put("attendeeId", resident)));
    Await.result(cmd(kiosk, ROOMS, "raiseHand", new JsonObject().put("attendeeId", resident)));
    Await.result(cmd(gridWorker, ROOMS, "giveFloor", room));
    JsonObject floor = Await.result(cmd(gridWorker, ROOMS, "snapshot", room)).getJsonObject("meeting").getJsonObject("floor");
    assertEquals(resident, floor.getString("attendeeId"), "the grid worker gave the floor");
    Await.result(cmd(gridWorker, ROOMS, "endSpeech", room));

    String voteId = Await.result(cmd(gridWorker, ROOMS, "openVote", room.copy().put("motion", "同意议题一的方案")
        .put("secret", false).put("walkInsVote", false).put("liveTally", false).put("base", "CAST"))).getString("voteId");
    Await.result(cmd(kiosk, ROOMS, "castBallot", new JsonObject().put("attendeeId", resident).put("voteId", voteId)
        .put("choice", "FOR")));
    JsonObject outcome = Await.result(cmd(gridWorker, ROOMS, "closeVote", room)).getJsonObject("outcome");
    assertEquals("PASSED", outcome.getString("reason"));
    assertEquals(1, outcome.getInteger("FOR"));
    Await.result(cmd(gridWorker, ROOMS, "announceResult", room));
    Await.result(cmd(gridWorker, ROOMS, "closeMeeting", room));
    assertEquals("CLOSED", Await.result(cmd(staff, PLAN, "getMeeting", new JsonObject().put("id", saved.getString("id"))))
        .getJsonObject("meeting").getString("status"));
  }

  @Test
  @DisplayName("two hosts are a cadre (or administrator) with a grid worker: two cadres, two grid workers or a cadre with an administrator are refused; one host alone is planned")
  void hostsArePaired() throws Exception {
    long at = System.currentTimeMillis() + DAY;
    Await.result(server.app.accounts().save("cadre2", "赵委员（社区）", Identity.Role.CADRE, "cadre2-password", List.of()));
    Await.result(server.app.accounts().save("grid2", "钱网格员", Identity.Role.GRID_WORKER, "grid2-password",
        List.of(DemoData.GRID_IDS[1])));
    var twoCadres = Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("两位社区干部的会", at)
        .put("hosts", new JsonArray().add("cadre").add("cadre2"))), "HOSTS_NOT_PAIRED");
    assertTrue(twoCadres.getMessage().contains("网格员"), twoCadres.getMessage());
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("两位网格员的会", at)
        .put("hosts", new JsonArray().add("grid").add("grid2"))), "HOSTS_NOT_PAIRED");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("社区干部和管理员的会", at)
        .put("hosts", new JsonArray().add("admin").add("cadre"))), "HOSTS_NOT_PAIRED");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at)
        .put("hosts", new JsonArray().add("cadre").add("staff"))), "HOST_NOT_ELIGIBLE");
    assertEquals(1, Await.result(cmd(staff, PLAN, "listMeetings", new JsonObject())).getJsonArray("meetings").size(),
        "no refused plan was saved");

    Await.result(cmd(staff, PLAN, "saveMeeting", meeting("网格员和社区干部", at).put("hosts", new JsonArray().add("grid2").add("cadre2"))));
    Await.result(cmd(staff, PLAN, "saveMeeting", meeting("管理员和网格员", at).put("hosts", new JsonArray().add("admin").add("grid"))));
    Await.result(cmd(staff, PLAN, "saveMeeting", meeting("一位网格员主持", at).put("hosts", new JsonArray().add("grid"))));
    assertEquals(4, Await.result(cmd(staff, PLAN, "listMeetings", new JsonObject())).getJsonArray("meetings").size());
  }

  @Test
  @DisplayName("who may plan, and the checks a schema cannot make")
  void planningRefusals() throws Exception {
    long at = System.currentTimeMillis() + DAY;
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at).put("hosts", new JsonArray().add("staff"))), "HOST_NOT_ELIGIBLE");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at).put("hosts", new JsonArray().add("nobody"))), "HOST_NOT_ELIGIBLE");
    Await.failure(cmd(server.bridge(server.login("grid")), PLAN, "saveMeeting", meeting("会", at)), "FORBIDDEN");
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    Await.failure(cmd(viewer, PLAN, "saveMeeting", meeting("会", at)), "FORBIDDEN");
    assertEquals(1, Await.result(cmd(viewer, PLAN, "listMeetings", new JsonObject())).getJsonArray("meetings").size());
    Await.failure(cmd(kiosk, PLAN, "listMeetings", new JsonObject()), "FORBIDDEN");

    JsonObject secretLive = meeting("会", at);
    secretLive.getJsonArray("agenda").getJsonObject(0).put("vote", new JsonObject().put("secret", true).put("liveTally", true));
    Await.failure(cmd(staff, PLAN, "saveMeeting", secretLive), "LIVE_TALLY_NAMED_ONLY");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at).put("quorum", new JsonObject().put("fraction", 1.5))), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at).put("extra", 1)), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("x".repeat(61), at)), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "saveMeeting", meeting("会", at).put("roomId", "0123456789abcdef01234567")), "NOT_FOUND");
    assertEquals(1, Await.result(cmd(staff, PLAN, "listMeetings", new JsonObject())).getJsonArray("meetings").size(),
        "no refused plan was saved");
  }

  @Test
  @DisplayName("per-matter rules are kept; changing the invitation adds and removes the invited who have not checked in")
  void matterRulesAndInvitationChanges() throws Exception {
    member("居民甲", "RESIDENT_REP");
    String lawyer = member("王律师", "LEGAL");
    JsonObject plan = meeting("加装电梯议事会", System.currentTimeMillis() + DAY).put("invitedKinds", new JsonArray().add("RESIDENT_REP"));
    plan.getJsonArray("agenda").getJsonObject(0).put("speechSeconds", 60).put("speechesPerPerson", 1).put("firstTimeFirst", false)
        .put("invitedKinds", new JsonArray().add("LEGAL")).put("source", "PARTY_BRANCH")
        .put("vote", new JsonObject().put("secret", true).put("base", "PRESENT").put("minimumBallots", 3));
    JsonObject saved = Await.result(cmd(staff, PLAN, "saveMeeting", plan)).getJsonObject("meeting");
    JsonObject matter = saved.getJsonArray("agenda").getJsonObject(0);
    assertEquals(60, matter.getInteger("speechSeconds"));
    assertEquals(1, matter.getInteger("speechesPerPerson"));
    assertFalse(matter.getBoolean("firstTimeFirst"));
    assertEquals("PARTY_BRANCH", matter.getJsonObject("source").getString("kind"));
    assertEquals(new JsonArray().add("LEGAL"), matter.getJsonArray("invitedKinds"));
    JsonObject rules = matter.getJsonObject("voteRules");
    assertTrue(rules.getBoolean("secret"));
    assertFalse(rules.getBoolean("liveTally"), "a secret vote never shows live counts");
    assertEquals("PRESENT", rules.getString("base"));
    assertEquals(3, rules.getInteger("minimumBallots"));
    assertEquals(List.of("居民甲", "王律师"), names(saved.getJsonArray("invited")),
        "residents by the meeting's kind, the lawyer by the matter's (专业的问题请专业的人)");

    JsonObject changed = plan.copy().put("id", saved.getString("id")).put("invitedKinds", new JsonArray())
        .put("invitedMembers", new JsonArray().add(lawyer));
    changed.getJsonArray("agenda").getJsonObject(0).put("id", matter.getString("id"));
    JsonObject again = Await.result(cmd(staff, PLAN, "saveMeeting", changed)).getJsonObject("meeting");
    assertEquals(List.of("王律师"), names(again.getJsonArray("invited")));
    assertEquals(matter.getString("id"), again.getJsonArray("agenda").getJsonObject(0).getString("id"), "the matter kept its id");
  }

  @Test
  @DisplayName("a room with no meeting shows none, and shows the first meeting planned for it at once")
  void newRoomShowsItsFirstMeeting() throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    String room = Await.result(cmd(admin, "community.cmd", "saveRoom", new JsonObject().put("name", "第二议事室")))
        .getJsonObject("room").getString("id");
    assertNull(Await.result(cmd(cadre, ROOMS, "snapshot", new JsonObject().put("roomId", room))).getValue("meeting"));
    String id = Await.result(cmd(staff, PLAN, "saveMeeting", meeting("第一次会", System.currentTimeMillis() + DAY)
        .put("roomId", room))).getJsonObject("meeting").getString("id");
    assertEquals(id, Await.result(cmd(cadre, ROOMS, "snapshot", new JsonObject().put("roomId", room)))
        .getJsonObject("meeting").getString("id"));
  }

  @Test
  @DisplayName("a meeting planned to start before the one the room awaits takes its place at once; a later one does not, and a meeting being held is never left")
  void anEarlierMeetingComesFirst() throws Exception {
    long demoStartsAt = Await.result(cmd(staff, PLAN, "getMeeting", new JsonObject().put("id", DemoData.MEETING_ID)))
        .getJsonObject("meeting").getLong("startsAt");
    String later = saved(meeting("下月议事会", demoStartsAt + DAY));
    assertEquals(DemoData.MEETING_ID, shown(kiosk), "a meeting after the awaited one waits its turn");

    String earlier = saved(meeting("提前召开的议事会", demoStartsAt - 3_600_000L));
    assertEquals(earlier, shown(kiosk), "the kiosk shows the earlier meeting without being touched");
    assertEquals(earlier, shown(cadre));
    JsonArray listed = Await.result(cmd(staff, PLAN, "listMeetings", new JsonObject().put("roomId", ROOM))).getJsonArray("meetings");
    assertTrue(find(listed, earlier).getBoolean("current"));
    assertFalse(find(listed, DemoData.MEETING_ID).getBoolean("current"));
    assertFalse(find(listed, later).getBoolean("current"));

    Await.result(cmd(cadre, ROOMS, "openMeeting", new JsonObject().put("roomId", ROOM)));
    saved(meeting("更早的议事会", demoStartsAt - 2 * 3_600_000L));
    assertEquals(earlier, shown(kiosk), "the meeting being held stays");
    assertEquals("OPEN", Await.result(cmd(kiosk, ROOMS, "snapshot", new JsonObject())).getJsonObject("meeting").getString("status"));
  }

  String saved(JsonObject meeting) {
    return Await.result(cmd(staff, PLAN, "saveMeeting", meeting)).getJsonObject("meeting").getString("id");
  }

  /** The meeting the room shows to this client. */
  static String shown(BridgeClient client) {
    return Await.result(cmd(client, ROOMS, "snapshot", new JsonObject().put("roomId", ROOM))).getJsonObject("meeting").getString("id");
  }

  void closeDemoMeeting() {
    Await.result(cmd(cadre, ROOMS, "openMeeting", new JsonObject().put("roomId", ROOM)));
    Await.result(cmd(cadre, ROOMS, "closeMeeting", new JsonObject().put("roomId", ROOM)));
  }

  String member(String name, String kind) {
    return Await.result(cmd(staff, "member.cmd", "saveMember", new JsonObject().put("name", name)
        .put("kinds", new JsonArray().add(kind)).put("partyMember", false).put("capable", false)))
        .getJsonObject("member").getString("id");
  }

  static JsonObject meeting(String title, long startsAt) {
    JsonObject matter = new JsonObject().put("title", "议题一");
    return new JsonObject().put("roomId", ROOM).put("title", title).put("startsAt", startsAt)
        .put("hosts", new JsonArray().add("cadre").add("grid")).put("forms", new JsonArray().add("MEETING"))
        .put("agenda", new JsonArray().add(matter));
  }

  static Future<JsonObject> cmd(BridgeClient client, String address, String action, JsonObject params) {
    return client.request(address, params.copy().put("action", action));
  }

  static JsonObject find(JsonArray meetings, String id) {
    return meetings.stream().map(o -> (JsonObject) o).filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
  }

  static List<String> names(JsonArray attendees) {
    return attendees.stream().map(o -> ((JsonObject) o).getString("name")).sorted().toList();
  }

  static String attendeeNamed(JsonObject snapshot, String name) {
    return snapshot.getJsonArray("attendees").stream().map(o -> (JsonObject) o).filter(a -> a.getString("name").equals(name))
        .findFirst().orElseThrow().getString("id");
  }
}
