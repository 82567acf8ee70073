package org.shangliang.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrCodes;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The 会议安排 tab in Chromium against a real server: staff plan the demo room's second meeting
 * (two hosts, a grid, invited kinds and a member, two matters with different rules, a topic from
 * the topic list), print and export its invited list, add 议前调研 with a photo; the cadre's host
 * console then shows that research once the room has moved on to the meeting.
 */
class MeetingPlanningInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String TITLE = "电动车充电议事会";
  static final String TOPIC = "小区充电桩安装";
  static final String LAWYER = "00000000000000000000a107";
  static final String RESEARCH = "走访5号楼：车棚东侧有空地约40平方米，\n物业同意接电，住户担心夜间噪音。";

  TestServer server;
  Browsers browsers;
  BridgeClient staff;
  BridgeClient cadre;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    staff = server.bridge(server.login("staff"));
    cadre = server.bridge(server.login("cadre"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  @Test
  @DisplayName("staff plan a meeting with two matters and a resident's topic, print and export its invited list, add research; the host console shows it")
  void planPrintResearchAndHost() throws Exception {
    String requestId = topicFromResident();
    Page page = signedInStaff();
    byTestId(page, "console-tab-meetings").click();
    assertThat(byTestId(page, "meeting-row-" + DemoData.MEETING_ID).getByTestId("meeting-current")).isVisible(SOON);

    byTestId(page, "meeting-new").click();
    planMeeting(page);
    byTestId(page, "meeting-save").click();
    assertThat(byTestId(page, "console-status")).containsText(TITLE, new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    String id = meetingIdTitled(TITLE);
    Locator row = byTestId(page, "meeting-row-" + id);
    assertThat(row.getByTestId("meeting-status")).hasText("未开始", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(row.getByTestId("meeting-current")).hasCount(0);

    byTestId(page, "topics-add").click();
    assertThat(byTestId(page, "topic-" + requestId).getByTestId("topic-source")).hasText("群众出题", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "topic-" + requestId).getByTestId("topic-pick").click();
    assertThat(byTestId(page, "topic-" + requestId).getByTestId("topic-taken")).isVisible(SOON);
    assertThat(byTestId(page, "matter-row")).hasCount(3);
    assertThat(byTestId(page, "matter-row").nth(2).getByTestId("matter-from-request")).isVisible();
    assertThat(byTestId(page, "matter-row").nth(2).getByTestId("matter-title")).hasValue(TOPIC);
    byTestId(page, "meeting-save").click();
    checkStoredPlan(id, requestId);

    printAndExport(page, id);
    addResearch(page);

    closeDemoMeeting();
    Page host = browsers.signedInHost(server.url("Host console"), "cadre");
    assertThat(byTestId(host, "host-research-note")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    assertThat(byTestId(host, "host-research-note")).containsText("车棚东侧有空地");
    assertThat(byTestId(host, "host-research-photo")).isVisible();
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));
    assertThat(byTestId(host, "host-research-note")).containsText("车棚东侧有空地");
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "gotoMatter").put("roomId", DemoData.ROOM_ID).put("index", 1)));
    assertThat(byTestId(host, "host-research-empty")).isVisible(SOON);
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
  }

  void planMeeting(Page page) {
    assertThat(byTestId(page, "meeting-form")).isVisible(SOON);
    byTestId(page, "meeting-room").selectOption(DemoData.ROOM_ID);
    byTestId(page, "meeting-title").fill(TITLE);
    byTestId(page, "meeting-starts").fill(LocalDateTime.now().plusDays(2).withHour(19).withMinute(30)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    byTestId(page, "meeting-host-1").selectOption("cadre");
    assertThat(byTestId(page, "meeting-host-hint")).isVisible();
    byTestId(page, "meeting-host-2").selectOption("grid");
    assertThat(byTestId(page, "meeting-host-hint")).isHidden();
    byTestId(page, "meeting-form-WRITTEN").check();
    assertThat(byTestId(page, "meeting-quorum-value")).hasValue("0.5");
    byTestId(page, "meeting-grid-" + DemoData.GRID_IDS[0]).check();
    byTestId(page, "meeting-kind-RESIDENT_REP").check();
    byTestId(page, "meeting-kind-PROPERTY").check();
    byTestId(page, "meeting-member-search").fill("吴律师");
    byTestId(page, "meeting-member-add-" + LAWYER).click();
    assertThat(byTestId(page, "meeting-member-chip")).hasText("吴律师×");

    Locator first = byTestId(page, "matter-row").nth(0);
    first.getByTestId("matter-title").fill("充电桩选址");
    first.getByTestId("matter-minutes").fill("3");
    first.getByTestId("matter-source").selectOption("PARTY_BRANCH");
    byTestId(page, "agenda-add").click();
    Locator second = byTestId(page, "matter-row").nth(1);
    second.getByTestId("matter-title").fill("充电收费标准");
    second.getByTestId("matter-minutes").fill("1.5");
    second.getByTestId("matter-times").fill("1");
    second.getByTestId("matter-first-time-first").uncheck();
    second.getByTestId("matter-secret").selectOption("true");
    second.getByTestId("matter-base").selectOption("PRESENT");
    second.getByTestId("matter-minimum").fill("5");
    second.getByTestId("matter-source").selectOption("STAFF");
    second.getByTestId("matter-kinds-toggle").click();
    second.getByTestId("matter-kind-LEGAL").check();
    // moved up and back down: the order sent is the order shown
    second.getByTestId("matter-up").click();
    assertThat(byTestId(page, "matter-row").nth(0).getByTestId("matter-title")).hasValue("充电收费标准");
    byTestId(page, "matter-row").nth(0).getByTestId("matter-down").click();
    assertThat(byTestId(page, "matter-row").nth(0).getByTestId("matter-title")).hasValue("充电桩选址");
  }

  void checkStoredPlan(String id, String requestId) throws Exception {
    Await.until("the second save kept the topic", 10_000, () -> getMeeting(id).getJsonArray("agenda").size() == 3);
    JsonObject m = getMeeting(id);
    assertEquals(List.of("cadre", "grid"), m.getJsonArray("hosts").getList());
    assertEquals(List.of("MEETING", "WRITTEN"), m.getJsonArray("forms").getList());
    assertEquals(List.of(DemoData.GRID_IDS[0]), m.getJsonArray("gridIds").getList());
    assertEquals(List.of("PROPERTY", "RESIDENT_REP"), m.getJsonArray("invitedKinds").getList().stream().sorted().toList());
    assertEquals(List.of(LAWYER), m.getJsonArray("invitedMembers").getList());
    assertEquals(0.5, m.getJsonObject("quorum").getDouble("fraction"));
    JsonArray agenda = m.getJsonArray("agenda");
    JsonObject siting = agenda.getJsonObject(0);
    assertEquals("充电桩选址", siting.getString("title"));
    assertEquals(180, siting.getInteger("speechSeconds"));
    assertFalse(siting.getJsonObject("voteRules").getBoolean("secret"));
    assertEquals("PARTY_BRANCH", siting.getJsonObject("source").getString("kind"));
    JsonObject fees = agenda.getJsonObject(1);
    assertEquals(90, fees.getInteger("speechSeconds"));
    assertEquals(1, fees.getInteger("speechesPerPerson"));
    assertFalse(fees.getBoolean("firstTimeFirst"));
    assertTrue(fees.getJsonObject("voteRules").getBoolean("secret"));
    assertEquals("PRESENT", fees.getJsonObject("voteRules").getString("base"));
    assertEquals(5, fees.getJsonObject("voteRules").getInteger("minimumBallots"));
    assertEquals(List.of("LEGAL"), fees.getJsonArray("invitedKinds").getList());
    assertEquals("STAFF", fees.getJsonObject("source").getString("kind"));
    JsonObject topic = agenda.getJsonObject(2);
    assertEquals("RESIDENTS", topic.getJsonObject("source").getString("kind"));
    assertEquals(requestId, topic.getJsonObject("source").getString("requestId"));
    List<String> invited = m.getJsonArray("invited").stream().map(a -> ((JsonObject) a).getString("name")).sorted().toList();
    assertEquals(List.of("孙大爷", "吴律师", "物业赵经理", "王阿姨").stream().sorted().toList(), invited,
        "群众代表 and 物业 by kind, the lawyer by name and for the second matter");
  }

  void printAndExport(Page page, String id) throws Exception {
    assertThat(byTestId(page, "invited-count")).hasText("共邀请 4 人", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "invited-print").click();
    Locator sheet = byTestId(page, "print-sheet");
    assertThat(sheet).isVisible();
    assertThat(byTestId(page, "print-title")).hasText(TITLE);
    assertThat(byTestId(page, "print-matters").locator("li")).hasCount(3);
    assertThat(byTestId(page, "print-row")).hasCount(4);
    assertThat(sheet).containsText("有事好商量协商议事室");
    assertThat(sheet).containsText("签到");
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(byTestId(page, "console-tab-meetings")).isHidden();
    assertThat(byTestId(page, "print-go")).isHidden();
    assertThat(sheet).isVisible();
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    byTestId(page, "print-close").click();
    assertThat(byTestId(page, "print-preview")).hasCount(0);

    Download download = page.waitForDownload(() -> byTestId(page, "invited-export").click());
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF姓名,身份类别,网格,签到时间"), csv);
    assertEquals(5, csv.lines().count(), csv);
    assertTrue(csv.contains("吴律师,法律工作者,第一网格,"), csv);
  }

  void addResearch(Page page) {
    assertThat(byTestId(page, "research-panel")).isVisible();
    assertThat(byTestId(page, "research-empty")).isVisible(SOON);
    byTestId(page, "research-matter").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("充电桩选址"));
    byTestId(page, "research-text").fill(RESEARCH);
    byTestId(page, "research-photo").setInputFiles(new FilePayload("carport.png", "image/png", QrCodes.png("车棚")));
    assertThat(byTestId(page, "research-thumb")).isVisible(SOON);
    byTestId(page, "research-add").click();
    assertThat(byTestId(page, "research-note")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    assertThat(byTestId(page, "research-note")).containsText("物业同意接电");
    assertThat(byTestId(page, "research-note").locator("img")).hasCount(1);
  }

  Page signedInStaff() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-meetings")).isVisible(SOON);
    return page;
  }

  /** A resident files a request at a kiosk; staff make it a topic. → the request's id. */
  String topicFromResident() throws Exception {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    String number = Await.result(kiosk.request("request.cmd", new JsonObject().put("action", "fileRequest").put("kind", "楼院设施")
        .put("what", "5号楼车棚能不能装充电桩，电动车在楼道充电太危险").put("gridId", DemoData.GRID_IDS[0]).put("building", "5号楼")
        .put("name", "钱阿姨").put("phone", "13700001111"))).getString("number");
    String id = Await.result(staff.request("request.cmd", new JsonObject().put("action", "listRequests"))).getJsonArray("requests")
        .stream().map(JsonObject.class::cast).filter(r -> number.equals(r.getString("number"))).findFirst().orElseThrow().getString("id");
    Await.result(staff.request("request.cmd", new JsonObject().put("action", "promoteRequest").put("id", id)
        .put("topicKind", "CONSULTATION").put("title", TOPIC).put("urgency", 3)));
    return id;
  }

  String meetingIdTitled(String title) {
    JsonArray meetings = Await.result(staff.request("plan.cmd", new JsonObject().put("action", "listMeetings"))).getJsonArray("meetings");
    return meetings.stream().map(JsonObject.class::cast).filter(m -> title.equals(m.getString("title"))).findFirst()
        .orElseThrow().getString("id");
  }

  JsonObject getMeeting(String id) {
    return Await.result(staff.request("plan.cmd", new JsonObject().put("action", "getMeeting").put("id", id))).getJsonObject("meeting");
  }

  void closeDemoMeeting() {
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));
    Await.result(cadre.request("room.cmd", new JsonObject().put("action", "closeMeeting").put("roomId", DemoData.ROOM_ID)));
  }
}
