package org.shangliang.browser;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The generated result notice on the boards at their real sizes (1920×1080 and 1080×1920): every
 * line of it is shown within its slot, pages included, and the console's preview shows what a
 * board shows.
 */
class BoardFitInBrowsersTest {
  static final String MOTION = RoomDisplayFitInBrowsersTest.MOTION;
  static final String OVERRIDE = RoomDisplayFitInBrowsersTest.OVERRIDE;
  static final String FIRST_MATTER = "00000000000000000000c001";

  /**
   * The card on screen and, for each line of its body (text node and line box), whether it lies
   * whole inside the viewport and the body's visible part (a paged body hides its part line).
   */
  static final String SHOWN_LINES = "() => { const card = document.querySelector('[data-testid=signage-notice]');"
      + " if (!card) return null;"
      + " const body = card.querySelector('[data-testid=notice-body]'), b = body.getBoundingClientRect();"
      + " const m = /inset\\(0px 0px ([\\d.]+)px/.exec(getComputedStyle(body).clipPath || '');"
      + " const bottom = Math.min(b.bottom - (m ? Number(m[1]) : 0), innerHeight);"
      + " const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT), range = document.createRange();"
      + " const lines = []; let i = 0, visibleText = '';"
      + " for (let node = walker.nextNode(); node; node = walker.nextNode(), i++) {"
      + "   range.selectNodeContents(node); let j = 0;"
      + "   for (const r of range.getClientRects()) {"
      + "     const shown = r.top >= Math.max(b.top, 0) - 1 && r.bottom <= bottom + 1 && r.left >= -1 && r.right <= innerWidth + 1;"
      + "     lines.push({ key: i + ':' + j++, shown, text: node.textContent.trim() }); } }"
      + " const cardRect = card.getBoundingClientRect();"
      + " return { id: card.dataset.noticeId, page: card.dataset.page || '1', pages: card.dataset.pages,"
      + "   fit: body.style.getPropertyValue('--fit'), lines, shownLines: lines.filter((l) => l.shown).length,"
      + "   cardInside: cardRect.top >= -1 && cardRect.left >= -1 && cardRect.bottom <= innerHeight + 1 && cardRect.right <= innerWidth + 1 }; }";

  TestServer server;
  Browsers browsers;
  BridgeClient host;
  BridgeClient kiosk;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.startWithDemoQuorum();
    browsers = new Browsers();
    host = server.bridge(server.login("cadre"));
    kiosk = server.bridge(server.token("Kiosk 3"));
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  /** A vote held below the quorum with a long motion and reason, announced, then published as the result notice. */
  JsonObject resultNotice() {
    Await.result(command(host, "openMeeting"));
    for (int n = 1; n <= 4; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", MOTION).put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST").put("quorumOverride", OVERRIDE))).getString("voteId");
    for (int n = 1; n <= 4; n++) {
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n)).put("voteId", voteId)
          .put("choice", n == 4 ? "AGAINST" : "FOR")));
    }
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    return Await.result(staff.request("console.cmd", new JsonObject().put("action", "resultFromMatter")
        .put("meetingId", DemoData.MEETING_ID).put("matterId", FIRST_MATTER))).getJsonObject("notice");
  }

  static JsonObject shown(Page page) {
    Object v = page.evaluate("(f) => JSON.stringify((0, eval)('(' + f + ')')())", SHOWN_LINES);
    return v == null || "null".equals(v) ? null : new JsonObject(String.valueOf(v));
  }

  static JsonObject shown(Frame frame) {
    Object v = frame.evaluate("(f) => JSON.stringify((0, eval)('(' + f + ')')())", SHOWN_LINES);
    return v == null || "null".equals(v) ? null : new JsonObject(String.valueOf(v));
  }

  /** What one board showed of the notice during its slot: every line of the body, and those seen whole. */
  static final class Watch {
    final Page board;
    final Set<String> all = new HashSet<>();
    final Set<String> seen = new HashSet<>();
    final Set<String> pages = new HashSet<>();
    boolean started;
    boolean over;

    Watch(Page board) {
      this.board = board;
    }

    void look(String noticeId) {
      JsonObject now = shown(board);
      if (now == null || !noticeId.equals(now.getString("id"))) {
        over = started;
        return;
      }
      started = true;
      assertTrue(now.getBoolean("cardInside"), "the card lies inside the screen");
      pages.add(now.getString("page"));
      now.getJsonArray("lines").forEach(o -> {
        JsonObject line = (JsonObject) o;
        all.add(line.getString("key") + " " + line.getString("text"));
        if (line.getBoolean("shown")) {
          seen.add(line.getString("key") + " " + line.getString("text"));
        }
      });
    }
  }

  /** Watches the boards together while the notice has its slot (its pages included): every line is shown whole at some moment. */
  static void assertEveryLineShown(String noticeId, Page... boards) {
    List<Watch> watches = java.util.Arrays.stream(boards).map(Watch::new).toList();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline && !watches.stream().allMatch(w -> w.over)) {
      watches.forEach(w -> {
        if (!w.over) {
          w.look(noticeId);
        }
      });
      boards[0].waitForTimeout(200);
    }
    for (Watch w : watches) {
      String size = w.board.viewportSize().width + "x" + w.board.viewportSize().height;
      assertTrue(w.started, "the result notice was shown at " + size);
      Set<String> missing = new HashSet<>(w.all);
      missing.removeAll(w.seen);
      assertTrue(missing.isEmpty(), "lines never shown at " + size + " (pages seen " + w.pages + "): " + missing);
      assertTrue(w.seen.stream().anyMatch(l -> l.contains("公示期不少于7天")), size + ": the last line was seen: " + w.seen);
      assertTrue(w.seen.stream().anyMatch(l -> l.contains("宣布时间")), size + ": 宣布时间 was seen");
    }
  }

  @Test
  @DisplayName("the generated result notice with every line, a long motion and a reason to vote below the quorum, shows all its lines on boards at 1920×1080 and 1080×1920 within its slot")
  void resultNoticeShownWhole() throws Exception {
    Page landscape = browsers.open(server.url("Notice board 1"), 1920, 1080);
    Page portrait = browsers.open(server.url("Notice board 2"), 1080, 1920);
    for (Page board : java.util.List.of(landscape, portrait)) {
      assertThat(byTestId(board, "display-name")).containsText("号公示栏", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    }
    JsonObject notice = resultNotice();
    assertTrue(notice.getString("body").contains("公示期不少于7天"), notice.getString("body"));
    assertEveryLineShown(notice.getString("id"), landscape, portrait);
    for (Page board : java.util.List.of(landscape, portrait)) {
      assertEquals(java.util.List.of(), Axe.seriousViolations(board), board.viewportSize().width + "x" + board.viewportSize().height + ": axe-core");
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the console's preview of the result notice, in landscape and portrait, shows the same lines as the boards at their sizes")
  void previewMatchesTheBoard() throws Exception {
    Page landscape = browsers.open(server.url("Notice board 1"), 1920, 1080);
    Page portrait = browsers.open(server.url("Notice board 1"), 1080, 1920);
    JsonObject notice = resultNotice();
    String id = notice.getString("id");
    JsonObject onLandscape = firstPage(landscape, id);
    JsonObject onPortrait = firstPage(portrait, id);

    Page console = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(console, "login-user").fill("staff");
    byTestId(console, "login-pass").fill(DemoData.PASSWORD);
    byTestId(console, "login-submit").click();
    byTestId(console, "notice-edit-" + id).click();
    Frame preview = byTestId(console, "notice-preview").locator("iframe").elementHandle().contentFrame();
    assertSameCard(onLandscape, firstPage(preview, id), "landscape");
    byTestId(console, "notice-preview-portrait").click();
    console.waitForTimeout(500);
    assertSameCard(onPortrait, firstPage(preview, id), "portrait");
    assertThat(byTestId(console, "notice-preview")).isVisible();
    assertEquals(java.util.List.of(), Axe.seriousViolations(console), "the console with its preview: axe-core");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  static JsonObject firstPage(Page page, String id) {
    page.waitForFunction("(id) => { const c = document.querySelector('[data-testid=signage-notice]');"
        + " return c && c.dataset.noticeId === id && c.dataset.pages && (c.dataset.page || '1') === '1'; }", id,
        new Page.WaitForFunctionOptions().setTimeout(30_000));
    page.waitForTimeout(300);
    return shown(page);
  }

  static JsonObject firstPage(Frame frame, String id) {
    frame.waitForFunction("(id) => { const c = document.querySelector('[data-testid=signage-notice]');"
        + " return c && c.dataset.noticeId === id && c.dataset.pages && (c.dataset.page || '1') === '1'; }", id,
        new Frame.WaitForFunctionOptions().setTimeout(30_000));
    frame.waitForTimeout(300);
    return shown(frame);
  }

  static void assertSameCard(JsonObject board, JsonObject preview, String orientation) {
    assertEquals(board.getString("pages"), preview.getString("pages"), orientation + ": pages");
    assertTrue(Math.abs(board.getInteger("shownLines") - preview.getInteger("shownLines")) <= 1,
        orientation + ": lines shown on the board " + board.getInteger("shownLines") + ", in the preview " + preview.getInteger("shownLines"));
    assertEquals(texts(board), texts(preview), orientation + ": the same text shown");
  }

  static Set<String> texts(JsonObject shown) {
    Set<String> texts = new HashSet<>();
    shown.getJsonArray("lines").forEach(o -> {
      JsonObject line = (JsonObject) o;
      if (line.getBoolean("shown")) {
        texts.add(line.getString("text"));
      }
    });
    return texts;
  }

  JsonObject requestStep(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request("request.cmd", params.copy().put("action", action)));
  }

  @Test
  @DisplayName("实时晒单 with many requests fills the board in landscape and portrait: this month's counts by status on top, the latest rows below, a reopened one marked, nothing cut")
  void progressFillsTheBoard() throws Exception {
    Page landscape = browsers.open(server.url("Notice board 1"), 1920, 1080);
    Page portrait = browsers.open(server.url("Notice board 1"), 1080, 1920);
    BridgeClient grid = server.bridge(server.login("grid"));
    String[] kinds = {"楼院设施", "环境卫生", "安全隐患"};
    for (int i = 0; i < 16; i++) {
      requestStep(grid, "enterRequest", new JsonObject().put("channel", "PHONE").put("kind", kinds[i % 3]).put("what", "第" + i + "件：楼道灯坏了")
          .put("gridId", DemoData.GRID_IDS[0]).put("building", (i + 1) + "号楼"));
    }
    java.util.List<JsonObject> filed = requestStep(grid, "listRequests", new JsonObject()).getJsonArray("requests").stream()
        .map(JsonObject.class::cast).toList();
    assertEquals(16, filed.size());
    for (int i = 0; i < 4; i++) {
      requestStep(grid, "takeRequest", new JsonObject().put("id", filed.get(i).getString("id")));
    }
    String reopenedId = filed.get(0).getString("id");
    requestStep(grid, "agreeRequest", new JsonObject().put("id", reopenedId).put("task", "更换楼道灯").put("responsible", "物业赵经理")
        .put("dueAt", System.currentTimeMillis() + 86_400_000L).put("residentConfirmedBy", "居民"));
    requestStep(grid, "completeRequest", new JsonObject().put("id", reopenedId).put("note", "已更换"));
    requestStep(grid, "informRequest", new JsonObject().put("id", reopenedId).put("via", "PHONE"));
    requestStep(grid, "rateRequest", new JsonObject().put("id", reopenedId).put("rating", "UNSATISFIED"));
    String number = filed.get(0).getString("number");

    for (Page board : java.util.List.of(landscape, portrait)) {
      String size = board.viewportSize().width + "x" + board.viewportSize().height;
      assertThat(byTestId(board, "progress-reopened-" + number)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
      assertThat(byTestId(board, "progress-count-total")).hasAttribute("data-count", "16");
      assertThat(byTestId(board, "progress-count-total")).hasText("本月收到 16 件");
      assertThat(byTestId(board, "progress-count-NEW")).hasAttribute("data-count", "12");
      assertThat(byTestId(board, "progress-count-CONSULTING")).hasAttribute("data-count", "4");
      assertThat(byTestId(board, "progress-reopened-" + number)).hasText("重新办理");
      board.waitForTimeout(300);
      java.util.List<String> problems = org.shangliang.support.Layout.problems(board);
      assertTrue(problems.isEmpty(), size + ": " + problems);
      assertEquals(java.util.List.of(), Axe.seriousViolations(board), size + ": axe-core");
      // The rows fill the page: the last one shown ends in the lowest fifth of the screen.
      Number lastBottom = (Number) board.evaluate("() => { const rows = [...document.querySelectorAll('[data-testid=progress-rows] tbody tr')]"
          + ".filter((r) => !r.hidden); return rows[rows.length - 1].getBoundingClientRect().bottom; }");
      assertTrue(lastBottom.doubleValue() > board.viewportSize().height * 0.8, size + ": the rows end at " + lastBottom);
      Number shown = (Number) board.evaluate("() => [...document.querySelectorAll('[data-testid=progress-rows] tbody tr')].filter((r) => !r.hidden).length");
      assertTrue(shown.intValue() >= 8, size + ": rows shown " + shown);
    }
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
