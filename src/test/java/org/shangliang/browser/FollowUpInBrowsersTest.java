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
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.HeldMeeting;
import org.shangliang.support.PhoneFeedback;
import org.shangliang.support.TestServer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The 跟踪落实 tab in Chromium against a real server: a resolution of approved minutes, whose
 * result notice a resident rated 不满意 from a phone, is followed up to 办结 by staff; the grid
 * worker of its grid sees it too, and a read-only viewer sees it without any form.
 */
class FollowUpInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String FIRST_MATTER = HeldMeeting.FIRST_MATTER;
  static final String ID = DemoData.MEETING_ID + "." + FIRST_MATTER;
  static final String MOTION = "同意在3号楼北侧空地建设电动自行车集中充电棚";
  static final String RESOLUTION = "在3号楼北侧空地建设电动自行车集中充电棚，设20个充电位，由物业公司负责施工和日常管理，"
      + "充电费用按电价公示收取；施工期间夜间不得作业。".repeat(3);
  static final String COMPLAINT = "<img src=x onerror=alert(1)>充电棚离我家窗户太近，晚上有噪音，已经反映过两次了";
  static final String REPLY = "已与施工方商定夜间不施工，棚内加装隔音板，下周请您再看看";
  static final String FOUND = "已选址，等待供电局接电；隔音板已订购";
  static final String NOTE = "充电棚已建成并投入使用，隔音板已装好";

  TestServer server;
  Browsers browsers;
  BridgeClient host;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    staff = server.bridge(server.login("staff"));
    residentComplains(meetingWithResultNotice(), COMPLAINT);
    approveMinutes(System.currentTimeMillis() - 3L * 86_400_000L);
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  /** The demo meeting with its first matter voted and announced, its result notice posted, then closed; the notice's id. */
  String meetingWithResultNotice() {
    return HeldMeeting.closedWithResultNotice(server, host, staff, MOTION);
  }

  /** A passer-by scans the notice's QR code and rates it 不满意 with a comment. */
  void residentComplains(String noticeId, String comment) throws Exception {
    PhoneFeedback.rate(server, noticeId, "UNSATISFIED", comment);
  }

  void approveMinutes(long due) {
    HeldMeeting.approveMinutes(host, new JsonObject().put("topicKind", "INQUIRY")
        .put("resolution", new JsonObject().put("text", RESOLUTION).put("responsible", "物业公司").put("dueAt", due)));
  }

  Page console(String username, String password) {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill(username);
    byTestId(page, "login-pass").fill(password);
    byTestId(page, "login-submit").click();
    return page;
  }

  static void openTab(Page page) {
    assertThat(byTestId(page, "console-tab-followup")).hasText("跟踪落实", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "console-tab-followup").click();
  }

  static String day(long ms) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(ms), ZoneId.systemDefault()).toString();
  }

  JsonObject listed() {
    JsonArray all = Await.result(staff.request(ConsoleAddresses.FOLLOW_UP, new JsonObject().put("action", "listResolutions")))
        .getJsonArray("resolutions");
    assertEquals(1, all.size(), all.encode());
    return all.getJsonObject(0);
  }

  @Test
  @DisplayName("staff answer the resident's 不满意, record a follow-up and close the resolution as 办结 (refused while the 不满意 waits); the grid worker sees it too")
  void resolutionFollowedUpToTheEndInTheConsole() throws Exception {
    JsonObject tracked = listed();
    Page page = console("staff", DemoData.PASSWORD);
    openTab(page);
    Locator item = byTestId(page, "track-item-" + ID);
    assertThat(item).isVisible(SOON);
    assertThat(item).containsText(RESOLUTION);
    assertThat(item).containsText("责任主体：物业公司");
    assertThat(item).containsText("完成时限：" + day(tracked.getLong("dueAt")));
    assertThat(item).containsText("咨询类");
    assertThat(item).containsText("下次跟进：" + day(tracked.getLong("nextFollowUpAt")));
    assertThat(item.locator("[data-testid='track-mark-past-due']")).hasText("已过完成时限");
    assertThat(item.locator("[data-testid='track-mark-overdue']")).hasCount(0);
    assertThat(item.locator("[data-testid='track-mark-unanswered']")).hasText("有未答复的不满意（1）");
    assertThat(byTestId(page, "track-grid")).isVisible();

    item.click();
    assertThat(byTestId(page, "track-detail-unanswered")).hasText("有未答复的不满意（1）", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    Locator complaints = byTestId(page, "track-complaints");
    assertThat(complaints).containsText(COMPLAINT);
    assertThat(complaints.locator("[data-testid='track-complaint-state']")).hasText("待答复");

    byTestId(page, "track-solve-text").fill(NOTE);
    byTestId(page, "track-solve-save").click();
    assertThat(byTestId(page, "track-solve-error")).hasText("还有居民的不满意评价没有答复，请先答复再办结。");

    Locator replyText = complaints.locator("textarea");
    replyText.fill(REPLY);
    complaints.locator("button[type=submit]").click();
    assertThat(complaints.locator("[data-testid='track-complaint-reply']")).containsText(REPLY);
    assertThat(complaints.locator("[data-testid='track-complaint-reply']")).containsText("答复：");
    assertThat(complaints.locator("[data-testid='track-complaint-state']")).hasText("已答复");
    assertThat(complaints.locator("textarea")).hasCount(0);
    assertThat(byTestId(page, "track-detail-unanswered")).hasCount(0);
    assertThat(item.locator("[data-testid='track-mark-unanswered']")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(10_000));

    byTestId(page, "track-follow-up-text").fill(FOUND);
    byTestId(page, "track-follow-up-save").click();
    assertThat(byTestId(page, "track-log")).containsText(FOUND);
    assertThat(byTestId(page, "track-log")).containsText(day(System.currentTimeMillis()));
    assertThat(byTestId(page, "track-detail-next")).hasText(day(listed().getLong("nextFollowUpAt")));
    List<String> found = Axe.seriousViolations(page);
    assertEquals(List.of(), found, "the detail with its forms");

    // 咨询类: its follow-up goes on the boards in one step
    byTestId(page, "track-publish").click();
    assertThat(byTestId(page, "console-status")).containsText("跟进情况已发布到公示栏", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    JsonObject posted = Await.result(server.app.db().mongo().findOne("notices",
        new JsonObject().put("kind", "FOLLOW_UP").put("source.matterId", FIRST_MATTER), null));
    assertTrue(posted != null && posted.getString("body").contains(FOUND), "the notice carries the follow-up: " + posted);

    byTestId(page, "track-solve-text").fill(NOTE);
    byTestId(page, "track-solve-save").click();
    assertThat(byTestId(page, "track-solved")).containsText(NOTE);
    assertThat(byTestId(page, "track-detail-status")).hasText("已办结");
    assertThat(byTestId(page, "track-follow-up-text")).hasCount(0);
    assertThat(byTestId(page, "track-empty")).isVisible(SOON);
    byTestId(page, "track-status").selectOption("SOLVED");
    assertThat(item).isVisible(SOON);
    assertThat(item).containsText("已办结");
    assertThat(item.locator("[data-testid='track-mark-past-due']")).hasCount(0);
    assertEquals("SOLVED", listed().getString("status"));
    assertEquals(3L, Await.result(server.app.db().mongo().count("audit", new JsonObject().put("area", "followup"))),
        "the reply, the follow-up and the solving; not the refused one");

    Page grid = console("grid", DemoData.PASSWORD);
    openTab(grid);
    assertThat(byTestId(grid, "track-empty")).isVisible(SOON);
    byTestId(grid, "track-status").selectOption("");
    byTestId(grid, "track-item-" + ID).click();
    assertThat(byTestId(grid, "track-solved")).containsText(NOTE, new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(grid, "track-log")).containsText(FOUND);
    assertThat(byTestId(grid, "track-grid")).isHidden();
    assertEquals(List.of(), Axe.seriousViolations(grid), "the solved resolution as the grid worker sees it");

    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
    assertTrue(browsers.dialogs.isEmpty(), "the resident's comment is text, never markup: " + browsers.dialogs);
  }

  @Test
  @DisplayName("a read-only viewer sees the resolution and the resident's 不满意 but no form to follow up, reply or close it")
  void viewerSeesNoForms() throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    String temporary = Await.result(admin.request(ConsoleAddresses.ADMIN, new JsonObject().put("action", "createAccount")
        .put("username", "kan.kan").put("name", "只读的老周").put("role", "viewer"))).getString("temporaryPassword");
    Page viewer = console("kan.kan", temporary);
    byTestId(viewer, "login-new-pass").fill("只读查看用的密码");
    byTestId(viewer, "login-repeat-pass").fill("只读查看用的密码");
    byTestId(viewer, "login-submit").click();
    openTab(viewer);
    byTestId(viewer, "track-item-" + ID).click();
    assertThat(byTestId(viewer, "track-complaints")).containsText(COMPLAINT, new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(viewer, "track-read-only")).isVisible();
    assertThat(byTestId(viewer, "track-detail").locator("textarea")).hasCount(0);
    assertThat(byTestId(viewer, "track-detail").locator("button[type=submit]")).hasCount(0);
    // the first sign-in with the temporary password is answered 403 PASSWORD_CHANGE_REQUIRED
    assertEquals(0, browsers.pageErrors.stream().filter(e -> !e.contains("403")).count(), browsers.pageErrors.toString());
  }
}
