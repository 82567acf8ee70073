package org.shangliang.export;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.request.RequestVerticle;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.HeldMeeting;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The spreadsheet exports on a real server, downloaded over HTTP and read back with POI and Commons
 * CSV: both formats hold the same rows under Chinese headers, the figures equal what the console
 * shows, text that looks like a formula stays text, and personal columns follow the caller's role.
 */
class ExportFilesTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"点我\")";
  /** A resident's name as someone hostile types it at a kiosk (20 characters at most). */
  static final String HOSTILE_NAME = "=HYPERLINK(\"x\")";
  static final String FIRST_MATTER = "00000000000000000000c001";
  static final long DAY = 86_400_000L;

  TestServer server;
  BridgeClient staff;
  String staffToken;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staffToken = server.login("staff");
    staff = server.bridge(staffToken);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static String minute(long millis) {
    return Instant.ofEpochMilli(millis).atZone(SHANGHAI).format(MINUTE);
  }

  JsonObject ask(BridgeClient who, String address, String action, JsonObject params) {
    return Await.result(who.request(address, params.copy().put("action", action)));
  }

  /** The demo meeting held: 3 of its invited check in at a kiosk, one named vote passes and is announced, then it closes. */
  void holdDemoMeeting(BridgeClient host) {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    for (int n = 1; n <= 3; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    HeldMeeting.voteAndAnnounce(host, kiosk, "同意加装电梯", 3);
    Await.result(command(host, "closeMeeting"));
  }

  @Test
  @DisplayName("the meetings export counts what the archive shows for the demo meeting once held, filters by date, and keeps a title that starts with = as text")
  void meetings() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    holdDemoMeeting(host);
    long later = System.currentTimeMillis() + 40 * DAY;
    ask(staff, ConsoleAddresses.PLANNING, "saveMeeting", new JsonObject().put("roomId", DemoData.ROOM_ID).put("title", HOSTILE)
        .put("startsAt", later).put("hosts", new JsonArray().add("cadre")).put("forms", new JsonArray().add("MEETING"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "议题一"))));

    List<List<String>> rows = Downloads.both(server.baseUrl(), "meetings", staffToken);
    assertEquals(MeetingSheet.HEADER, rows.get(0));
    JsonObject archived = ask(staff, ConsoleAddresses.ARCHIVE, "getArchivedMeeting", new JsonObject().put("id", DemoData.MEETING_ID))
        .getJsonObject("meeting");
    Map<String, String> demo = Downloads.records(rows).stream().filter(r -> r.get("会议名称").equals(archived.getString("title")))
        .findFirst().orElseThrow();
    JsonObject attendance = archived.getJsonObject("attendance");
    assertEquals(String.valueOf(attendance.getInteger("invited")), demo.get("应到"));
    assertEquals(String.valueOf(attendance.getInteger("checkedIn")), demo.get("实到"));
    assertEquals("3", demo.get("实到"), "the three who checked in at the kiosk");
    assertEquals(String.valueOf(attendance.getInteger("walkIns")), demo.get("列席"));
    JsonArray votes = archived.getJsonArray("votes");
    assertEquals(String.valueOf(votes.size()), demo.get("表决次数"));
    assertEquals("1", demo.get("表决次数"));
    assertEquals("1", demo.get("通过"));
    assertEquals("0", demo.get("未通过"));
    assertEquals("3", demo.get("议题数"));
    assertEquals("已结束", demo.get("状态"));
    assertEquals("有事好商量协商议事室", demo.get("议事室"));
    assertEquals(minute(archived.getLong("startsAt")), demo.get("时间"));
    assertTrue(demo.get("主持人").contains("、"), "both hosts, by name: " + demo.get("主持人"));

    String from = Instant.ofEpochMilli(later).atZone(SHANGHAI).toLocalDate().toString();
    List<List<String>> filtered = Downloads.both(server.baseUrl(), "meetings?from=" + from, staffToken);
    assertEquals(2, filtered.size(), "only the meeting planned on or after " + from + ": " + filtered);
    assertEquals(HOSTILE, filtered.get(1).get(0));
    assertEquals("未开始", filtered.get(1).get(3));

    byte[] book = Downloads.ok(server.baseUrl() + "/api/exports/meetings.xlsx?from=" + from, staffToken);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Cell title = workbook.getSheet("会议").getRow(1).getCell(0);
      assertEquals(CellType.STRING, title.getCellType(), "a title that starts with = is text, not a formula");
      assertTrue(title.getCellStyle().getQuotePrefixed());
      Cell time = workbook.getSheetAt(0).getRow(1).getCell(2);
      assertEquals(CellType.NUMERIC, time.getCellType(), "times are real date cells");
      Sheet about = workbook.getSheet(XlsxFile.ABOUT_SHEET);
      List<List<String>> lines = Downloads.rows(about);
      assertEquals(List.of("内容", "会议"), lines.get(0));
      assertEquals("导出人", lines.get(2).get(0));
      assertFalse(lines.get(2).get(1).isBlank(), "who exported it, by name");
      assertTrue(lines.get(3).get(1).contains(from), "the filter: " + lines.get(3));
    }
    String csv = new String(Downloads.ok(server.baseUrl() + "/api/exports/meetings.csv?from=" + from, staffToken), StandardCharsets.UTF_8);
    assertTrue(csv.contains("\"'=HYPERLINK("), "the CSV writes it after an apostrophe: " + csv);
    assertEquals(1, Downloads.both(server.baseUrl(), "meetings?to=" + LocalDate.now(SHANGHAI).minusDays(1), staffToken).size(),
        "nothing planned before yesterday: the header alone");
  }

  @Test
  @DisplayName("the resolutions export gives each tracked resolution with the console's next follow-up; a responsible party typed as a formula stays text")
  void resolutions() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    holdDemoMeeting(host);
    JsonObject minutes = ask(host, ConsoleAddresses.MINUTES, "getMinutes", new JsonObject().put("meetingId", DemoData.MEETING_ID))
        .getJsonObject("minutes");
    long due = System.currentTimeMillis() + 60 * DAY;
    minutes = ask(host, ConsoleAddresses.MINUTES, "editMinutes", new JsonObject().put("meetingId", DemoData.MEETING_ID)
        .put("version", minutes.getLong("version")).put("matters", new JsonArray().add(new JsonObject().put("id", FIRST_MATTER)
            .put("topicKind", "HEARING").put("resolution", new JsonObject().put("text", "加装电梯，费用按楼层分摊")
                .put("responsible", "=1+1 物业公司").put("dueAt", due))))).getJsonObject("minutes");
    ask(host, ConsoleAddresses.MINUTES, "approveMinutes", new JsonObject().put("meetingId", DemoData.MEETING_ID)
        .put("version", minutes.getLong("version")));
    String id = DemoData.MEETING_ID + "." + FIRST_MATTER;
    ask(staff, ConsoleAddresses.FOLLOW_UP, "followUpResolution", new JsonObject().put("id", id).put("found", "已联系电梯厂家"));

    JsonObject listed = ask(staff, ConsoleAddresses.FOLLOW_UP, "listResolutions", new JsonObject())
        .getJsonArray("resolutions").getJsonObject(0);
    List<List<String>> rows = Downloads.both(server.baseUrl(), "resolutions", staffToken);
    assertEquals(ResolutionSheet.HEADER, rows.get(0));
    assertEquals(2, rows.size(), rows.toString());
    Map<String, String> row = Downloads.records(rows).get(0);
    assertEquals("=1+1 物业公司", row.get("责任主体"));
    assertEquals("听证类", row.get("类别"));
    assertEquals("办理中", row.get("状态"));
    assertEquals("1", row.get("跟进次数"));
    assertEquals("已联系电梯厂家", row.get("最近跟进情况"));
    assertEquals(minute(due), row.get("完成时限"));
    assertEquals(minute(listed.getLong("nextFollowUpAt")), row.get("下次跟进"), "the console's next follow-up");
    assertEquals("", row.get("办结时间"));
    assertEquals(1, Downloads.both(server.baseUrl(), "resolutions?status=SOLVED", staffToken).size());
  }

  /** Files a request at a kiosk; its number. */
  String file(BridgeClient kiosk, String gridId, String name, String phone) {
    return Await.result(kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest").put("kind", "楼院设施")
        .put("what", "楼道灯坏了").put("gridId", gridId).put("building", "5号楼").put("name", name).put("phone", phone)))
        .getString("number");
  }

  @Test
  @DisplayName("requests: staff see the resident's name and phone, a viewer neither, a grid worker only their grid's; the rates equal requestRates")
  void requestsAndRates() throws Exception {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    String first = file(kiosk, DemoData.GRID_IDS[0], HOSTILE_NAME, "13700009999");
    String second = file(kiosk, DemoData.GRID_IDS[1], "钱阿姨", "13811112222");
    file(kiosk, DemoData.GRID_IDS[1], "孙大爷", "13911113333");
    String firstId = ask(staff, RequestVerticle.COMMANDS, "listRequests", new JsonObject()).getJsonArray("requests").stream()
        .map(JsonObject.class::cast).filter(r -> first.equals(r.getString("number"))).findFirst().orElseThrow().getString("id");
    ask(staff, RequestVerticle.COMMANDS, "takeRequest", new JsonObject().put("id", firstId));

    List<Map<String, String>> asStaff = Downloads.records(Downloads.both(server.baseUrl(), "requests", staffToken));
    Map<String, String> taken = asStaff.stream().filter(r -> first.equals(r.get("编号"))).findFirst().orElseThrow();
    assertEquals(HOSTILE_NAME, taken.get("居民姓名"));
    assertEquals("13700009999", taken.get("联系电话"));
    assertEquals("协商中", taken.get("状态"));
    assertEquals("议事室终端", taken.get("渠道"));
    assertFalse(taken.get("受理").isEmpty(), "the time it was taken");
    assertEquals(taken.get("受理").substring(0, 10), LocalDate.now(SHANGHAI).toString());
    assertTrue(asStaff.stream().anyMatch(r -> second.equals(r.get("编号")) && "钱阿姨".equals(r.get("居民姓名"))));

    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    String viewer = Http.login(server.baseUrl(), "street", "viewer-password");
    List<List<String>> asViewer = Downloads.both(server.baseUrl(), "requests", viewer);
    assertFalse(asViewer.get(0).contains("居民姓名") || asViewer.get(0).contains("联系电话"), asViewer.get(0).toString());
    for (String format : List.of("xlsx", "csv")) {
      byte[] bytes = Downloads.ok(server.baseUrl() + "/api/exports/requests." + format, viewer);
      String text = format.equals("csv") ? new String(bytes, StandardCharsets.UTF_8) : Downloads.xlsx(bytes).toString();
      for (String personal : List.of("钱阿姨", "孙大爷", "13811112222", "HYPERLINK")) {
        assertFalse(text.contains(personal), "a viewer's " + format + " holds " + personal);
      }
    }
    assertEquals(asStaff.size(), asViewer.size() - 1, "the viewer gets every request, without the personal columns");

    List<Map<String, String>> asGridWorker = Downloads.records(Downloads.both(server.baseUrl(), "requests", server.login("grid")));
    assertTrue(asGridWorker.stream().anyMatch(r -> first.equals(r.get("编号"))));
    assertTrue(asGridWorker.stream().allMatch(r -> "第一网格".equals(r.get("网格"))), asGridWorker.toString());
    assertEquals(403, Downloads.get(server.baseUrl() + "/api/exports/requests.csv?gridId=" + DemoData.GRID_IDS[1],
        server.login("grid")).statusCode(), "another grid, asked by name, is refused");

    String month = YearMonth.now(SHANGHAI).toString();
    JsonObject rates = ask(staff, RequestVerticle.COMMANDS, "requestRates", new JsonObject().put("month", month));
    List<List<String>> rows = Downloads.both(server.baseUrl(), "rates?from=" + month + "&to=" + month, staffToken);
    assertEquals(RateSheet.HEADER, rows.get(0));
    JsonArray grids = rates.getJsonArray("grids");
    assertEquals(grids.size() + 2, rows.size(), "one row per grid and the total: " + rows);
    for (int i = 0; i < grids.size(); i++) {
      assertEquals(expected(month, grids.getJsonObject(i), grids.getJsonObject(i).getString("grid")), rows.get(i + 1));
    }
    assertEquals(expected(month, rates.getJsonObject("total"), "合计"), rows.get(rows.size() - 1));
    assertEquals("3", rows.get(rows.size() - 1).get(2), "the three requests filed this month");
  }

  /** A rates row as the console's figures give it, rates as percentages to one decimal. */
  static List<String> expected(String month, JsonObject rates, String grid) {
    return List.of(month, grid, String.valueOf(rates.getInteger("filed")), String.valueOf(rates.getInteger("responded")),
        percent(rates.getDouble("responseRate")), String.valueOf(rates.getInteger("solved")),
        percent(rates.getDouble("resolutionRate")), String.valueOf(rates.getInteger("rated")),
        String.valueOf(rates.getInteger("satisfied")), percent(rates.getDouble("satisfactionRate")));
  }

  static String percent(Double rate) {
    return rate == null ? "" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
  }

  @Test
  @DisplayName("evaluation: one closed meeting a row with the figures evaluation.cmd answers, the same in the workbook and the CSV")
  void evaluation() throws Exception {
    holdDemoMeeting(server.bridge(server.login("cadre")));
    JsonObject figures = ask(staff, ConsoleAddresses.EVALUATION, "evaluateMeeting", new JsonObject().put("meetingId", DemoData.MEETING_ID))
        .getJsonObject("evaluation");
    List<java.util.Map<String, String>> rows = Downloads.records(Downloads.both(server.baseUrl(), "evaluation", staffToken));
    assertEquals(1, rows.size(), "the one closed meeting: " + rows);
    java.util.Map<String, String> row = rows.get(0);
    JsonObject attendance = figures.getJsonObject("attendance");
    assertEquals(String.valueOf(attendance.getInteger("invited")), row.get("应到"));
    assertEquals(String.valueOf(attendance.getInteger("present")), row.get("实到"));
    assertEquals(percent(attendance.getDouble("rate")), row.get("实到率"));
    assertEquals(String.valueOf(figures.getJsonObject("rules").getInteger("votes")), row.get("表决"));
    assertEquals(String.valueOf(figures.getJsonObject("results").getInteger("passed")), row.get("通过"));
    assertEquals("3", row.get("实到"));
  }

  @Test
  @DisplayName("members: the workbook holds the register's CSV rows; a viewer's copy has no phone")
  void members() throws Exception {
    ask(staff, ConsoleAddresses.MEMBERS, "saveMember", new JsonObject().put("name", "=cmd|' /C calc'!A0").put("kinds",
        new JsonArray().add("RESIDENT_REP")).put("gridId", DemoData.GRID_IDS[0]).put("phone", "13500001111"));
    List<List<String>> rows = Downloads.both(server.baseUrl(), "members", staffToken);
    assertEquals(org.shangliang.member.MemberCsv.HEADER, rows.get(0));
    byte[] register = Downloads.ok(server.baseUrl() + "/api/members.csv", staffToken);
    assertEquals(Downloads.csv(register), rows, "the same rows as the register's own file");
    assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("=cmd|' /C calc'!A0") && r.get(6).equals("13500001111")));

    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    List<List<String>> asViewer = Downloads.both(server.baseUrl(), "members", Http.login(server.baseUrl(), "street", "viewer-password"));
    assertEquals(rows.size(), asViewer.size());
    assertTrue(asViewer.stream().skip(1).allMatch(r -> r.get(6).isEmpty() && r.get(7).isEmpty()), "no phone, no note");
  }
}
