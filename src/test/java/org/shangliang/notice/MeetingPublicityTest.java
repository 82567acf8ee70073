package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.Identity;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * A meeting's plan (议事方案) and process (议事过程) published on the boards of the grids it
 * concerns, over the bridge, with real signage clients standing in for the boards: board 1 stands
 * in grid 1001, which the demo meeting concerns; board 2 is moved to grid 1003, which it does not.
 */
class MeetingPublicityTest {
  static final String MEETING = DemoData.MEETING_ID;
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String GRID_3 = DemoData.GRID_IDS[2];
  static final long DAY = 24 * 3600_000L;
  /** The demo's invited attendees but the second, whose name is also the grid worker host's. */
  static final List<String> ATTENDEE_NAMES = List.of("张书记", "物业赵经理", "业委会陈主任", "政协委员周老师", "刘警长",
      "吴律师", "王阿姨", "孙大爷", "社工郑老师");

  TestServer server;
  BridgeClient staff;
  BridgeClient board1;
  BridgeClient board3;
  final List<JsonObject> board1Got = new CopyOnWriteArrayList<>();
  final List<JsonObject> board3Got = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = server.bridge(server.login("staff"));
    Await.result(console(staff, "updateDisplay", new JsonObject().put("id", DemoData.BOARD_2).put("name", "3号公示栏")
        .put("gridId", GRID_3)));
    board1 = server.bridge(server.token("Notice board 1"));
    board3 = server.bridge(server.token("Notice board 2"));
    board1.register(SignageAddresses.display(DemoData.BOARD_1), board1Got::add);
    board3.register(SignageAddresses.display(DemoData.BOARD_2), board3Got::add);
    Await.result(NoticeBridgeTest.signage(board1, "playlist"));
    Await.result(NoticeBridgeTest.signage(board3, "playlist"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("the plan notice reaches the board of a grid the meeting concerns and not another's, with time, room, matters, invited kinds and hosts, and no attendee's name")
  void planReachesTheMeetingsGrids() throws Exception {
    JsonObject meeting = Await.result(plan(staff, "getMeeting", new JsonObject().put("id", MEETING))).getJsonObject("meeting");
    assertEquals(new JsonArray().add(GRID_1).add(DemoData.GRID_IDS[1]), meeting.getJsonArray("gridIds"));

    JsonObject notice = planNotice(staff);
    String id = notice.getString("id");
    assertEquals("PLAN", notice.getString("kind"));
    assertEquals("议事方案公示：仓后街社区红色邻里议事会", notice.getString("title"));
    assertEquals(new JsonObject().put("meetingId", MEETING).put("kind", "plan"), notice.getJsonObject("source"));
    assertEquals(meeting.getJsonArray("gridIds"), notice.getJsonObject("targets").getJsonArray("grids"));
    assertFalse(notice.getJsonObject("targets").getBoolean("everywhere"));
    assertTrue(notice.getLong("endsAt") - notice.getLong("startsAt") >= 7 * DAY);
    assertTrue(notice.getLong("endsAt") >= meeting.getLong("startsAt") + DAY, "posted until the day after the meeting at least");

    String body = notice.getString("body");
    for (String line : List.of("会议名称：仓后街社区红色邻里议事会", "\n时间：" + shanghai(meeting.getLong("startsAt")),
        "\n地点：有事好商量协商议事室", "\n主持人：王主任（社区）、李网格员", "\n- 老旧小区加装电梯费用分摊方案",
        "\n- 3号楼楼道堆物清理", "\n- 小区夜间停车管理", "\n协商形式：会议协商",
        "\n邀请参会：召集人、网格员、物业公司代表、业主委员会成员、市区政协委员、网格警长、法律工作者、群众代表、社会组织代表",
        "公示期不少于7天")) {
      assertTrue(body.contains(line), "the plan lacks " + line + ":\n" + body);
    }
    Await.until("board 1 (grid 1001) shows the plan", 2000, () -> board1Got.stream().anyMatch(p -> NoticeBridgeTest.holds(p, id)));
    String shown = board1Got.get(board1Got.size() - 1).encode();
    for (String name : ATTENDEE_NAMES) {
      assertFalse(body.contains(name) || shown.contains(name), "the plan names " + name);
    }
    Thread.sleep(300);
    assertTrue(board3Got.stream().noneMatch(p -> NoticeBridgeTest.holds(p, id)), "a board of grid 1003 never receives it");
    assertFalse(NoticeBridgeTest.holds(Await.result(NoticeBridgeTest.signage(board3, "playlist")), id));

    JsonObject made = last(notice.getJsonArray("history"));
    assertEquals("planNotice", made.getString("action"));
    assertEquals("社区工作人员", made.getJsonObject("by").getString("name"));
    assertEquals(1, audit(id, "planNotice").size(), "audited, and durable before the reply");
  }

  @Test
  @DisplayName("publishing the plan again updates the one plan notice, keeping its start, in the community's saved time zone")
  void republishingUpdatesTheSameNotice() throws Exception {
    JsonObject first = planNotice(staff);
    BridgeClient admin = server.bridge(server.login("admin"));
    Await.result(admin.request("community.cmd", new JsonObject().put("action", "saveCommunity").put("name", "仓后街社区")
        .put("timeZone", "America/New_York")));
    JsonObject meeting = Await.result(plan(staff, "getMeeting", new JsonObject().put("id", MEETING))).getJsonObject("meeting");

    JsonObject second = planNotice(staff);
    assertEquals(first.getString("id"), second.getString("id"));
    assertEquals(first.getLong("startsAt"), second.getLong("startsAt"));
    assertTrue(second.getLong("endsAt") >= first.getLong("endsAt"));
    assertEquals(2L, second.getLong("version"));
    assertEquals(2, second.getJsonArray("history").size());
    String newYork = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）HH:mm", Locale.CHINA)
        .withZone(ZoneId.of("America/New_York")).format(Instant.ofEpochMilli(meeting.getLong("startsAt")));
    assertTrue(second.getString("body").contains("\n时间：" + newYork + "\n"), second.getString("body"));
    List<JsonObject> plans = Await.result(server.app.db().mongo().find(NoticeStore.NOTICES,
        new JsonObject().put("source.meetingId", MEETING).put("source.kind", "plan")));
    assertEquals(1, plans.size(), "no second plan notice");
    Await.until("board 1 shows the updated plan", 2000, () -> board1Got.stream()
        .anyMatch(p -> p.encode().contains(newYork)));
  }

  @Test
  @DisplayName("the process notice is refused until the meeting closes, then gives each matter's speeches and votes by numbers only, on the meeting's grids")
  void processAfterTheMeeting() throws Exception {
    Await.failure(console(staff, "processNotice", meetingId()), "MEETING_NOT_CLOSED");
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    Await.failure(console(staff, "processNotice", meetingId()), "MEETING_NOT_CLOSED");
    for (int n = 1; n <= 3; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    for (int n : new int[] {1, 2, 1}) {
      speak(host, kiosk, n);
    }
    vote(host, kiosk, "同意按楼层分摊加装电梯费用", false, "FOR", "FOR", "AGAINST");
    vote(host, kiosk, "同意按楼层分摊加装电梯费用（修改后）", false, "FOR", "FOR", "FOR");
    Await.result(command(host, "gotoMatter", new JsonObject().put("index", 1)));
    vote(host, kiosk, "同意本周六集中清理3号楼楼道堆物", true, "AGAINST", "AGAINST", "ABSTAIN");
    Await.failure(console(staff, "processNotice", meetingId()), "MEETING_NOT_CLOSED");
    Await.result(command(host, "closeMeeting"));

    JsonObject notice = Await.result(console(staff, "processNotice", meetingId())).getJsonObject("notice");
    String body = notice.getString("body");
    assertEquals("PROCESS", notice.getString("kind"));
    assertEquals(new JsonObject().put("meetingId", MEETING).put("kind", "process"), notice.getJsonObject("source"));
    assertTrue(notice.getLong("endsAt") - notice.getLong("startsAt") >= 7 * DAY);
    for (String line : List.of("本次会议讨论议题 2 项，发言共 3 人次，表决 3 次。",
        "**议题1：老旧小区加装电梯费用分摊方案**\n- 发言 3 人次\n- 表决：同意按楼层分摊加装电梯费用 —— **通过**（赞成 2 票，反对 1 票，弃权 0 票，共 3 人投票）"
            + "\n- 表决：同意按楼层分摊加装电梯费用（修改后） —— **通过**（赞成 3 票，反对 0 票，弃权 0 票，共 3 人投票）",
        "**议题2：3号楼楼道堆物清理**\n- 发言 0 人次\n- 表决：同意本周六集中清理3号楼楼道堆物 —— **未通过**（赞成 0 票，反对 2 票，弃权 1 票，共 3 人投票）",
        "本次未讨论的议题：小区夜间停车管理", "公示期不少于7天")) {
      assertTrue(body.contains(line), "the process lacks " + line + ":\n" + body);
    }
    String id = notice.getString("id");
    Await.until("board 1 shows the process", 2000, () -> board1Got.stream().anyMatch(p -> NoticeBridgeTest.holds(p, id)));
    String shown = board1Got.get(board1Got.size() - 1).encode();
    for (String name : ATTENDEE_NAMES) {
      assertFalse(body.contains(name) || shown.contains(name), "the process names " + name);
    }
    assertFalse(body.contains(attendee(1)) || body.contains(attendee(2)), "no attendee ids either");
    Thread.sleep(300);
    assertTrue(board3Got.stream().noneMatch(p -> NoticeBridgeTest.holds(p, id)), "a board of grid 1003 never receives it");
    assertEquals(1, audit(id, "processNotice").size());

    assertEquals(id, Await.result(console(staff, "processNotice", meetingId())).getJsonObject("notice").getString("id"),
        "publishing again updates it");
    Await.failure(console(staff, "planNotice", meetingId()), "MEETING_ALREADY_OVER");
  }

  @Test
  @DisplayName("a plan or process notice cannot be retracted inside its 7 days without a reason; the reason is kept in its history and the audit log")
  void sevenDaysForPlanAndProcess() throws Exception {
    String planId = planNotice(staff).getString("id");
    BridgeClient host = server.bridge(server.login("cadre"));
    Await.result(command(host, "openMeeting"));
    Await.result(command(host, "closeMeeting"));
    String processId = Await.result(console(staff, "processNotice", meetingId())).getJsonObject("notice").getString("id");

    for (String id : List.of(planId, processId)) {
      JsonObject notice = Await.result(server.app.db().mongo().findOne(NoticeStore.NOTICES, new JsonObject().put("_id", id), null));
      Await.failure(console(staff, "retractNotice", new JsonObject().put("id", id)), "POSTING_TOO_SHORT");
      Await.failure(console(staff, "retractNotice", new JsonObject().put("id", id).put("reason", " ")), "POSTING_TOO_SHORT");
      JsonObject shortened = NoticeBridgeTest.notice(notice.getString("kind"), notice.getString("title"),
          notice.getJsonObject("targets"), notice.getLong("startsAt"), notice.getLong("startsAt") + DAY).put("id", id);
      Await.failure(console(staff, "saveNotice", shortened), "POSTING_TOO_SHORT");
      Await.failure(console(staff, "saveNotice", shortened.copy().put("kind", "PUBLICITY").put("endsAt", notice.getLong("endsAt"))),
          "BAD_REQUEST");

      String reason = "会议改期，原公示内容有误，更正后重新公示";
      JsonObject retracted = Await.result(console(staff, "retractNotice", new JsonObject().put("id", id).put("reason", reason)))
          .getJsonObject("notice");
      assertEquals("RETRACTED", retracted.getString("state"));
      assertEquals(reason, last(retracted.getJsonArray("history")).getString("reason"));
      assertEquals("社区工作人员", last(retracted.getJsonArray("history")).getJsonObject("by").getString("name"));
      List<JsonObject> audited = audit(id, "retractNotice");
      assertEquals(1, audited.size());
      assertEquals(reason, audited.get(0).getString("reason"));
    }
    Await.until("board 1 no longer holds the plan", 2000, () -> !board1Got.isEmpty()
        && !NoticeBridgeTest.holds(board1Got.get(board1Got.size() - 1), planId));
  }

  @Test
  @DisplayName("a grid worker and a viewer are refused; a meeting naming no grid, or none at all, is refused by name")
  void whoMayPublish() throws Exception {
    Await.result(server.app.accounts().save("viewer1", "只读查看员", Identity.Role.VIEWER, "viewer-password-1", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "viewer1", "viewer-password-1"));
    BridgeClient grid = server.bridge(server.login("grid"));
    for (BridgeClient refused : List.of(viewer, grid)) {
      Await.failure(console(refused, "planNotice", meetingId()), "FORBIDDEN");
      Await.failure(console(refused, "processNotice", meetingId()), "FORBIDDEN");
    }
    assertEquals(0, Await.result(server.app.db().mongo().count(NoticeStore.NOTICES,
        new JsonObject().put("source.meetingId", MEETING))).intValue());

    JsonObject noGrid = new JsonObject().put("roomId", DemoData.ROOM_ID).put("title", "楼组长季度碰头会")
        .put("startsAt", System.currentTimeMillis() + 3 * DAY).put("hosts", new JsonArray().add("cadre"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "楼道灯维修")));
    String noGridId = Await.result(plan(staff, "saveMeeting", noGrid)).getJsonObject("meeting").getString("id");
    Await.failure(console(staff, "planNotice", new JsonObject().put("meetingId", noGridId)), "MEETING_NAMES_NO_GRID");
    Await.failure(console(staff, "planNotice", new JsonObject().put("meetingId", "00000000000000000000b999")), "NOT_FOUND");
    Await.failure(console(staff, "planNotice", new JsonObject().put("meetingId", "<script>")), "BAD_REQUEST");
    Await.failure(console(staff, "planNotice", meetingId().put("gridIds", new JsonArray().add(GRID_3))), "BAD_REQUEST");
    assertEquals(0, Await.result(server.app.db().mongo().count(NoticeStore.NOTICES,
        new JsonObject().put("source.kind", "plan"))).intValue());
  }

  // ---- helpers ----

  static Future<JsonObject> console(BridgeClient client, String action, JsonObject params) {
    return NoticeBridgeTest.console(client, action, params);
  }

  static Future<JsonObject> plan(BridgeClient client, String action, JsonObject params) {
    return client.request("plan.cmd", params.copy().put("action", action));
  }

  static JsonObject meetingId() {
    return new JsonObject().put("meetingId", MEETING);
  }

  static JsonObject planNotice(BridgeClient client) {
    return Await.result(console(client, "planNotice", meetingId())).getJsonObject("notice");
  }

  static String shanghai(long at) {
    return DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）HH:mm", Locale.CHINA).withZone(ZoneId.of("Asia/Shanghai"))
        .format(Instant.ofEpochMilli(at));
  }

  static JsonObject last(JsonArray items) {
    return items.getJsonObject(items.size() - 1);
  }

  List<JsonObject> audit(String noticeId, String action) {
    return Await.result(server.app.db().mongo().find("audit", new JsonObject().put("noticeId", noticeId).put("action", action)));
  }

  static void speak(BridgeClient host, BridgeClient kiosk, int attendee) {
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(attendee))));
    Await.result(command(host, "giveFloor"));
    Await.result(command(host, "endSpeech"));
  }

  static void vote(BridgeClient host, BridgeClient kiosk, String motion, boolean secret, String... choices) {
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", motion).put("secret", secret)
        .put("walkInsVote", false).put("liveTally", !secret).put("base", "FOR_AGAINST"))).getString("voteId");
    for (int n = 1; n <= choices.length; n++) {
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n)).put("voteId", voteId)
          .put("choice", choices[n - 1])));
    }
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
  }
}
