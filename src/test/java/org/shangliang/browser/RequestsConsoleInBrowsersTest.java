package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrTokens;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The console's 诉求 tab in Chromium against a real server: requests filed by a kiosk on the
 * bridge (or a phone over HTTP) are taken through 三即三提一转 by staff in the browser, rated by
 * the resident on the status page's API and resolved by a real meeting.
 */
class RequestsConsoleInBrowsersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String MEETING = "00000000000000000000b001";
  static final String ATTENDEE = "00000000000000000000d008";
  static final String NAME = "赵阿婆";
  static final String PHONE = "13912345678";
  static final String MARKUP = "<img src=x onerror=alert(1)>";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  /** Long enough for the console's 10 s refresh. */
  static final LocatorAssertions.ContainsTextOptions POLL = new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
  static final LocatorAssertions.ContainsTextOptions QUICK = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient kiosk;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    kiosk = connect(server.token("Kiosk 1"));
    staff = connect(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(kiosk.close());
    Await.result(staff.close());
    browsers.close();
    server.close();
  }

  BridgeClient connect(String token) {
    return Await.result(BridgeClient.connect(server.vertx, server.port(), token));
  }

  static JsonObject cmd(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request("request.cmd", params.copy().put("action", action)));
  }

  /** Files a request at kiosk 1; answers {number, statusToken, id}. */
  JsonObject file(String kind, String what) {
    JsonObject filed = cmd(kiosk, "fileRequest", new JsonObject().put("kind", kind).put("what", what)
        .put("gridId", GRID_1).put("building", "3号楼").put("name", NAME).put("phone", PHONE));
    return filed.put("id", idOf(filed.getString("number")));
  }

  String idOf(String number) {
    return cmd(staff, "listRequests", new JsonObject()).getJsonArray("requests").stream().map(JsonObject.class::cast)
        .filter(r -> number.equals(r.getString("number"))).findFirst().orElseThrow().getString("id");
  }

  JsonObject step(String action, String id, JsonObject params) {
    return cmd(staff, action, params.copy().put("id", id)).getJsonObject("request");
  }

  /** The console signed in as a user, on the 诉求 tab. */
  Page console(String user) {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill(user);
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    byTestId(page, "console-tab-requests").click();
    assertThat(byTestId(page, "requests-table")).isVisible(SOON);
    return page;
  }

  /** Opens a request from its row in the list. */
  static void open(Page page, String number) {
    byTestId(page, "request-row-" + number).click();
    assertThat(byTestId(page, "request-title")).containsText(number, QUICK);
  }

  /** Opens a step's form, lets fill() complete it and submits; waits for the status it leads to. */
  static void takeStep(Page page, String step, Runnable fill, String expectedStatus) {
    byTestId(page, "request-step-" + step).click();
    assertThat(byTestId(page, "step-submit")).isVisible(SOON);
    fill.run();
    byTestId(page, "step-submit").click();
    assertThat(byTestId(page, "request-step-form").locator("form")).hasCount(0,
        new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    assertThat(byTestId(page, "request-status")).hasText(expectedStatus, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
  }

  JsonObject residentRates(String statusToken, String rating) throws Exception {
    var response = Http.post(server.baseUrl() + "/api/requests/rate", new JsonObject().put("token", statusToken)
        .put("rating", rating).encode(), null);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  void assertNoPageErrors() {
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a grid worker takes a kiosk request through 受理, 记录协商, 商定, 办结 and 告知居民; the resident's 不满意 brings it back to 协商中")
  void wholeCycleInTheBrowser() throws Exception {
    JsonObject filed = file("楼院设施", "3号楼楼道灯坏了，晚上看不见路");
    String number = filed.getString("number");
    Page page = console("grid");
    assertThat(byTestId(page, "request-row-status-" + number)).hasText("待受理");
    open(page, number);
    assertThat(byTestId(page, "request-resident")).containsText(NAME);
    assertThat(byTestId(page, "request-resident")).containsText(PHONE);
    assertThat(byTestId(page, "request-where")).containsText("第一网格");
    assertThat(byTestId(page, "request-photo")).isHidden();

    takeStep(page, "take", () -> { }, "协商中");
    takeStep(page, "consult", () -> {
      byTestId(page, "step-place-HOME").check();
      byTestId(page, "step-field-with").fill(NAME + "、物业赵经理");
      byTestId(page, "step-field-notes").fill("入户查看，确认灯具老化");
    }, "协商中");
    assertThat(byTestId(page, "request-consultations")).containsText("入户");
    takeStep(page, "agree", () -> {
      byTestId(page, "step-field-task").fill("更换3号楼楼道灯");
      byTestId(page, "step-field-responsible").fill("物业赵经理");
      byTestId(page, "step-field-residentConfirmedBy").fill(NAME);
      assertThat(byTestId(page, "step-staff-confirmation")).containsText("李网格员");
    }, "已商定");
    assertThat(byTestId(page, "request-agreements")).containsText("居民确认：" + NAME);
    assertThat(byTestId(page, "request-agreements")).containsText("工作人员确认：李网格员");
    takeStep(page, "complete", () -> byTestId(page, "step-field-note").fill("已更换"), "已办结");
    takeStep(page, "inform", () -> byTestId(page, "step-via-PHONE").check(), "已告知");
    assertThat(byTestId(page, "request-step-rate")).isVisible();
    assertThat(byTestId(page, "request-steps").locator("button")).hasCount(1);

    JsonObject reopened = residentRates(filed.getString("statusToken"), "UNSATISFIED");
    assertEquals("CONSULTING", reopened.getJsonObject("request").getString("status"));
    assertThat(byTestId(page, "request-status")).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
    assertThat(byTestId(page, "request-reopen")).hasText("1");
    assertThat(byTestId(page, "request-ratings")).containsText("不满意");
    assertThat(byTestId(page, "request-row-status-" + number)).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
    Locator history = byTestId(page, "request-history");
    assertThat(history.locator("tbody tr")).hasCount(7);
    assertThat(history.locator("tbody tr").nth(1)).containsText("李网格员");
    assertThat(history.locator("tbody tr").nth(1)).containsText("待受理 → 协商中");
    assertThat(history.locator("tbody tr").nth(6)).containsText("已告知 → 协商中");
    assertThat(history.locator("tbody tr").nth(6)).containsText("居民");
    assertNoPageErrors();
  }

  @Test
  @DisplayName("only the steps the status allows are offered; a step the server refuses shows its message; markup in what was asked stays text")
  void onlyAllowedStepsAndRefusals() throws Exception {
    JsonObject filed = file("其他", MARKUP);
    String number = filed.getString("number");
    Page page = console("staff");
    open(page, number);
    assertEquals(MARKUP, byTestId(page, "request-what").textContent());
    assertThat(byTestId(page, "request-detail").locator("img[src='x'], img[onerror]")).hasCount(0);
    Locator offered = byTestId(page, "request-steps").locator("button");
    assertEquals(List.of("request-step-dispatch", "request-step-take", "request-step-escalate", "request-step-transfer",
            "request-step-promote"),
        offered.all().stream().map(b -> b.getAttribute("data-testid")).toList());
    for (String absent : List.of("consult", "agree", "complete", "inform", "rate", "schedule", "follow_up")) {
      assertThat(byTestId(page, "request-step-" + absent)).hasCount(0);
    }

    // Escalated to 两办两中心 behind the console's back: the same level again is refused.
    byTestId(page, "request-step-escalate").click();
    assertThat(byTestId(page, "step-level-COMMUNITY_OFFICES")).isChecked();
    byTestId(page, "step-field-reason").fill("需社区两办两中心协调");
    step("escalateRequest", filed.getString("id"), new JsonObject().put("level", "COMMUNITY_OFFICES").put("reason", "已上提"));
    byTestId(page, "step-submit").click();
    assertThat(byTestId(page, "console-error")).containsText("不能进行这一步", QUICK);
    assertThat(byTestId(page, "request-status")).hasText("已上提", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "request-escalations")).containsText("两办两中心");

    // From 已上提: take it up again, and nothing that belongs to other states.
    assertThat(byTestId(page, "request-step-take")).isVisible();
    assertThat(byTestId(page, "request-step-complete")).hasCount(0);
    assertThat(byTestId(page, "request-row-status-" + number)).hasText("已上提", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    assertEquals(0, page.locator("img[src='x']").count());
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
  }

  @Test
  @DisplayName("a request promoted to a topic and put on the meeting's agenda shows the resolution the meeting announces")
  void topicThroughTheMeeting() throws Exception {
    JsonObject filed = file("邻里纠纷", "楼道灯更换费用如何分摊");
    String number = filed.getString("number");
    Page page = console("grid");
    open(page, number);
    takeStep(page, "promote", () -> {
      byTestId(page, "step-topicKind-DECISION").check();
      byTestId(page, "step-field-title").fill("楼道灯更换费用分摊");
      byTestId(page, "step-urgency-3").check();
      byTestId(page, "step-source-PARTY_BRANCH").check();
    }, "已转议题");
    assertThat(byTestId(page, "request-topic")).containsText("楼道灯更换费用分摊");
    assertThat(byTestId(page, "request-topic")).containsText("决策类");
    assertThat(byTestId(page, "request-topic")).containsText("党支部点题");
    takeStep(page, "schedule", () -> {
      assertThat(byTestId(page, "step-field-meetingId").locator("option[value='" + MEETING + "']")).hasCount(1,
          new LocatorAssertions.HasCountOptions().setTimeout(10_000));
      byTestId(page, "step-field-meetingId").selectOption(MEETING);
    }, "已转议题");
    assertThat(byTestId(page, "request-topic")).containsText("列入议程");
    assertThat(byTestId(page, "request-step-schedule")).hasCount(0);

    BridgeClient host = connect(server.login("cadre"));
    JsonArray agenda = room(host, "snapshot", new JsonObject()).getJsonObject("meeting").getJsonArray("agenda");
    assertEquals("楼道灯更换费用分摊", agenda.getJsonObject(agenda.size() - 1).getString("title"));
    assertEquals("PARTY_BRANCH", agenda.getJsonObject(agenda.size() - 1).getJsonObject("source").getString("kind"),
        "党支部点题 chosen by the grid worker");
    room(host, "openMeeting", new JsonObject());
    room(kiosk, "checkIn", new JsonObject().put("attendeeId", ATTENDEE));
    room(host, "gotoMatter", new JsonObject().put("index", agenda.size() - 1));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "按户均摊").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    room(kiosk, "castBallot", new JsonObject().put("attendeeId", ATTENDEE).put("voteId", voteId).put("choice", "FOR"));
    room(host, "closeVote", new JsonObject());
    room(host, "announceResult", new JsonObject());
    Await.result(host.close());

    assertThat(byTestId(page, "request-resolution")).containsText("按户均摊", POLL);
    assertThat(byTestId(page, "request-resolution")).containsText("通过");
    assertThat(byTestId(page, "request-status")).hasText("已商定");
    assertThat(byTestId(page, "request-history")).containsText("议事会决议");
    assertNoPageErrors();
  }

  @Test
  @DisplayName("the request shows its public title; staff approve it and change it, and the promote form starts from it, not from what the resident wrote")
  void publicTitleInTheConsole() throws Exception {
    String words = "3栋2单元501 张秀英 13812345678 身份证 110101195003071234 楼道灯坏了";
    JsonObject filed = file("楼院设施", words);
    Page page = console("grid");
    open(page, filed.getString("number"));
    Locator title = byTestId(page, "request-public-title");
    assertThat(title).hasText("楼院设施 · 第一网格 · 3号楼");
    assertThat(byTestId(page, "request-public-title-state")).hasText("默认标题，尚未确认");
    byTestId(page, "request-step-promote").click();
    assertThat(byTestId(page, "step-field-title")).hasValue("楼院设施 · 第一网格 · 3号楼");
    byTestId(page, "step-cancel").click();

    byTestId(page, "public-title-approve").click();
    assertThat(byTestId(page, "request-public-title-state")).containsText("李网格员", QUICK);
    assertThat(byTestId(page, "public-title-approve")).hasCount(0);
    byTestId(page, "public-title-edit").click();
    assertThat(byTestId(page, "public-title-input")).hasValue("楼院设施 · 第一网格 · 3号楼");
    byTestId(page, "public-title-input").fill("请联系13812345678");
    byTestId(page, "public-title-save").click();
    assertThat(byTestId(page, "console-error")).containsText("电话", QUICK);
    byTestId(page, "public-title-input").fill("3号楼楼道照明");
    byTestId(page, "public-title-save").click();
    assertThat(title).hasText("3号楼楼道照明", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "public-title-input")).hasCount(0);
    assertEquals("3号楼楼道照明", cmd(staff, "getRequest", new JsonObject().put("id", filed.getString("id")))
        .getJsonObject("request").getString("publicTitle"));
    assertThat(byTestId(page, "request-history")).containsText("公开标题");

    takeStep(page, "promote", () -> assertThat(byTestId(page, "step-field-title")).hasValue("3号楼楼道照明"), "已转议题");
    assertThat(byTestId(page, "request-topic")).containsText("3号楼楼道照明");
    assertNoPageErrors();
  }

  JsonObject room(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request("room.cmd", params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  @Test
  @DisplayName("a topic not followed up for 20 days shows under 已逾期, opens its request, and leaves the list once followed up")
  void overdueFollowUp() throws Exception {
    JsonObject filed = file("环境卫生", "垃圾分类点位设置");
    String number = filed.getString("number");
    String id = filed.getString("id");
    JsonObject promoted = step("promoteRequest", id, new JsonObject().put("topicKind", "DECISION").put("title", "垃圾分类点位调整")
        .put("urgency", 2));
    long promotedAt = promoted.getJsonObject("topic").getLong("promotedAt");
    Await.result(server.app.db().mongo().updateCollection("requests", new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("topic.promotedAt", promotedAt - 20 * 86_400_000L))));

    Page page = console("staff");
    assertThat(byTestId(page, "request-row-" + number)).containsText("已逾期", QUICK);
    byTestId(page, "requests-view-followups").click();
    assertThat(byTestId(page, "followups-overdue")).containsText(number, QUICK);
    assertThat(byTestId(page, "followups-overdue")).containsText("垃圾分类点位调整");
    assertThat(byTestId(page, "followups-due")).not().containsText(number);
    byTestId(page, "followup-" + number).click();
    assertThat(byTestId(page, "request-title")).containsText(number, QUICK);
    takeStep(page, "follow_up", () -> byTestId(page, "step-field-note").fill("已联系物业，下周调整点位"), "已转议题");
    assertThat(byTestId(page, "request-followUps")).containsText("已联系物业，下周调整点位");

    byTestId(page, "requests-view-followups").click();
    assertThat(byTestId(page, "followups-overdue")).not().containsText(number, QUICK);
    assertNoPageErrors();
  }

  @Test
  @DisplayName("the month's rates show 第一网格 with response, resolution and satisfaction as percentages, and — for an empty month")
  void ratesPerGrid() throws Exception {
    JsonObject one = file("楼院设施", "单元门禁损坏");
    file("楼院设施", "电动车充电桩不够");
    String id = one.getString("id");
    step("takeRequest", id, new JsonObject());
    step("consultRequest", id, new JsonObject().put("place", "SITE").put("with", NAME));
    step("agreeRequest", id, new JsonObject().put("task", "修门禁").put("responsible", "物业")
        .put("dueAt", System.currentTimeMillis() + 86_400_000L).put("residentConfirmedBy", NAME));
    step("completeRequest", id, new JsonObject());
    step("informRequest", id, new JsonObject().put("via", "PHONE"));
    residentRates(one.getString("statusToken"), "BASIC");

    Page page = console("staff");
    byTestId(page, "requests-view-rates").click();
    Locator row = byTestId(page, "rates-row-第一网格");
    assertThat(row).containsText("2", QUICK);
    assertThat(byTestId(page, "rates-row-第一网格-responseRate")).hasText("50%");
    assertThat(byTestId(page, "rates-row-第一网格-resolutionRate")).hasText("50%");
    assertThat(byTestId(page, "rates-row-第一网格-satisfactionRate")).hasText("100%");
    assertThat(byTestId(page, "rates-row-total")).containsText("合计");

    byTestId(page, "rates-month").fill("2020-01");
    assertThat(byTestId(page, "rates-row-total-responseRate")).hasText("—", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "rates-row-第一网格")).hasCount(0);
    assertNoPageErrors();
  }

  @Test
  @DisplayName("this half month's topic list puts the urgent topic first and publishes as a notice in the notices tab")
  void topicListPublishes() throws Exception {
    JsonObject plain = file("其他", "小区绿化带杂草多");
    JsonObject urgent = file("安全隐患", "井盖松动");
    step("promoteRequest", urgent.getString("id"), new JsonObject().put("topicKind", "CONSULTATION").put("title", "井盖维修")
        .put("urgency", 3));

    Page page = console("staff");
    byTestId(page, "requests-view-topics").click();
    Locator items = byTestId(page, "topiclist-items").locator("li");
    assertThat(items).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    assertThat(items.nth(0)).containsText("井盖维修");
    assertThat(items.nth(1)).containsText(plain.getString("number"));
    byTestId(page, "topiclist-period").selectOption("week");
    assertThat(items).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(10_000));

    byTestId(page, "topiclist-publish").click();
    assertThat(byTestId(page, "console-status")).containsText("议题清单", QUICK);
    byTestId(page, "console-tab-notices").click();
    assertThat(byTestId(page, "notice-list")).containsText("议题清单", QUICK);
    assertNoPageErrors();
  }

  @Test
  @DisplayName("a phone request's photo is shown to staff; the kinds list is edited; each grid's poster code is shown to print")
  void photoKindsAndPosters() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.REPORT, GRID_1, DemoData.BOARD_1);
    var upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/requests/photo"))
        .header("content-type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(StaffConsoleInBrowsersTest.png())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, upload.statusCode(), upload.body());
    var filed = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", token).put("kind", "安全隐患")
        .put("what", "井盖松动").put("gridId", GRID_1).put("phone", PHONE)
        .put("photoId", new JsonObject(upload.body()).getString("photoId")).encode(), null);
    assertEquals(201, filed.statusCode(), filed.body());
    String number = new JsonObject(filed.body()).getString("number");

    Page page = console("staff");
    open(page, number);
    assertThat(byTestId(page, "request-photo")).isVisible(SOON);
    assertTrue(byTestId(page, "request-photo").getAttribute("src").startsWith("data:image/png"));
    assertEquals(32, ((Number) byTestId(page, "request-photo").evaluate("img => img.naturalWidth")).intValue());
    assertThat(byTestId(page, "request-resident")).containsText("未留姓名");

    byTestId(page, "requests-view-kinds").click();
    assertThat(byTestId(page, "kinds-text")).hasValue(java.util.regex.Pattern.compile("楼院设施"),
        new LocatorAssertions.HasValueOptions().setTimeout(10_000));
    String kinds = byTestId(page, "kinds-text").inputValue();
    byTestId(page, "kinds-text").fill(kinds + "\n加装电梯");
    byTestId(page, "kinds-save").click();
    assertThat(byTestId(page, "console-status")).isVisible(SOON);
    JsonArray saved = cmd(kiosk, "requestForm", new JsonObject()).getJsonArray("kinds");
    assertTrue(saved.contains("加装电梯") && saved.contains("楼院设施"), saved.encode());

    byTestId(page, "requests-view-posters").click();
    Locator qr = byTestId(page, "poster-qr-" + GRID_1);
    assertThat(qr).isVisible(SOON);
    assertTrue(qr.getAttribute("src").matches("/qr/[^/]+\\.svg"), qr.getAttribute("src"));
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", qr.elementHandle());
    assertThat(byTestId(page, "poster-" + GRID_1)).containsText("第一网格");
    assertThat(byTestId(page, "poster-print-" + GRID_1)).isVisible();
    assertNoPageErrors();
  }
}
