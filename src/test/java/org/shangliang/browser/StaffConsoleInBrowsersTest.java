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
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff console in Chromium against a real server: notices written, previewed and published
 * to chosen boards, with real signage clients on the bridge standing in for the boards.
 */
class StaffConsoleInBrowsersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String BOARD_1 = "000000000000000000002001";
  static final String BOARD_2 = "000000000000000000002002";
  static final String MEETING = "00000000000000000000b001";
  static final String FIRST_MATTER = "00000000000000000000c001";
  static final String MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  final List<String> dialogs = new CopyOnWriteArrayList<>();
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

  static Locator byTestId(Page page, String id) {
    return page.locator("[data-testid='" + id + "']");
  }

  /** A field of the notice form (the preview's card has testids of its own). */
  static Locator editorField(Page page, String id) {
    return byTestId(page, "notice-editor").locator("[data-testid='" + id + "']");
  }

  Page signedInStaff() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
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
    assertThat(byTestId(page, "notice-preview")).containsText(title);
    assertThat(byTestId(page, "notice-preview").locator("strong")).hasText("本周六");
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
    Locator preview = byTestId(page, "notice-preview");
    assertEquals(MARKUP, byTestId(page, "notice-title-" + noticeId).textContent());
    assertThat(preview).containsText(MARKUP);
    assertEquals(2, preview.textContent().split(java.util.regex.Pattern.quote(MARKUP), -1).length - 1,
        "title and body both shown as text");
    for (Locator area : List.of(list, preview)) {
      assertThat(area.locator("img")).hasCount(0);
      assertThat(area.locator("script")).hasCount(0);
    }
    assertEquals(0, page.locator("img[src='x'], img[onerror]").count());
    // Reloaded from the server, still text.
    page.reload();
    assertThat(byTestId(page, "notice-title-" + noticeId)).hasText(MARKUP, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(list.locator("img, script")).hasCount(0);
    assertTrue(dialogs.isEmpty(), "dialogs opened: " + dialogs);
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

    byTestId(page, "notice-retract").click();
    assertThat(byTestId(page, "notice-reason")).isVisible(SOON);
    assertThat(byTestId(page, "console-error")).containsText("7天");
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "PUBLISHED");

    byTestId(page, "notice-reason").fill("决议内容有误，更正后重新公示");
    byTestId(page, "notice-retract").click();
    assertThat(byTestId(page, "notice-state")).hasAttribute("data-state", "RETRACTED", new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    assertThat(byTestId(page, "notice-history")).containsText("决议内容有误，更正后重新公示");
    assertThat(byTestId(page, "notice-reason")).isHidden();
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  /** The host opens the meeting, holds a vote on the first matter and announces it: a resolution. */
  void announceFirstMatter() throws Exception {
    BridgeClient host = Await.result(BridgeClient.connect(server.vertx, server.port(), server.login("cadre")));
    clients.add(host);
    for (JsonObject command : List.of(
        new JsonObject().put("action", "openMeeting"),
        new JsonObject().put("action", "openVote").put("motion", "同意加装电梯费用分摊方案").put("secret", false)
            .put("walkInsVote", false).put("liveTally", true).put("base", "CAST"),
        new JsonObject().put("action", "closeVote"),
        new JsonObject().put("action", "announceResult"))) {
      Await.result(host.request("room.cmd", command.put("roomId", DemoData.ROOM_ID)));
    }
  }
}
