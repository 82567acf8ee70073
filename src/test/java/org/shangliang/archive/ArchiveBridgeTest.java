package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The archive over the real bridge, after a real meeting: the demo meeting is opened by the cadre,
 * three invited check in on the shared kiosk with one walk-in, two of them speak, a named vote and
 * a secret vote are held and announced, and the meeting is closed. A second meeting is planned with
 * a topic proposed by a grid worker, and residents file requests at a kiosk. The archive only
 * reads, so every test reads the same records.
 */
class ArchiveBridgeTest {
  static final String ARCHIVE = ConsoleAddresses.ARCHIVE;
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String GRID_2 = DemoData.GRID_IDS[1];
  static final String NAMED_MOTION = "同意按楼层分摊加装电梯费用，一楼住户不承担";
  static final String SECRET_MOTION = "同意限期清理3号楼楼道堆物";
  static final String FIRST_MOTION = "同意今天就电梯费用分摊作出决定";
  static final String RESIDENT_NAME = "赵阿婆";
  static final String RESIDENT_PHONE = "13912345678";

  static TestServer server;
  static BridgeClient staff;
  static BridgeClient grid;
  static BridgeClient viewer;
  static BridgeClient kiosk;
  static long heldAt;
  static String firstVote;
  static String namedVote;
  static String secretVote;
  static String plannedMeeting;
  static JsonObject lampRequest;
  static JsonObject noiseRequest;

  @BeforeAll
  static void holdAMeetingAndFileRequests() throws Exception {
    server = TestServer.start();
    staff = server.bridge(server.login("staff"));
    grid = server.bridge(server.login("grid"));
    kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    heldAt = System.currentTimeMillis();
    holdDemoMeeting(server.bridge(server.login("cadre")));
    plannedMeeting = planMeetingWithGridWorkersTopic();
    lampRequest = file("楼院设施", "3号楼2单元楼道灯坏了一个月，晚上老人摔倒过", GRID_1, "3号楼");
    noiseRequest = file("邻里纠纷", "楼上装修噪音太大，周末早上七点就开始", GRID_2, "8号楼");
    file("环境卫生", "垃圾桶满了没人清运", GRID_1, "东门小卖部旁边");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Attendees 1–3 check in and a walk-in registers; 1 and 2 speak; two named votes, then a secret one; the meeting closes. */
  static void holdDemoMeeting(BridgeClient cadre) {
    Await.result(command(cadre, "openMeeting"));
    for (int n = 1; n <= 3; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(command(kiosk, "registerWalkIn", new JsonObject().put("name", "路过的赵大妈").put("kind", "RESIDENT")));
    for (int n = 1; n <= 2; n++) {
      Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(n))));
    }
    for (int n = 1; n <= 2; n++) {
      Await.result(command(cadre, "giveFloor"));
      Await.result(command(cadre, "endSpeech"));
    }
    // a vote the meeting refuses leaves an unused box behind: it is no vote held
    Await.failure(command(cadre, "openVote", new JsonObject().put("motion", "无效的表决").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST").put("minimumBallots", 99)),
        "MINIMUM_BALLOTS_UNREACHABLE");
    // two named votes on the first matter: the second's resolution replaces the first's, the audit log keeps both
    firstVote = vote(cadre, FIRST_MOTION, false, "FOR", "FOR", "ABSTAIN");
    namedVote = vote(cadre, NAMED_MOTION, false, "FOR", "AGAINST", "FOR");
    Await.result(command(cadre, "gotoMatter", new JsonObject().put("index", 1)));
    secretVote = vote(cadre, SECRET_MOTION, true, "AGAINST", "FOR", "FOR");
    Await.result(command(cadre, "closeMeeting"));
  }

  /** Opens a vote on the current matter, attendees 1, 2, 3 cast these choices, closes and announces it. */
  static String vote(BridgeClient cadre, String motion, boolean secret, String... choices) {
    String voteId = Await.result(command(cadre, "openVote", new JsonObject().put("motion", motion).put("secret", secret)
        .put("walkInsVote", false).put("liveTally", !secret).put("base", "FOR_AGAINST"))).getString("voteId");
    for (int i = 0; i < choices.length; i++) {
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(i + 1)).put("voteId", voteId)
          .put("choice", choices[i])));
    }
    Await.result(command(cadre, "closeVote"));
    Await.result(command(cadre, "announceResult"));
    return voteId;
  }

  static String planMeetingWithGridWorkersTopic() {
    JsonObject matter = new JsonObject().put("title", "东门新增电动车充电桩选址").put("source", "GRID_WORKER");
    return Await.result(staff.request("plan.cmd", new JsonObject().put("action", "saveMeeting").put("roomId", DemoData.ROOM_ID)
            .put("title", "充电设施专题议事会").put("startsAt", heldAt + 7 * 86_400_000L)
            .put("hosts", new JsonArray().add("cadre")).put("gridIds", new JsonArray().add(GRID_2))
            .put("agenda", new JsonArray().add(matter))))
        .getJsonObject("meeting").getString("id");
  }

  static JsonObject file(String kind, String what, String gridId, String building) {
    JsonObject filed = Await.result(kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest")
        .put("kind", kind).put("what", what).put("gridId", gridId).put("building", building)
        .put("name", RESIDENT_NAME).put("phone", RESIDENT_PHONE)));
    return filed.put("what", what);
  }

  static Future<JsonObject> archive(BridgeClient client, String action, JsonObject params) {
    return client.request(ARCHIVE, params.copy().put("action", action));
  }

  static List<String> meetingIds(BridgeClient client, JsonObject filter) {
    return Await.result(archive(client, "searchMeetings", filter)).getJsonArray("meetings").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }

  static JsonArray requests(BridgeClient client, JsonObject filter) {
    return Await.result(archive(client, "searchRequests", filter)).getJsonArray("requests");
  }

  static List<String> numbers(JsonArray requests) {
    return requests.stream().map(o -> ((JsonObject) o).getString("number")).sorted().toList();
  }

  // ---- meetings ----

  @Test
  @DisplayName("a held meeting is found by a word of its title or of a matter, its date, a grid it concerns and a topic's kind, and not by others")
  void searchMeetings() {
    String demo = DemoData.MEETING_ID;
    assertEquals(List.of(plannedMeeting, demo), meetingIds(staff, new JsonObject()), "newest planned first");
    assertEquals(List.of(demo), meetingIds(staff, new JsonObject().put("text", "邻里议事")));
    assertEquals(List.of(demo), meetingIds(staff, new JsonObject().put("text", "电梯费用")), "a matter's title");
    assertEquals(List.of(plannedMeeting), meetingIds(staff, new JsonObject().put("text", "充电桩")));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("text", "垃圾分类")));

    long hour = 3_600_000L;
    assertEquals(List.of(demo), meetingIds(staff, new JsonObject().put("from", heldAt - hour).put("to", heldAt + hour)));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("from", heldAt + hour).put("to", heldAt + 2 * hour)));
    assertEquals(List.of(demo), meetingIds(staff, new JsonObject().put("to", heldAt + hour).put("gridId", GRID_1)));

    assertEquals(List.of(demo), meetingIds(staff, new JsonObject().put("gridId", GRID_1)));
    assertEquals(List.of(plannedMeeting, demo), meetingIds(staff, new JsonObject().put("gridId", GRID_2)));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("gridId", DemoData.GRID_IDS[2])));

    assertEquals(List.of(plannedMeeting), meetingIds(staff, new JsonObject().put("topicKind", "GRID_WORKER")));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("topicKind", "PARTY_BRANCH")));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("text", "邻里议事").put("topicKind", "GRID_WORKER")));
    JsonObject first = Await.result(archive(staff, "searchMeetings", new JsonObject().put("roomId", DemoData.ROOM_ID).put("limit", 1)));
    assertEquals(plannedMeeting, first.getJsonArray("meetings").getJsonObject(0).getString("id"));
    assertTrue(first.getBoolean("truncated"));
    assertEquals(List.of(), meetingIds(staff, new JsonObject().put("roomId", "0123456789abcdef01234567")));

    JsonObject line = Await.result(archive(viewer, "searchMeetings", new JsonObject().put("text", "邻里议事")))
        .getJsonArray("meetings").getJsonObject(0);
    assertEquals("CLOSED", line.getString("status"));
    assertEquals("有事好商量协商议事室", line.getString("roomName"));
    assertTrue(line.getJsonArray("matters").getJsonObject(0).getBoolean("passed"));
  }

  @Test
  @DisplayName("the archived meeting shows its attendance by kind, the speeches per matter and both votes' outcomes")
  void archivedMeeting() {
    JsonObject meeting = Await.result(archive(staff, "getArchivedMeeting", new JsonObject().put("id", DemoData.MEETING_ID)))
        .getJsonObject("meeting");
    JsonObject attendance = meeting.getJsonObject("attendance");
    assertEquals(10, attendance.getInteger("invited"));
    assertEquals(3, attendance.getInteger("checkedIn"));
    assertEquals(1, attendance.getInteger("walkIns"));
    assertEquals(2, attendance.getJsonObject("byKind").getJsonObject("RESIDENT_REP").getInteger("invited"));
    assertEquals(1, attendance.getJsonObject("byKind").getJsonObject("CONVENER").getInteger("checkedIn"));
    assertEquals(1, attendance.getJsonObject("byKind").getJsonObject("RESIDENT").getInteger("walkIns"));
    JsonObject secretary = person(attendance, "张书记");
    assertTrue(secretary.getBoolean("checkedIn"));
    assertEquals(1, secretary.getInteger("speeches"));
    assertFalse(person(attendance, "王阿姨").getBoolean("checkedIn"));

    JsonObject elevator = meeting.getJsonArray("agenda").getJsonObject(0);
    assertEquals(2, elevator.getInteger("speeches"));
    assertEquals(2, elevator.getInteger("speakers"));
    assertEquals(0, meeting.getJsonArray("agenda").getJsonObject(1).getInteger("speeches"));
    assertEquals(namedVote, elevator.getJsonObject("resolution").getString("voteId"));

    JsonArray votes = meeting.getJsonArray("votes");
    assertEquals(3, votes.size(), "the refused vote's box is not a vote held: " + votes.encode());
    JsonObject first = votes.getJsonObject(0);
    assertEquals(firstVote, first.getString("voteId"));
    assertEquals(FIRST_MOTION, first.getString("motion"));
    assertTrue(first.getJsonObject("outcome").getBoolean("passed"), "its outcome is the room's next closeVote entry");
    assertEquals(1, first.getJsonObject("outcome").getInteger("ABSTAIN"));
    assertTrue(first.getLong("openedAt") < first.getLong("closedAt"));
    JsonObject named = votes.getJsonObject(1);
    assertEquals(namedVote, named.getString("voteId"));
    assertEquals(NAMED_MOTION, named.getString("motion"));
    assertEquals("老旧小区加装电梯费用分摊方案", named.getString("matterTitle"));
    assertFalse(named.getBoolean("secret"));
    assertTrue(named.getBoolean("announced"));
    assertTrue(named.getJsonObject("outcome").getBoolean("passed"));
    assertEquals(2, named.getJsonObject("outcome").getInteger("FOR"));
    assertEquals(1, named.getJsonObject("outcome").getInteger("AGAINST"));
    assertNotNull(named.getLong("closedAt"));
    JsonObject secret = votes.getJsonObject(2);
    assertEquals(secretVote, secret.getString("voteId"));
    assertTrue(secret.getBoolean("secret"));
    assertEquals("00000000000000000000c002", secret.getString("matterId"));
    assertEquals(2, secret.getJsonObject("outcome").getInteger("FOR"));
  }

  @Test
  @DisplayName("a read-only viewer gets the meeting's counts but no attendee's name")
  void viewerSeesCountsOnly() {
    JsonObject meeting = Await.result(archive(viewer, "getArchivedMeeting", new JsonObject().put("id", DemoData.MEETING_ID)))
        .getJsonObject("meeting");
    assertFalse(meeting.getBoolean("personal"));
    assertEquals(3, meeting.getJsonObject("attendance").getInteger("checkedIn"));
    assertNull(meeting.getJsonObject("attendance").getValue("people"));
    assertFalse(meeting.encode().contains("张书记"), meeting.encode());
    Await.failure(archive(staff, "getArchivedMeeting", new JsonObject().put("id", "0123456789abcdef01234567")), "NOT_FOUND");
  }

  // ---- a member's history ----

  @Test
  @DisplayName("the history of a member who checked in, spoke and voted shows all three; a secret vote appears nowhere in it")
  void memberHistory() {
    JsonObject history = Await.result(archive(staff, "memberHistory", new JsonObject().put("memberId", member(1))));
    assertEquals("张书记", history.getJsonObject("member").getString("name"));
    JsonObject totals = history.getJsonObject("totals");
    assertEquals(1, totals.getInteger("invited"));
    assertEquals(1, totals.getInteger("attended"));
    assertEquals(0, totals.getInteger("absent"));
    assertEquals(1, totals.getInteger("speeches"));
    assertEquals(2, totals.getInteger("namedVotes"));
    JsonObject entry = history.getJsonArray("meetings").getJsonObject(0);
    assertEquals(DemoData.MEETING_ID, entry.getString("meetingId"));
    assertTrue(entry.getBoolean("attended"));
    assertEquals("老旧小区加装电梯费用分摊方案", entry.getJsonArray("speeches").getJsonObject(0).getString("title"));
    JsonArray ballots = entry.getJsonArray("votes");
    assertEquals(2, ballots.size());
    assertEquals(FIRST_MOTION, ballots.getJsonObject(0).getString("motion"), "the vote only the audit log names is there too");
    assertEquals(NAMED_MOTION, ballots.getJsonObject(1).getString("motion"));
    assertEquals("老旧小区加装电梯费用分摊方案", ballots.getJsonObject(1).getString("matterTitle"));
    assertEquals("FOR", ballots.getJsonObject(1).getString("choice"));
    assertFalse(history.encode().contains(secretVote), "the secret vote is not in the history");
    assertFalse(history.encode().contains(SECRET_MOTION), "the secret vote is not in the history");

    JsonObject second = Await.result(archive(staff, "memberHistory", new JsonObject().put("memberId", member(2))));
    assertEquals("AGAINST", second.getJsonArray("meetings").getJsonObject(0).getJsonArray("votes").getJsonObject(1).getString("choice"));
    JsonObject third = Await.result(archive(staff, "memberHistory", new JsonObject().put("memberId", member(3))));
    assertEquals("ABSTAIN", third.getJsonArray("meetings").getJsonObject(0).getJsonArray("votes").getJsonObject(0).getString("choice"));
    assertEquals(0, third.getJsonObject("totals").getInteger("speeches"), "checked in and voted, never spoke");
    assertEquals(1, third.getJsonObject("totals").getInteger("attended"));
  }

  @Test
  @DisplayName("an invited member who never came is absent; a viewer gets the counts only; a grid worker only their grids' members")
  void historyAbsenceAndAccess() {
    JsonObject absent = Await.result(archive(staff, "memberHistory", new JsonObject().put("memberId", member(8))));
    assertEquals(1, absent.getJsonObject("totals").getInteger("absent"));
    assertEquals(0, absent.getJsonObject("totals").getInteger("attended"));
    assertTrue(absent.getJsonArray("meetings").getJsonObject(0).getBoolean("absent"));

    JsonObject counted = Await.result(archive(viewer, "memberHistory", new JsonObject().put("memberId", member(1))));
    assertEquals(2, counted.getJsonObject("totals").getInteger("namedVotes"));
    assertNull(counted.getValue("meetings"));
    assertFalse(counted.encode().contains(NAMED_MOTION), counted.encode());

    // the demo's members alternate between grid 1 (odd) and grid 2 (even); the grid worker has grid 1
    assertEquals(1, Await.result(archive(grid, "memberHistory", new JsonObject().put("memberId", member(1))))
        .getJsonObject("totals").getInteger("speeches"));
    Await.failure(archive(grid, "memberHistory", new JsonObject().put("memberId", member(2))), "NOT_FOUND");
    Await.failure(archive(staff, "memberHistory", new JsonObject().put("memberId", "0123456789abcdef01234567")), "NOT_FOUND");
  }

  // ---- requests ----

  @Test
  @DisplayName("requests are found by number, words, building and status, newest first, in the staff view")
  void searchRequests() {
    String lamp = lampRequest.getString("number");
    JsonArray byNumber = requests(staff, new JsonObject().put("number", lamp));
    assertEquals(List.of(lamp), numbers(byNumber));
    JsonObject staffLine = byNumber.getJsonObject(0);
    assertEquals(lampRequest.getString("what"), staffLine.getString("what"));
    assertEquals(RESIDENT_NAME, staffLine.getJsonObject("resident").getString("name"));
    assertNull(staffLine.getValue("statusTokenHash"));

    assertEquals(List.of(lamp), numbers(requests(staff, new JsonObject().put("text", "楼道灯"))));
    assertEquals(List.of(noiseRequest.getString("number")), numbers(requests(staff, new JsonObject().put("building", "8号楼"))));
    assertEquals(3, requests(staff, new JsonObject().put("status", "NEW")).size());
    assertEquals(0, requests(staff, new JsonObject().put("status", "CLOSED")).size());
    assertEquals(0, requests(staff, new JsonObject().put("text", "停车位")).size());
    JsonArray all = requests(staff, new JsonObject().put("limit", 2));
    assertEquals(2, all.size());
    assertTrue(all.getJsonObject(0).getLong("createdAt") >= all.getJsonObject(1).getLong("createdAt"), "newest first");
  }

  @Test
  @DisplayName("a grid worker finds only their grids' requests; a viewer no resident, no resident's words, and cannot search them")
  void requestSearchNarrowed() {
    List<String> gridWorkers = numbers(requests(grid, new JsonObject()));
    assertEquals(2, gridWorkers.size());
    assertFalse(gridWorkers.contains(noiseRequest.getString("number")));
    assertEquals(0, requests(grid, new JsonObject().put("building", "8号楼")).size());

    JsonObject search = Await.result(archive(viewer, "searchRequests", new JsonObject()));
    assertFalse(search.getBoolean("personal"));
    assertEquals(3, search.getJsonArray("requests").size());
    String seen = search.encode();
    assertFalse(seen.contains(RESIDENT_NAME), seen);
    assertFalse(seen.contains(RESIDENT_PHONE), seen);
    assertFalse(seen.contains("楼道灯"), seen);
    assertFalse(seen.contains("东门小卖部"), "a place typed freely is not shown: " + seen);
    assertTrue(seen.contains("3号楼"), "a building number is");
    assertEquals(0, requests(viewer, new JsonObject().put("text", "楼道灯")).size(), "the resident's words are not searched for a viewer");
    assertEquals(1, requests(viewer, new JsonObject().put("text", "邻里纠纷")).size(), "the kind is");
  }

  // ---- refusals ----

  @Test
  @DisplayName("malformed searches are refused by the schema, a reversed date range by name; kiosks and anonymous callers not at all")
  void refusals() {
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("limit", 101)), "BAD_REQUEST");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("text", "a\u0000b")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("topicKind", "NEIGHBOURS")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("from", "yesterday")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("extra", true)), "BAD_REQUEST");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("from", heldAt).put("to", heldAt)), "ARCHIVE_RANGE");
    Await.failure(archive(staff, "getArchivedMeeting", new JsonObject()), "BAD_REQUEST");
    Await.failure(archive(staff, "getArchivedMeeting", new JsonObject().put("id", "../meetings")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchRequests", new JsonObject().put("status", "LOST")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchRequests", new JsonObject().put("number", "2611-0001; drop")), "BAD_REQUEST");
    Await.failure(archive(staff, "searchRequests", new JsonObject().put("limit", 201)), "BAD_REQUEST");
    Await.failure(archive(staff, "memberHistory", new JsonObject().put("memberId", 7)), "BAD_REQUEST");
    Await.failure(archive(staff, "forgetMeeting", new JsonObject()), "UNKNOWN_ACTION");
    Await.failure(archive(staff, "searchMeetings", new JsonObject().put("text", "长".repeat(3000))), "TOO_LARGE");

    Await.failure(archive(kiosk, "searchMeetings", new JsonObject()), "FORBIDDEN");
    Await.failure(archive(kiosk, "memberHistory", new JsonObject().put("memberId", member(1))), "FORBIDDEN");
    BridgeClient anonymous = server.bridge(null);
    Await.failure(archive(anonymous, "searchRequests", new JsonObject()), "UNAUTHENTICATED");
    Await.failure(archive(anonymous, "getArchivedMeeting", new JsonObject().put("id", DemoData.MEETING_ID)), "UNAUTHENTICATED");
  }

  static String member(int n) {
    return String.format("00000000000000000000a%03d", n + 100);
  }

  static JsonObject person(JsonObject attendance, String name) {
    return attendance.getJsonArray("people").stream().map(o -> (JsonObject) o).filter(p -> name.equals(p.getString("name")))
        .findFirst().orElseThrow();
  }
}
