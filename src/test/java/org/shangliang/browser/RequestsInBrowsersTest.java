package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.QrImages;
import org.shangliang.support.TestServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * Residents' requests in Chromium: filing at the kiosk (我要反映) and on a phone from a board's code,
 * following and rating on the status page, and the board's 实时晒单 — each page in its own context
 * like a separate device, against a real server; staff and hosts act over the bridge.
 */
class RequestsInBrowsersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String WANG = "00000000000000000000d008";
  static final String PAYLOAD = "<img src=x onerror=alert(1)>";
  static final Pattern NUMBER = Pattern.compile("^\\d{4}-\\d{4}$");
  static final long DAY_MS = 24 * 3600 * 1000L;
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  Page kiosk() {
    Page kiosk = browsers.open(server.url("Kiosk 1"), 1280, 800);
    assertThat(byTestId(kiosk, "report-start")).isVisible(SOON);
    return kiosk;
  }

  Page board() {
    Page board = browsers.open(server.url("Notice board 1"), 1920, 1080);
    assertThat(byTestId(board, "display-name")).hasText("1号公示栏", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    return board;
  }

  JsonObject requests(String action, JsonObject params) {
    return Await.result(staff.request("request.cmd", params.copy().put("action", action)));
  }

  /** The staff view of the request with this number. */
  JsonObject findRequest(String number) {
    JsonArray list = requests("listRequests", new JsonObject()).getJsonArray("requests");
    return list.stream().map(JsonObject.class::cast).filter(r -> number.equals(r.getString("number"))).findFirst()
        .orElseThrow(() -> new AssertionError("staff do not see request " + number));
  }

  void step(String action, String id, JsonObject params) {
    requests(action, params.copy().put("id", id));
  }

  static void assertFriendly(Page page, String screen) throws IOException {
    try (InputStream in = RequestsInBrowsersTest.class.getResourceAsStream("/a11y-probe.js")) {
      assertEquals(List.of(), page.evaluate(new String(in.readAllBytes(), StandardCharsets.UTF_8)), screen);
    }
  }



  /** A small photo, made here: a PNG of two coloured halves. */
  static byte[] photo() throws IOException {
    BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2e7d32));
    g.fillRect(0, 0, 40, 60);
    g.setColor(new Color(0x795548));
    g.fillRect(40, 0, 40, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Taps 我要反映 and goes to the step where the resident says what it is about. */
  static void kioskUpToWhat(Page kiosk, int kindIndex, String kind) {
    byTestId(kiosk, "report-start").click();
    Locator kindButton = byTestId(kiosk, "request-kind-" + kindIndex);
    assertThat(kindButton).hasText(kind, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    kindButton.click();
    byTestId(kiosk, "request-grid-" + GRID_1).click();
    byTestId(kiosk, "request-building-3").click();
    assertThat(byTestId(kiosk, "request-text")).isVisible();
  }

  @Test
  @DisplayName("a resident files at the kiosk by tapping, staff take it through to informed, and 不满意 on the status page reopens it")
  void kioskRequestThroughToRating() throws Exception {
    Page kiosk = kiosk();
    assertFriendly(kiosk, "check-in with 我要反映");
    byTestId(kiosk, "report-start").click();
    assertThat(byTestId(kiosk, "request-kind-0")).hasText("楼院设施", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertFriendly(kiosk, "request: kind");
    byTestId(kiosk, "request-kind-0").click();
    assertFriendly(kiosk, "request: grid");
    byTestId(kiosk, "request-grid-" + GRID_1).click();
    assertFriendly(kiosk, "request: building");
    byTestId(kiosk, "request-building-3").click();
    byTestId(kiosk, "request-phrase-0").click();
    assertThat(byTestId(kiosk, "request-phrase-0")).hasAttribute("aria-pressed", "true");
    byTestId(kiosk, "request-text").fill("晚上看不见路");
    assertFriendly(kiosk, "request: what");
    byTestId(kiosk, "request-what-next").click();
    byTestId(kiosk, "request-name").fill("赵阿婆");
    byTestId(kiosk, "request-phone").fill("13912345678");
    assertFriendly(kiosk, "request: name and phone");
    byTestId(kiosk, "request-contact-next").click();
    Locator summary = byTestId(kiosk, "request-summary");
    assertThat(summary).containsText("楼道灯坏了；晚上看不见路");
    assertThat(summary).containsText("3号楼");
    assertThat(summary).containsText("第一网格");
    assertFriendly(kiosk, "request: confirm");
    byTestId(kiosk, "request-submit").click();

    Locator number = byTestId(kiosk, "request-number");
    assertThat(number).hasText(NUMBER, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    Locator qr = byTestId(kiosk, "request-qr");
    kiosk.waitForFunction("() => { const img = document.querySelector('[data-testid=request-qr]');"
        + " return !!img && img.complete && img.naturalWidth > 0; }");
    assertFriendly(kiosk, "request: number and code");
    String statusUrl = QrImages.urlIn(server.baseUrl(), qr, "/r/");

    JsonObject filed = findRequest(number.textContent());
    assertEquals("楼院设施", filed.getString("kind"));
    assertEquals("楼道灯坏了；晚上看不见路", filed.getString("what"));
    assertEquals("3号楼", filed.getJsonObject("where").getString("building"));
    assertEquals("KIOSK", filed.getString("channel"));
    assertEquals("13912345678", filed.getJsonObject("resident").getString("phone"));
    String id = filed.getString("id");
    step("takeRequest", id, new JsonObject());
    step("consultRequest", id, new JsonObject().put("place", "SITE").put("with", "赵阿婆、物业"));
    step("agreeRequest", id, new JsonObject().put("task", "更换3号楼楼道灯").put("responsible", "物业赵经理")
        .put("dueAt", System.currentTimeMillis() + 3 * DAY_MS).put("residentConfirmedBy", "赵阿婆"));
    step("completeRequest", id, new JsonObject().put("note", "已更换"));
    step("informRequest", id, new JsonObject().put("via", "STATUS_PAGE"));

    Page phone = browsers.open(statusUrl, 390, 844);
    assertThat(byTestId(phone, "request-number")).hasText(number.textContent());
    assertThat(byTestId(phone, "request-status")).hasText("已办结，请您评价");
    assertThat(byTestId(phone, "agreed-action")).hasText("更换3号楼楼道灯");
    assertThat(byTestId(phone, "due-at")).isVisible();
    assertThat(byTestId(phone, "timeline").locator("li")).hasCount(6);
    assertThat(byTestId(phone, "request-public-title")).hasText("楼院设施 · 第一网格 · 3号楼");
    assertFalse(phone.locator("main").textContent().contains("赵阿婆"), "the status page names nobody");
    assertFalse(phone.locator("main").textContent().contains("晚上看不见路"), "nor shows what was typed");
    byTestId(phone, "rate-UNSATISFIED").click();
    byTestId(phone, "comment").fill("晚上还是有一盏不亮");
    byTestId(phone, "send-rating").click();
    assertThat(byTestId(phone, "request-status")).hasText("协商中");
    assertThat(byTestId(phone, "rated")).containsText("再和您商量");
    assertThat(byTestId(phone, "rating")).hasCount(0);
    JsonObject reopened = requests("getRequest", new JsonObject().put("id", id)).getJsonObject("request");
    assertEquals("CONSULTING", reopened.getString("status"));
    assertEquals(1, reopened.getInteger("reopenCount"));

    byTestId(kiosk, "request-finish").click();
    assertThat(byTestId(kiosk, "checkin-" + WANG)).isVisible(SOON);
    assertThat(byTestId(kiosk, "report-start")).isVisible();
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a phone files with a photo from the board's report code, and the board's 实时晒单 and the status page show the public title but nothing the resident typed")
  void phoneRequestFromTheBoard() throws Exception {
    Page board = board();
    Locator reportQr = byTestId(board, "report-qr");
    assertThat(reportQr).isVisible(SOON);
    assertThat(reportQr).containsText("扫码反映问题");
    Page phone = browsers.open(QrImages.urlIn(server.baseUrl(), reportQr.locator("img"), "/p/"), 390, 844);
    assertThat(byTestId(phone, "board")).hasText("第一网格");
    assertThat(byTestId(phone, "grid-" + GRID_1)).hasAttribute("aria-pressed", "true");
    assertThat(byTestId(phone, "kind-4")).hasText("安全隐患");
    byTestId(phone, "kind-4").click();
    byTestId(phone, "building").fill("5号楼北侧");
    byTestId(phone, "what").fill("井盖松动，晚上有人踩空");
    byTestId(phone, "photo-input").setInputFiles(new FilePayload("photo.png", "image/png", photo()));
    assertThat(byTestId(phone, "photo-thumb")).isVisible(SOON);
    byTestId(phone, "name").fill("钱阿姨");
    byTestId(phone, "phone").fill("13700009999");
    byTestId(phone, "send").click();
    Locator number = byTestId(phone, "request-number");
    assertThat(number).hasText(NUMBER, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    String n = number.textContent();

    JsonObject filed = findRequest(n);
    assertEquals("WEB", filed.getString("channel"));
    assertEquals("安全隐患", filed.getString("kind"));
    assertEquals("5号楼北侧", filed.getJsonObject("where").getString("building"));
    assertNotNull(filed.getString("photoId"), "the photo came with the request");

    // Filing moved the grid's progress: the board shows it next.
    Locator row = byTestId(board, "progress-" + n);
    assertThat(row).isVisible(SOON);
    assertThat(byTestId(board, "progress-board")).containsText("实时晒单 · 第一网格");
    assertThat(row).containsText("安全隐患");
    assertThat(byTestId(board, "progress-title-" + n)).hasText("安全隐患 · 第一网格");
    assertThat(row).containsText("待受理");
    step("takeRequest", filed.getString("id"), new JsonObject());
    assertThat(byTestId(board, "progress-" + n)).containsText("协商中", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    String shown = board.locator("body").innerText() + board.evaluate("() => JSON.stringify(localStorage)");
    for (String personal : List.of("钱阿姨", "13700009999", "井盖松动", "5号楼北侧")) {
      assertFalse(shown.contains(personal), "the board shows or keeps " + personal);
    }
    assertThat(byTestId(board, "report-qr")).isVisible();

    byTestId(phone, "status-link").click();
    assertThat(byTestId(phone, "request-status")).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "request-public-title")).hasText("安全隐患 · 第一网格");
    for (String typed : List.of("钱阿姨", "13700009999", "井盖松动", "5号楼北侧")) {
      assertFalse(phone.locator("main").textContent().contains(typed), "the status page shows " + typed);
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  JsonObject room(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request("room.cmd", params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  @Test
  @DisplayName("a request made a topic and voted on at the meeting shows the resolution on its status page")
  void topicResolutionOnTheStatusPage() throws Exception {
    BridgeClient kioskBus = server.bridge(server.token("Kiosk 2"));
    JsonObject filed = Await.result(kioskBus.request("request.cmd", new JsonObject().put("action", "fileRequest")
        .put("kind", "邻里纠纷").put("what", "楼道灯更换费用谁来出").put("gridId", GRID_1)));
    String id = findRequest(filed.getString("number")).getString("id");
    step("promoteRequest", id, new JsonObject().put("topicKind", "CONSULTATION").put("title", "楼道灯更换费用分摊").put("urgency", 2));
    step("scheduleTopic", id, new JsonObject().put("meetingId", DemoData.MEETING_ID));

    BridgeClient host = server.bridge(server.login("cadre"));
    JsonArray agenda = room(host, "snapshot", new JsonObject()).getJsonObject("meeting").getJsonArray("agenda");
    assertEquals("楼道灯更换费用分摊", agenda.getJsonObject(agenda.size() - 1).getString("title"));
    room(host, "openMeeting", new JsonObject());
    room(kioskBus, "checkIn", new JsonObject().put("attendeeId", WANG));
    room(host, "gotoMatter", new JsonObject().put("index", agenda.size() - 1));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "按户均摊").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    room(kioskBus, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId).put("choice", "FOR"));
    room(host, "closeVote", new JsonObject());
    room(host, "announceResult", new JsonObject());
    Await.until("the request has the resolution", 5000, () -> "AGREED".equals(
        requests("getRequest", new JsonObject().put("id", id)).getJsonObject("request").getString("status")));

    Page phone = browsers.open(server.baseUrl() + "/r/" + filed.getString("statusToken"), 390, 844);
    assertThat(byTestId(phone, "resolution-motion")).hasText("按户均摊", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "resolution-outcome")).containsText("表决通过");
    assertThat(byTestId(phone, "request-status")).hasText("已商定，办理中");
    assertThat(byTestId(phone, "step-RESOLVE")).containsText("议事会形成决议");
    assertThat(byTestId(phone, "rating")).hasCount(0);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("markup typed at the kiosk shows as plain text on the kiosk, stays off the status page, and never runs")
  void markupShowsAsText() throws Exception {
    Page kiosk = kiosk();
    kioskUpToWhat(kiosk, 1, "邻里纠纷");
    byTestId(kiosk, "request-text").fill(PAYLOAD);
    byTestId(kiosk, "request-what-next").click();
    byTestId(kiosk, "request-contact-skip").click();
    assertThat(byTestId(kiosk, "request-summary")).containsText(PAYLOAD);
    assertThat(kiosk.locator("main img[src='x']")).hasCount(0);
    byTestId(kiosk, "request-submit").click();
    assertThat(byTestId(kiosk, "request-number")).hasText(NUMBER, new LocatorAssertions.HasTextOptions().setTimeout(10_000));

    Page phone = browsers.open(server.baseUrl() + "/r/" + QrImages.tokenOf(byTestId(kiosk, "request-qr")), 390, 844);
    assertThat(byTestId(phone, "request-public-title")).hasText("邻里纠纷 · 第一网格 · 3号楼",
        new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "request-status")).hasText("待受理");
    assertFalse(phone.locator("main").textContent().contains(PAYLOAD), "what was typed stays off the status page");
    assertThat(phone.locator("main img[src='x']")).hasCount(0);
    phone.waitForTimeout(500);
    assertTrue(browsers.dialogs.isEmpty(), "scripts ran: " + browsers.dialogs);
  }

  @Test
  @DisplayName("the kiosk refuses to go on without saying what the matter is, and 不反映了 goes back to check-in")
  void kioskNeedsWhat() throws Exception {
    Page kiosk = kiosk();
    kioskUpToWhat(kiosk, 0, "楼院设施");
    byTestId(kiosk, "request-what-next").click();
    assertThat(byTestId(kiosk, "error")).hasText("请点一个常见问题，或写下您要反映的事。");
    assertThat(byTestId(kiosk, "request-text")).isVisible();
    byTestId(kiosk, "request-cancel").click();
    assertThat(byTestId(kiosk, "checkin-" + WANG)).isVisible(SOON);
    assertEquals(0, requests("listRequests", new JsonObject()).getJsonArray("requests").size());
  }

  @Test
  @DisplayName("a vote that opens while a checked-in attendee files a request takes the kiosk back to the ballot")
  void aVoteComesFirst() throws Exception {
    Page kiosk = kiosk();
    byTestId(kiosk, "checkin-" + WANG).click();
    byTestId(kiosk, "iam-confirm").click();
    assertThat(byTestId(kiosk, "attendee-name")).isVisible(SOON);
    kioskUpToWhat(kiosk, 0, "楼院设施");
    BridgeClient host = server.bridge(server.login("cadre"));
    String room = "00000000000000000000a001";
    Await.result(host.request("room.cmd", new JsonObject().put("action", "openMeeting").put("roomId", room)));
    assertThat(byTestId(kiosk, "request-text")).isVisible();
    Await.result(host.request("room.cmd", new JsonObject().put("action", "openVote").put("roomId", room)
        .put("motion", "同意方案").put("secret", true).put("walkInsVote", false).put("liveTally", false).put("base", "FOR_AGAINST")));
    assertThat(byTestId(kiosk, "vote-FOR")).isVisible(SOON);
    assertThat(byTestId(kiosk, "error")).containsText("表决开始了");
    assertThat(byTestId(kiosk, "request-text")).hasCount(0);
  }
}
