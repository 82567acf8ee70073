package org.shangliang.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.AuditLog;
import org.shangliang.common.Identity;
import org.shangliang.qr.QrCodes;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.plan.MeetingPlanningTest.cmd;

/**
 * 议前调研 and the invited list, through the real bridge and HTTP: who may add and read research
 * notes on a meeting's matters, what a note may hold, that every note is audited; and the invited
 * list as a CSV file for Excel, for console accounts only.
 */
class ResearchAndInvitationsTest {
  static final String PLAN = "plan.cmd";
  static final String MEETING = DemoData.MEETING_ID;
  static final String ELEVATOR = "00000000000000000000c001";
  static final String CLUTTER = "00000000000000000000c002";
  /** What a visit report looks like: long, with line breaks, quotes and markup that must stay text. */
  static final String REPORT = ("3号楼2单元走访：12户中9户同意加装电梯，一楼两户担心采光和噪音，"
      + "\"<b>低层住户</b>\"希望按楼层分摊。\n物业表示井道位置可行。").repeat(12);

  TestServer server;
  BridgeClient staff;
  BridgeClient grid;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = server.bridge(server.login("staff"));
    grid = server.bridge(server.login("grid"));
    kiosk = server.bridge(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("planners and the meeting's own hosts add research notes; every console account reads them; a kiosk does neither")
  void whoAddsAndReads() throws Exception {
    String photo = upload(server.login("staff"));
    JsonObject first = Await.result(cmd(staff, PLAN, "addResearch", note(ELEVATOR, REPORT)
        .put("imageIds", new JsonArray().add(photo)))).getJsonObject("note");
    assertEquals(REPORT.strip(), first.getString("text"));
    assertEquals(new JsonArray().add(photo), first.getJsonArray("imageIds"));
    Await.result(cmd(grid, PLAN, "addResearch", note(CLUTTER, "楼道里堆了旧家具和纸箱，已拍照。")));

    Await.result(server.app.accounts().save("grid3", "第三网格网格员", Identity.Role.GRID_WORKER, "grid3-password",
        List.of(DemoData.GRID_IDS[2])));
    BridgeClient otherGridWorker = server.bridge(Http.login(server.baseUrl(), "grid3", "grid3-password"));
    var refused = Await.failure(cmd(otherGridWorker, PLAN, "addResearch", note(ELEVATOR, "不是主持人")), "FORBIDDEN");
    assertTrue(refused.getMessage().contains("主持人"), refused.getMessage());
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    Await.failure(cmd(viewer, PLAN, "addResearch", note(ELEVATOR, "只读")), "FORBIDDEN");
    Await.failure(cmd(kiosk, PLAN, "addResearch", note(ELEVATOR, "终端")), "FORBIDDEN");
    Await.failure(cmd(kiosk, PLAN, "listResearch", new JsonObject().put("meetingId", MEETING)), "FORBIDDEN");

    for (BridgeClient reader : List.of(staff, grid, otherGridWorker, viewer, server.bridge(server.login("cadre")))) {
      JsonArray notes = Await.result(cmd(reader, PLAN, "listResearch", new JsonObject().put("meetingId", MEETING)))
          .getJsonArray("notes");
      assertEquals(List.of(ELEVATOR, CLUTTER), notes.stream().map(n -> ((JsonObject) n).getString("matterId")).toList());
      assertEquals("李网格员", notes.getJsonObject(1).getJsonObject("by").getString("name"));
      assertEquals("grid", notes.getJsonObject(1).getJsonObject("by").getString("id"));
    }
  }

  @Test
  @DisplayName("a note with a bad shape, an unknown picture, a matter of another meeting or a closed meeting is refused and nothing is kept")
  void refusals() throws Exception {
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "x".repeat(2001))), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, " \n ")), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "多余的字段").put("by", "admin")), "BAD_REQUEST");
    JsonArray seven = new JsonArray();
    for (int i = 0; i < 7; i++) {
      seven.add(String.format("%024d", i));
    }
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "七张图").put("imageIds", seven)), "BAD_REQUEST");
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "没上传的图")
        .put("imageIds", new JsonArray().add("0123456789abcdef01234567"))), "IMAGE_UNKNOWN");
    Await.failure(cmd(staff, PLAN, "addResearch", note("0123456789abcdef01234567", "别的议题")), "MATTER_NOT_IN_MEETING");
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "没有的会").put("meetingId", "0123456789abcdef01234567")),
        "NOT_FOUND");
    Await.failure(cmd(staff, PLAN, "listResearch", new JsonObject().put("meetingId", "not-an-id")), "BAD_REQUEST");

    BridgeClient cadre = server.bridge(server.login("cadre"));
    Await.result(cmd(cadre, "room.cmd", "openMeeting", new JsonObject().put("roomId", DemoData.ROOM_ID)));
    Await.result(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "会上也能补充")));
    Await.result(cmd(cadre, "room.cmd", "closeMeeting", new JsonObject().put("roomId", DemoData.ROOM_ID)));
    Await.failure(cmd(staff, PLAN, "addResearch", note(ELEVATOR, "会后")), "MEETING_CLOSED");

    JsonArray notes = Await.result(cmd(staff, PLAN, "listResearch", new JsonObject().put("meetingId", MEETING)))
        .getJsonArray("notes");
    assertEquals(List.of("会上也能补充"), notes.stream().map(n -> ((JsonObject) n).getString("text")).toList());
  }

  @Test
  @DisplayName("each note is audited under plan with its author, meeting, matter and pictures")
  void audited() throws Exception {
    String id = Await.result(cmd(grid, PLAN, "addResearch", note(CLUTTER, "走访了五户"))).getJsonObject("note").getString("id");
    List<JsonObject> entries = Await.result(server.app.db().mongo().find(AuditLog.COLLECTION,
        new JsonObject().put("area", "plan").put("action", "addResearch")));
    assertEquals(1, entries.size());
    JsonObject entry = entries.get(0);
    assertEquals("grid", entry.getJsonObject("actor").getString("id"));
    assertEquals("GRID_WORKER", entry.getJsonObject("actor").getString("role"));
    JsonObject params = entry.getJsonObject("params");
    assertEquals(MEETING, params.getString("meetingId"));
    assertEquals(CLUTTER, params.getString("matterId"));
    assertEquals(id, params.getString("noteId"));
    assertEquals("走访了五户", params.getString("text"));
  }

  @Test
  @DisplayName("the invited list downloads as a CSV for Excel: BOM, header, one row per invited by kind, check-in times; not without a console token")
  void invitationsCsv() throws Exception {
    String path = server.baseUrl() + "/api/meetings/" + MEETING + "/invitations.csv";
    assertEquals(401, Http.get(path).statusCode());
    assertEquals(401, Http.get(path, "not-a-token").statusCode());
    assertEquals(403, Http.get(path, server.token("Kiosk 1")).statusCode());
    assertEquals(404, Http.get(server.baseUrl() + "/api/meetings/0123456789abcdef01234567/invitations.csv",
        server.login("staff")).statusCode());

    Await.result(cmd(kiosk, "room.cmd", "checkIn", new JsonObject().put("attendeeId", "00000000000000000000d007")));
    BridgeClient shared = server.bridge(server.token("Kiosk 3"));
    Await.result(cmd(shared, "room.cmd", "registerWalkIn", new JsonObject().put("name", "路过的居民").put("kind", "RESIDENT")));
    HttpResponse<String> csv = Http.get(path, server.login("grid"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("attachment"));
    String body = csv.body();
    assertTrue(body.startsWith("\uFEFF"), "a byte-order mark, for Excel");
    List<String> lines = body.substring(1).lines().toList();
    assertEquals("姓名,身份类别,网格,签到时间", lines.get(0));
    assertEquals(1 + DemoData.ATTENDEE_COUNT, lines.size(), "the ten invited; no walk-in: " + lines);
    assertEquals("张书记,召集人,第一网格,", lines.get(1), "the convener first, not checked in");
    String lawyer = lines.stream().filter(l -> l.startsWith("吴律师,")).findFirst().orElseThrow();
    assertTrue(lawyer.matches("吴律师,法律工作者,第一网格,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), lawyer);
    assertTrue(lines.get(lines.size() - 1).startsWith("社工郑老师,社会组织代表,"), "by kind, social organisations last");
    assertTrue(csv.body().getBytes(StandardCharsets.UTF_8).length > 100);
  }

  static JsonObject note(String matterId, String text) {
    return new JsonObject().put("meetingId", MEETING).put("matterId", matterId).put("text", text);
  }

  /** A picture uploaded as the notice editor does; → its id. */
  String upload(String token) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/api/images")).header("content-type", "image/png")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(QrCodes.png("楼道照片"))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body()).getString("imageId");
  }
}
