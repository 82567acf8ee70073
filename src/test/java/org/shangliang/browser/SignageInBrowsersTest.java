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
import org.shangliang.support.QrImages;
import org.shangliang.support.TestServer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * Notice boards, the phone feedback page and phones joining the room, each page in its own
 * Chromium context like a separate device, against a real server; staff and hosts act over the
 * bridge as the console and the host console do.
 */
class SignageInBrowsersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String GRID_2 = "000000000000000000001002";
  static final String WANG = "00000000000000000000d008";
  static final String WELCOME = "000000000000000000003001";
  static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  static final long DAY_MS = 24 * 3600 * 1000L;
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  /** Records, in the page, when each notice's card first appears (this machine's clock). */
  static final String WATCH_CARDS = "() => { window.cardSeenAt = {};"
      + " const note = () => document.querySelectorAll('[data-testid=signage-notice]').forEach((c) => {"
      + "   if (!(c.dataset.noticeId in window.cardSeenAt)) window.cardSeenAt[c.dataset.noticeId] = Date.now(); });"
      + " note(); new MutationObserver(note).observe(document.body, { childList: true, subtree: true }); }";

  /** Every playlist a page keeps for offline use, as one text. */
  static final String KEPT_PLAYLISTS = "() => Object.keys(localStorage).filter((k) => k.startsWith('shangliang.display.playlist'))"
      + ".map((k) => localStorage.getItem(k)).join('\\n')";

  TestServer server;
  Browsers browsers;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    staff = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("staff")));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  static Locator card(Page page, String noticeId) {
    return page.locator("[data-testid='signage-notice'][data-notice-id='" + noticeId + "']");
  }

  Page board(int n) {
    Page page = browsers.open(server.url("Notice board " + n), 1920, 1080);
    assertThat(byTestId(page, "display-name")).containsText(n + "号公示栏", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    return page;
  }

  JsonObject console(String action, JsonObject params) {
    return Await.result(staff.request("console.cmd", params.copy().put("action", action)));
  }

  /** Saves and publishes a notice for the grid, active from a minute ago for a day; answers it. */
  JsonObject publish(String title, String body, String gridId, boolean urgent) {
    long now = System.currentTimeMillis();
    JsonObject draft = console("saveNotice", new JsonObject().put("kind", "PUBLICITY").put("title", title).put("body", body)
        .put("targets", new JsonObject().put("everywhere", false).put("grids", new JsonArray().add(gridId)).put("displays", new JsonArray()))
        .put("startsAt", now - 60_000).put("endsAt", now + DAY_MS).put("priority", 1).put("urgent", urgent))
        .getJsonObject("notice");
    return console("publishNotice", new JsonObject().put("id", draft.getString("id"))).getJsonObject("notice");
  }

  static long cardSeenAt(Page page, String noticeId) {
    Object at = page.evaluate("(id) => window.cardSeenAt[id]", noticeId);
    assertNotNull(at, "the card of " + noticeId + " was never shown");
    return ((Number) at).longValue();
  }



  @Test
  @DisplayName("a notice published for grid 1 appears on board 1 within a second, a newer one at once, and never on board 2")
  void noticeReachesItsGridOnly() throws Exception {
    Page board1 = board(1);
    Page board2 = board(2);
    board1.evaluate(WATCH_CARDS);
    board2.evaluate(WATCH_CARDS);

    JsonObject first = publish("第一网格停水通知", "明天 9:00–12:00 停水。", GRID_1, false);
    long firstAt = System.currentTimeMillis();
    assertThat(card(board1, first.getString("id"))).isVisible(SOON);
    assertTrue(cardSeenAt(board1, first.getString("id")) - firstAt <= 1000, "first notice shown too late");
    // A second notice does not wait for the first one's turn to end.
    JsonObject second = publish("第一网格议题征集", "**欢迎**提出议题。", GRID_1, false);
    long secondAt = System.currentTimeMillis();
    assertThat(card(board1, second.getString("id"))).isVisible(SOON);
    assertTrue(cardSeenAt(board1, second.getString("id")) - secondAt <= 1000, "second notice shown too late");
    assertThat(byTestId(board1, "notice-title")).hasText("第一网格议题征集");
    assertThat(byTestId(board1, "notice-body").locator("strong")).hasText("欢迎");
    assertThat(byTestId(board1, "grid-name")).hasText("第一网格");

    board2.waitForTimeout(1500);
    assertThat(byTestId(board2, "grid-name")).hasText("第二网格");
    for (JsonObject notice : List.of(first, second)) {
      assertEquals(Boolean.FALSE, board2.evaluate("(id) => id in window.cardSeenAt", notice.getString("id")));
      assertFalse(String.valueOf(board2.evaluate(KEPT_PLAYLISTS))
          .contains(notice.getString("id")), "board 2 was sent " + notice.getString("title"));
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("an urgent notice takes over the board until it is retracted, then the rotation comes back")
  void urgentNoticeTakesOver() throws Exception {
    Page board = board(1);
    JsonObject usual = publish("垃圾分类宣传", "请按时分类投放。", GRID_1, false);
    assertThat(card(board, usual.getString("id"))).isVisible(SOON);

    JsonObject urgent = publish("燃气泄漏紧急通知", "3号楼请立即开窗通风，勿用明火。", GRID_1, true);
    assertThat(byTestId(board, "urgent")).isVisible(SOON);
    assertThat(byTestId(board, "urgent").locator("[data-testid='notice-title']")).hasText("燃气泄漏紧急通知");
    // It stays over everything: the rotation does not take the screen back after a turn.
    board.waitForTimeout(11_000);
    assertThat(byTestId(board, "urgent")).isVisible();
    assertThat(card(board, usual.getString("id"))).hasCount(0);
    // The board's heartbeats tell the console what it shows.
    Await.until("the console sees the urgent notice on board 1", 5_000, () -> {
      JsonObject display = console("overview", new JsonObject()).getJsonArray("displays").stream()
          .map(JsonObject.class::cast).filter(d -> DemoData.BOARD_1.equals(d.getString("id"))).findFirst().orElseThrow();
      JsonObject showing = display.getJsonObject("showing");
      return display.getBoolean("online") && showing != null && urgent.getString("id").equals(showing.getString("noticeId"));
    });

    console("retractNotice", new JsonObject().put("id", urgent.getString("id")));
    assertThat(byTestId(board, "urgent")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    assertThat(byTestId(board, "signage-notice")).isVisible();
    assertThat(card(board, urgent.getString("id"))).hasCount(0);
    // Its turn comes again: three notices in rotation, 10 s each.
    assertThat(card(board, usual.getString("id"))).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(35_000));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("without the server a board keeps rotating its notices with an offline mark, also after a reload, and recovers by itself")
  void boardSurvivesServerOutage() throws Exception {
    Page board = board(1);
    String a = publish("停车管理公示", "夜间停车请停入车位。", GRID_1, false).getString("id");
    String b = publish("楼道清理通知", "周六上午清理楼道堆物。", GRID_1, false).getString("id");
    assertThat(card(board, b)).isVisible(SOON);
    // The offline cache holds the page and the QR codes of the playlist.
    assertThat(board.locator("body[data-offline-ready='true']")).hasCount(1);

    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    assertThat(byTestId(board, "offline")).isVisible(SOON);
    assertRotates(board);

    board.reload();
    assertThat(byTestId(board, "signage-notice")).isVisible(SOON);
    assertThat(byTestId(board, "offline")).isVisible(SOON);
    assertThat(byTestId(board, "display-name")).hasText("1号公示栏");
    String kept = String.valueOf(board.evaluate(KEPT_PLAYLISTS));
    assertTrue(kept.contains(a) && kept.contains(b), "the kept playlist has both new notices");
    // The QR code comes from the offline cache too.
    board.waitForFunction("() => { const img = document.querySelector('[data-testid=notice-qr]');"
        + " return !!img && img.complete && img.naturalWidth > 0; }");
    assertRotates(board);

    server = TestServer.start(dataDir, port);
    staff = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("staff")));
    assertThat(byTestId(board, "offline")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
    String c = publish("恢复供电通知", "已恢复供电。", GRID_1, false).getString("id");
    assertThat(card(board, c)).isVisible(SOON);
  }

  /** The board moves on to another notice within two turns of the rotation (10 s each). */
  static void assertRotates(Page board) {
    Set<String> seen = new HashSet<>();
    long deadline = System.currentTimeMillis() + 25_000;
    while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
      Locator current = byTestId(board, "signage-notice");
      if (current.count() == 1) {
        seen.add(current.getAttribute("data-notice-id"));
      }
      board.waitForTimeout(500);
    }
    assertEquals(2, seen.size(), "notices shown in rotation: " + seen);
  }

  @Test
  @DisplayName("a phone opened from a board's QR code rates the notice with a comment, and the console lists it")
  void phoneFeedbackFromQr() throws Exception {
    Page board = board(1);
    String noticeId = publish("小区绿化改造方案征求意见", "- 增加座椅\n- 更换路灯", GRID_1, false).getString("id");
    assertThat(card(board, noticeId)).isVisible(SOON);
    Locator qr = byTestId(board, "notice-qr");
    assertThat(qr).isVisible();

    Page phone = browsers.open(QrImages.urlIn(server.baseUrl(), qr, "/f/"), 390, 844);
    assertThat(byTestId(phone, "notice-title")).hasText("小区绿化改造方案征求意见");
    assertThat(byTestId(phone, "notice-body").locator("li")).hasCount(2);
    byTestId(phone, "rate-SATISFIED").click();
    byTestId(phone, "comment").fill("路灯希望换成节能的");
    byTestId(phone, "phone").fill("13800001234");
    byTestId(phone, "send").click();
    assertThat(byTestId(phone, "thanks")).isVisible(SOON);

    JsonObject feedback = console("listFeedback", new JsonObject().put("noticeId", noticeId));
    assertEquals(1, feedback.getJsonObject("summary").getInteger("total"));
    JsonObject item = feedback.getJsonArray("items").getJsonObject(0);
    assertEquals("SATISFIED", item.getString("rating"));
    assertEquals("路灯希望换成节能的", item.getString("comment"));
    assertEquals("13800001234", item.getString("phone"));
    assertEquals("1号公示栏", item.getString("displayName"));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a phone that rated a notice sees its rating again after a reload, is told a new one replaces it, and counts once")
  void phoneSeesItsRatingOnReload() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, DemoData.BOARD_1);
    Page phone = browsers.open(server.baseUrl() + "/f/" + token, 390, 844);
    assertThat(byTestId(phone, "send")).isVisible(SOON);
    assertThat(byTestId(phone, "mine")).hasCount(0);
    byTestId(phone, "rate-UNSATISFIED").click();
    byTestId(phone, "comment").fill("议事会时间放在周六上午，上班的人来不了。");
    byTestId(phone, "send").click();
    assertThat(byTestId(phone, "thanks")).isVisible(SOON);

    phone.reload();
    assertThat(byTestId(phone, "mine")).containsText("不满意", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "mine")).containsText("再次提交将替换");
    assertThat(byTestId(phone, "rate-UNSATISFIED")).hasAttribute("aria-pressed", "true");
    byTestId(phone, "rate-BASIC").click();
    byTestId(phone, "send").click();
    assertThat(byTestId(phone, "thanks")).containsText("已更新", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    phone.reload();
    assertThat(byTestId(phone, "mine")).containsText("基本满意", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    JsonObject feedback = console("listFeedback", new JsonObject().put("noticeId", WELCOME));
    assertEquals(1, feedback.getJsonObject("summary").getInteger("total"));
    JsonObject item = feedback.getJsonArray("items").getJsonObject(0);
    assertEquals("BASIC", item.getString("rating"));
    assertEquals("UNSATISFIED", item.getJsonArray("changes").getJsonObject(0).getString("from"));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("markup in a notice and in a comment shows as plain text on the board and the phone, and never runs")
  void markupShowsAsText() throws Exception {
    Page board = board(1);
    String noticeId = publish("标题" + PAYLOAD, "正文" + PAYLOAD + "\n\n- 列表" + PAYLOAD, GRID_1, false).getString("id");
    assertThat(card(board, noticeId)).isVisible(SOON);
    assertThat(byTestId(board, "notice-title")).hasText("标题" + PAYLOAD);
    assertThat(byTestId(board, "notice-body")).containsText("正文" + PAYLOAD);
    assertThat(byTestId(board, "notice-body").locator("li")).hasText("列表" + PAYLOAD);
    assertThat(card(board, noticeId).locator("img[src='x'], script")).hasCount(0);

    Page phone = browsers.open(server.baseUrl() + "/f/" + QrImages.tokenOf(byTestId(board, "notice-qr")), 390, 844);
    assertThat(byTestId(phone, "notice-title")).hasText("标题" + PAYLOAD);
    assertThat(byTestId(phone, "notice-body")).containsText("正文" + PAYLOAD);
    assertThat(phone.locator("main img[src='x'], main script")).hasCount(0);
    byTestId(phone, "rate-UNSATISFIED").click();
    byTestId(phone, "comment").fill(PAYLOAD);
    byTestId(phone, "send").click();
    assertThat(byTestId(phone, "thanks")).isVisible(SOON);

    JsonObject item = console("listFeedback", new JsonObject().put("noticeId", noticeId)).getJsonArray("items").getJsonObject(0);
    assertEquals(PAYLOAD, item.getString("comment"));
    board.waitForTimeout(500);
    assertTrue(browsers.dialogs.isEmpty(), "scripts ran: " + browsers.dialogs);
  }

  @Test
  @DisplayName("the phone page says so in Chinese when its QR code is forged")
  void forgedQrIsRefused() {
    Page phone = browsers.open(server.baseUrl() + "/f/AAAA.BBBB", 390, 844);
    assertThat(byTestId(phone, "error")).hasText("此二维码无效。");
    assertThat(byTestId(phone, "send")).hasCount(0);
  }

  @Test
  @DisplayName("a new screen shows a pairing code, and once staff pair it it becomes the board they named, also after a reload")
  void pairingMakesABoard() {
    Page screen = browsers.open(server.baseUrl() + "/display/?pair", 1920, 1080);
    Locator code = byTestId(screen, "pairing-code");
    assertThat(code).hasText(java.util.regex.Pattern.compile("^\\d{6}$"), new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    console("pairDisplay", new JsonObject().put("code", code.textContent()).put("name", "3号公示栏").put("gridId", GRID_2));
    assertThat(byTestId(screen, "display-name")).hasText("3号公示栏", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(screen, "grid-name")).hasText("第二网格");
    // The board keeps its token: after a restart of the page it is still the same board.
    screen.reload();
    assertThat(byTestId(screen, "display-name")).hasText("3号公示栏", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(screen, "pairing-code")).hasCount(0);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a phone joins the meeting by the room display's QR code once a host confirms, votes once, and a second ballot is refused")
  void phoneJoinsTheMeeting() throws Exception {
    BridgeClient host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
    BridgeClient kiosk = Await.result(BridgeClient.connect(server.vertx, server.port(), server.token("Kiosk 1")));
    JsonObject room = new JsonObject().put("roomId", DemoData.ROOM_ID);
    Await.result(host.request("room.cmd", room.copy().put("action", "openMeeting")));
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "checkIn").put("attendeeId", WANG)));

    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    Locator joinQr = byTestId(display, "join-qr");
    assertThat(joinQr).isVisible(SOON);
    assertThat(joinQr).containsText("扫码用手机参会");
    Page phone = browsers.open(QrImages.urlIn(server.baseUrl(), joinQr.locator("img"), "/j/"), 390, 844);
    byTestId(phone, "join-" + WANG).click();
    assertThat(byTestId(phone, "join-waiting")).isVisible(SOON);

    JsonObject snapshot = Await.result(host.request("room.cmd", room.copy().put("action", "snapshot")));
    JsonObject ask = snapshot.getJsonArray("phoneJoins").stream().map(JsonObject.class::cast)
        .filter(j -> WANG.equals(j.getString("attendeeId"))).findFirst().orElseThrow();
    Await.result(host.request("room.cmd", room.copy().put("action", "confirmPhone").put("joinId", ask.getString("id"))));
    assertThat(byTestId(phone, "raise-hand")).isVisible(SOON);

    JsonObject vote = Await.result(host.request("room.cmd", room.copy().put("action", "openVote").put("motion", "同意更换路灯")
        .put("secret", false).put("walkInsVote", false).put("liveTally", true).put("base", "CAST")));
    byTestId(phone, "vote-FOR").click();
    byTestId(phone, "vote-confirm").click();
    assertThat(byTestId(phone, "ballot-counted")).isVisible(SOON);
    Object again = phone.evaluate("async (vote) => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " const token = localStorage.getItem('shangliang.kiosk.token');"
        + " const bus = new EventBus({ url: '/eventbus', headers: () => ({ auth: token }) });"
        + " await new Promise((resolve) => bus.onOpen(resolve));"
        + " try { await bus.request('room.cmd', { action: 'castBallot', attendeeId: '" + WANG + "', voteId: vote, choice: 'AGAINST' });"
        + "   return 'accepted'; } catch (e) { return e.code; } }", vote.getString("voteId"));
    assertEquals("ALREADY_VOTED", again);
    JsonObject after = Await.result(host.request("room.cmd", room.copy().put("action", "snapshot")));
    assertEquals(1, after.getJsonObject("tally").getInteger("cast"));
    assertEquals(1, after.getJsonObject("tally").getJsonObject("counts").getInteger("FOR"));
  }
}
