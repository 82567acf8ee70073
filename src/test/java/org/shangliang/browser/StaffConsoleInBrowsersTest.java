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
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The staff console in Chromium against a real server: notices written, previewed and published
 * to chosen boards, with real signage clients on the bridge standing in for the boards.
 */
class StaffConsoleInBrowsersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String GRID_2 = "000000000000000000001002";
  static final String GRID_3 = "000000000000000000001003";
  static final String BOARD_1 = "000000000000000000002001";
  static final String BOARD_2 = "000000000000000000002002";
  static final String MEETING = "00000000000000000000b001";
  static final String FIRST_MATTER = "00000000000000000000c001";
  static final String MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  final List<BridgeClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    for (BridgeClient client : clients) {
      Await.result(client.close());
    }
    browsers.close();
    server.close();
  }

  /** A field of the notice form (the preview's card has testids of its own). */
  static Locator editorField(Page page, String id) {
    return byTestId(page, "notice-editor").locator("[data-testid='" + id + "']");
  }

  /** The preview's board screen: a frame with a board's viewport. */
  static Locator previewScreen(Page page) {
    return byTestId(page, "notice-preview").locator("iframe").contentFrame().locator("body");
  }

  Page signedInStaff() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "notice-grid-" + GRID_1)).isVisible(SOON);
    return page;
  }

  /** A signage display on the bridge with its own token, listening to its playlist address. */
  BridgeClient board(String label, String displayId, List<JsonObject> received) {
    BridgeClient client = Await.result(BridgeClient.connect(server.vertx, server.port(), server.token(label)));
    clients.add(client);
    client.register("display." + displayId + ".signage", received::add);
    return client;
  }

  static JsonObject playlist(BridgeClient client) {
    return Await.result(client.request("signage.cmd", new JsonObject().put("action", "playlist")));
  }

  static boolean lists(JsonObject playlist, String noticeId) {
    JsonArray notices = playlist.getJsonArray("notices", new JsonArray());
    return notices.stream().map(JsonObject.class::cast).anyMatch(n -> noticeId.equals(n.getString("id")));
  }

  /** The id of the notice the editor holds, read from its row in the list. */
  static String rowIdOf(Page page, String title) {
    Locator row = page.locator("[data-testid^='notice-row-']").filter(new Locator.FilterOptions().setHasText(title));
    assertThat(row).hasCount(1);
    return row.getAttribute("data-testid").substring("notice-row-".length());
  }

  @Test
  @DisplayName("staff publish a notice to 第一网格: board 1 receives it in its playlist, board 2 does not")
  void publishToOneGrid() throws Exception {
    List<JsonObject> toBoard1 = new CopyOnWriteArrayList<>();
    List<JsonObject> toBoard2 = new CopyOnWriteArrayList<>();
    BridgeClient board1 = board("Notice board 1", BOARD_1, toBoard1);
    BridgeClient board2 = board("Notice board 2", BOARD_2, toBoard2);
    playlist(board1);
    playlist(board2);
    Page page = signedInStaff();

    String title = "加装电梯意见征集";
    editorField(page, "notice-title").fill(title);
    editorField(page, "notice-body").fill("请于**本周六**前反馈意见。\n\n- 一楼大厅意见箱\n- 扫码评价");
    byTestId(page, "notice-grid-" + GRID_1).check();
    assertThat(previewScreen(page)).containsText(title);
    assertThat(previewScreen(page).locator("strong")).hasText("本周六");
    byTestId(page, "notice-publish").click();

    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    String noticeId = rowIdOf(page, title);
    assertThat(byTestId(page, "notice-row-" + noticeId)).containsText("第一网格");
    Await.until("board 1 receives the notice", 10_000, () -> toBoard1.stream().anyMatch(p -> lists(p, noticeId)));
    assertTrue(lists(playlist(board1), noticeId));
    assertFalse(lists(playlist(board2), noticeId), "board 2 is in another grid");
    assertTrue(toBoard2.stream().noneMatch(p -> lists(p, noticeId)), "nothing for board 2 was sent to it");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("markup in a notice's title and body shows literally in the list and the preview and never runs")
  void markupStaysText() throws Exception {
    Page page = signedInStaff();
    editorField(page, "notice-title").fill(MARKUP);
    editorField(page, "notice-body").fill(MARKUP);
    byTestId(page, "notice-everywhere").check();
    byTestId(page, "notice-save").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "DRAFT", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));

    String noticeId = rowIdOf(page, MARKUP);
    Locator list = byTestId(page, "notice-list");
    Locator preview = previewScreen(page);
    assertEquals(MARKUP, byTestId(page, "notice-title-" + noticeId).textContent());
    assertThat(preview).containsText(MARKUP);
    assertEquals(2, preview.textContent().split(java.util.regex.Pattern.quote(MARKUP), -1).length - 1,
        "title and body both shown as text");
    // The preview is a board's screen with its QR codes; no image or script came from the text.
    assertThat(list.locator("img")).hasCount(0);
    assertThat(preview.locator("img[src='x'], img[onerror]")).hasCount(0);
    for (Locator area : List.of(list, preview)) {
      assertThat(area.locator("script")).hasCount(0);
    }
    assertEquals(0, page.locator("img[src='x'], img[onerror]").count());
    // Reloaded from the server, still text.
    page.reload();
    assertThat(byTestId(page, "notice-title-" + noticeId)).hasText(MARKUP, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(list.locator("img, script")).hasCount(0);
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a result notice ended early asks for a reason (POSTING_TOO_SHORT) and is retracted once one is given")
  void resultNoticeNeedsAReasonToEndEarly() throws Exception {
    announceFirstMatter();
    Page page = signedInStaff();
    byTestId(page, "resolution-" + FIRST_MATTER).click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    assertThat(editorField(page, "notice-kind")).hasValue("RESULT");
    assertThat(byTestId(page, "notice-reason")).isHidden();
    // Saved unchanged, it keeps its exact start (a published result notice may not move it).
    byTestId(page, "notice-save").click();
    // the status line still shows the publishing's 已发布: wait for this save's own word, or the
    // retract below lands while the save is in flight and the editor drops it
    assertThat(byTestId(page, "console-status")).containsText("已保存", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "console-error")).isHidden();

    byTestId(page, "notice-retract").click();
    assertThat(byTestId(page, "notice-reason")).isVisible(SOON);
    assertThat(byTestId(page, "console-error")).containsText("7天");
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED");

    byTestId(page, "notice-reason").fill("决议内容有误，更正后重新公示");
    byTestId(page, "notice-retract").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "RETRACTED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    assertThat(byTestId(page, "notice-history")).containsText("决议内容有误，更正后重新公示");
    assertThat(byTestId(page, "notice-reason")).isHidden();

    // A new result notice posted for only two days needs a reason too, for saving and publishing.
    byTestId(page, "notice-new").click();
    editorField(page, "notice-kind").selectOption("RESULT");
    editorField(page, "notice-title").fill("更正：加装电梯费用分摊方案表决结果");
    byTestId(page, "notice-everywhere").check();
    byTestId(page, "notice-end").fill(LocalDateTime.now().plusDays(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    byTestId(page, "notice-publish").click();
    assertThat(byTestId(page, "notice-reason")).isVisible(SOON);
    byTestId(page, "notice-reason").fill("更正公示，原公示已满足大部分公示期");
    byTestId(page, "notice-publish").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    assertThat(byTestId(page, "notice-history")).containsText("更正公示，原公示已满足大部分公示期");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("staff read a notice's ratings, comments with phone numbers and posting record, and mark a comment handled")
  void feedbackOfANotice() throws Exception {
    BridgeClient board1 = board("Notice board 1", BOARD_1, new CopyOnWriteArrayList<>());
    BridgeClient staff = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("staff")));
    clients.add(staff);
    long now = System.currentTimeMillis();
    JsonObject saved = Await.result(staff.request("console.cmd", new JsonObject().put("action", "saveNotice")
        .put("kind", "PUBLICITY").put("title", "楼道照明改造").put("body", "请扫码评价。")
        .put("targets", new JsonObject().put("everywhere", false).put("grids", new JsonArray().add(GRID_1)).put("displays", new JsonArray()))
        .put("startsAt", now - 60_000).put("endsAt", now + 86_400_000L).put("priority", 0).put("urgent", false)));
    String noticeId = saved.getJsonObject("notice").getString("id");
    Await.result(staff.request("console.cmd", new JsonObject().put("action", "publishNotice").put("id", noticeId)));
    String qr = playlist(board1).getJsonObject("qr").getString(noticeId);
    HttpClient changedItsMind = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    rate(changedItsMind, qr, "SATISFIED", null, null);
    rate(qr, "SATISFIED", MARKUP, "13800000001");
    rate(changedItsMind, qr, "BASIC", null, null);
    rate(qr, "UNSATISFIED", "三楼的灯还是不亮", "13900000002");
    Await.result(board1.request("signage.cmd", new JsonObject().put("action", "heartbeat").put("current", noticeId)
        .put("shown", new JsonArray().add(noticeId))));

    Page page = signedInStaff();
    byTestId(page, "notice-feedback-" + noticeId).click();
    assertThat(byTestId(page, "feedback-total")).containsText("3", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "feedback-rate")).containsText("66.7%");
    assertThat(byTestId(page, "feedback-count-SATISFIED")).containsText("1");
    assertThat(byTestId(page, "feedback-count-BASIC")).containsText("1");
    assertThat(byTestId(page, "feedback-count-UNSATISFIED")).containsText("1");
    Locator markupComment = page.locator("[data-testid^='feedback-comment-']").filter(new Locator.FilterOptions().setHasText(MARKUP));
    assertEquals(MARKUP, markupComment.textContent());
    assertThat(byTestId(page, "feedback-panel").locator("img, script")).hasCount(0);
    Locator unhappy = page.locator("[data-testid^='feedback-item-']").filter(new Locator.FilterOptions().setHasText("三楼的灯还是不亮"));
    assertThat(unhappy).containsText("13900000002");
    assertThat(unhappy).containsText("1号公示栏");
    assertThat(byTestId(page, "postings")).containsText("1号公示栏");
    Locator changed = page.locator("[data-testid^='feedback-item-'][data-rating='BASIC'] [data-testid^='feedback-changed-']");
    assertThat(changed).containsText(Pattern.compile("已修改.*满意.*→.*基本满意"));
    assertThat(page.locator("[data-testid^='feedback-changed-']")).hasCount(1);

    unhappy.locator("[data-testid^='feedback-handle-']").click();
    assertThat(unhappy.locator("[data-testid^='feedback-handled-']")).isVisible(SOON);
    assertThat(page.locator("[data-testid^='feedback-handle-']")).hasCount(2);
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a new screen paired by its 6-digit code joins its grid, shows online after a heartbeat and can be renamed and moved")
  void pairAndManageADisplay() throws Exception {
    JsonObject pairing = new JsonObject(Http.post(server.baseUrl() + "/api/pairings", "{}", null).body());
    Page page = signedInStaff();
    byTestId(page, "console-tab-displays").click();
    assertThat(byTestId(page, "display-status-" + BOARD_2)).hasAttribute("data-online", "false");
    assertThat(byTestId(page, "display-status-" + BOARD_2)).containsText("离线");
    byTestId(page, "pair-code").fill(pairing.getString("code"));
    byTestId(page, "pair-name").fill("3号公示栏");
    byTestId(page, "pair-grid").selectOption(GRID_3);
    byTestId(page, "pair-submit").click();
    assertThat(byTestId(page, "console-status")).containsText("3号公示栏", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    JsonObject paired = new JsonObject(Http.get(server.baseUrl() + "/api/pairings/" + pairing.getString("secret")).body());
    assertEquals("PAIRED", paired.getString("state"));
    String displayId = paired.getString("deviceId");
    Locator row = byTestId(page, "display-row-" + displayId);
    assertThat(row).containsText("第三网格", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    List<JsonObject> received = new CopyOnWriteArrayList<>();
    BridgeClient screen = Await.result(BridgeClient.connect(server.vertx, server.port(), paired.getString("token")));
    clients.add(screen);
    screen.register("display." + displayId + ".signage", received::add);
    Await.result(screen.request("signage.cmd", new JsonObject().put("action", "heartbeat").putNull("current").put("shown", new JsonArray())));
    // The console asks for display status every 10 s.
    assertThat(byTestId(page, "display-status-" + displayId)).hasAttribute("data-online", "true",
        new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));

    byTestId(page, "display-name-" + displayId).fill("3号公示栏（东门）");
    byTestId(page, "display-grid-" + displayId).selectOption(GRID_2);
    byTestId(page, "display-save-" + displayId).click();
    assertThat(row).containsText("第二网格", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "display-name-text-" + displayId)).hasText("3号公示栏（东门）");
    Await.until("the screen hears its new name", 10_000, () -> received.stream()
        .anyMatch(p -> "3号公示栏（东门）".equals(p.getJsonObject("display", new JsonObject()).getString("name"))));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a console holding a session the server no longer knows goes back to the sign-in form")
  void staleSessionSignsOut() throws Exception {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    assertThat(byTestId(page, "login-user")).isVisible(SOON);
    page.evaluate("localStorage.setItem('shangliang.console.token', 'no-such-session')");
    page.reload();
    assertThat(byTestId(page, "login-user")).isVisible(SOON);
    assertThat(byTestId(page, "console-error")).containsText("重新登录");
    byTestId(page, "login-user").fill("cadre");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "signed-in-as")).containsText("社区干部", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "notice-grid-" + GRID_1)).isVisible(SOON);
    byTestId(page, "logout").click();
    assertThat(byTestId(page, "login-user")).isVisible(SOON);
    assertEquals(null, page.evaluate("localStorage.getItem('shangliang.console.token')"));
  }

  @Test
  @DisplayName("after a server restart the console reconnects by itself and shows a fresh overview")
  void recoversAfterRestart() throws Exception {
    Page page = signedInStaff();
    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    assertThat(byTestId(page, "connection")).isVisible(SOON);
    server = TestServer.start(dataDir, port);
    assertThat(byTestId(page, "connection")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));

    BridgeClient staff = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("staff")));
    clients.add(staff);
    long now = System.currentTimeMillis();
    Await.result(staff.request("console.cmd", new JsonObject().put("action", "saveNotice")
        .put("kind", "TOPIC").put("title", "重启后新增的议题预告").put("body", "")
        .put("targets", new JsonObject().put("everywhere", true)).put("startsAt", now).put("endsAt", now + 86_400_000L)));
    // Nothing pushes notices to the console: the list follows by its 10 s overview.
    assertThat(byTestId(page, "notice-list")).containsText("重启后新增的议题预告", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    byTestId(page, "notice-new").click();
    editorField(page, "notice-title").fill("重启后由管理台保存");
    byTestId(page, "notice-everywhere").check();
    byTestId(page, "notice-save").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "DRAFT", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
  }

  @Test
  @DisplayName("an urgent notice reaches its board at once and leaves it when staff clear it from the list")
  void urgentNoticeIsCleared() throws Exception {
    List<JsonObject> toBoard1 = new CopyOnWriteArrayList<>();
    BridgeClient board1 = board("Notice board 1", BOARD_1, toBoard1);
    playlist(board1);
    Page page = signedInStaff();
    String title = "停水通知：今晚22点起";
    editorField(page, "notice-title").fill(title);
    editorField(page, "notice-body").fill("因管道抢修，**第一网格**今晚22点至次日6点停水。");
    byTestId(page, "notice-display-" + BOARD_1).check();
    byTestId(page, "notice-urgent").check();
    byTestId(page, "notice-publish").click();
    assertThat(byTestId(page, "notice-retract")).hasText("解除紧急", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    String noticeId = rowIdOf(page, title);
    Await.until("board 1 gets the urgent notice", 10_000, () -> toBoard1.stream().anyMatch(p -> lists(p, noticeId)
        && p.getJsonArray("notices").stream().map(JsonObject.class::cast).anyMatch(n -> n.getBoolean("urgent"))));

    int before = toBoard1.size();
    byTestId(page, "notice-clear-" + noticeId).click();
    assertThat(byTestId(page, "notice-state-" + noticeId)).hasText("已撤下", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "notice-clear-" + noticeId)).hasCount(0);
    Await.until("board 1 gets a playlist without it", 10_000,
        () -> toBoard1.size() > before && !lists(toBoard1.get(toBoard1.size() - 1), noticeId));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("an image chosen in the form is uploaded, shown in the preview and sent to the board with the notice")
  void noticeWithImage() throws Exception {
    BridgeClient board1 = board("Notice board 1", BOARD_1, new CopyOnWriteArrayList<>());
    Page page = signedInStaff();
    editorField(page, "notice-title").fill("社区花园开放日");
    editorField(page, "notice-body").fill("欢迎居民参加。");
    byTestId(page, "notice-grid-" + GRID_1).check();
    byTestId(page, "notice-image").setInputFiles(new FilePayload("garden.png", "image/png", png()));
    assertThat(byTestId(page, "notice-image-thumb")).isVisible(SOON);
    String src = byTestId(page, "notice-image-thumb").getAttribute("src");
    assertTrue(src.startsWith("/media/"), src);
    assertThat(previewScreen(page).locator("img[src='" + src + "']")).hasCount(1);
    byTestId(page, "notice-publish").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));

    String noticeId = rowIdOf(page, "社区花园开放日");
    JsonObject sent = playlist(board1).getJsonArray("notices").stream().map(JsonObject.class::cast)
        .filter(n -> noticeId.equals(n.getString("id"))).findFirst().orElseThrow();
    assertEquals(src, "/media/" + sent.getString("imageId"));
    assertEquals(200, Http.get(server.baseUrl() + src).statusCode());
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A phone scans the QR code and rates the notice; without cookies, each call is another phone. */
  void rate(String qrToken, String rating, String comment, String phone) throws Exception {
    rate(null, qrToken, rating, comment, phone);
  }

  /** The phone holding {@code client}'s cookies (or a new one) rates the notice from a freshly opened form. */
  void rate(HttpClient client, String qrToken, String rating, String comment, String phone) throws Exception {
    String formUrl = server.baseUrl() + "/api/feedback/" + qrToken;
    JsonObject form = new JsonObject((client == null ? Http.get(formUrl) : Http.get(client, formUrl)).body());
    JsonObject body = new JsonObject().put("token", qrToken).put("ticket", form.getString("ticket")).put("rating", rating);
    if (comment != null) {
      body.put("comment", comment);
    }
    if (phone != null) {
      body.put("phone", phone);
    }
    String sendUrl = server.baseUrl() + "/api/feedback";
    assertEquals(201, (client == null ? Http.post(sendUrl, body.encode(), null) : Http.post(client, sendUrl, body.encode(), null)).statusCode());
  }

  /**
   * The host opens the meeting, an attendee checks in (the meeting's quorum is one), the host holds
   * a vote on the first matter and announces it: a resolution.
   */
  void announceFirstMatter() throws Exception {
    BridgeClient host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
    clients.add(host);
    Await.result(host.request("room.cmd", new JsonObject().put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));
    BridgeClient kiosk = Await.result(BridgeClient.connect(server.vertx, server.port(), server.token("Kiosk 1")));
    clients.add(kiosk);
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "checkIn").put("attendeeId", "00000000000000000000d008")));
    for (JsonObject command : List.of(
        new JsonObject().put("action", "openVote").put("motion", "同意加装电梯费用分摊方案").put("secret", false)
            .put("walkInsVote", false).put("liveTally", true).put("base", "CAST"),
        new JsonObject().put("action", "closeVote"),
        new JsonObject().put("action", "announceResult"))) {
      Await.result(host.request("room.cmd", command.put("roomId", DemoData.ROOM_ID)));
    }
  }
}
