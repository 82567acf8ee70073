package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.support.Browsers;
import org.shangliang.support.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * What a new community does from first start to its first meetings, in Chromium against the server
 * as a process of its own, started without --demo on an empty data folder, as README's "Put it
 * into service" says: the first administrator from the logged setup code; the community, two
 * grids, a room; a cadre's and a grid worker's accounts; a kiosk, a room display and two boards
 * paired by the codes their own screens show; twenty members from a CSV file; two residents' calls
 * made topics; two meetings planned from the topic list with rules of their own; the first
 * meeting's plan posted on its grid's board; both meetings held on a kiosk that was opened before
 * the first and follows to the second untouched; both found in the archive.
 */
class FirstYearInBrowsersTest {
  static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
  static final LocatorAssertions.HasTextOptions SOON_TEXT = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
  static final LocatorAssertions.IsVisibleOptions SOON_VISIBLE = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String ADMIN_PASSWORD = "社区管理员的密码-2026";
  static final List<String> KINDS = List.of("群众代表", "群众代表", "群众代表", "业主委员会成员", "物业公司代表", "法律工作者",
      "网格员", "召集人", "市区政协委员", "社会组织代表");

  @TempDir
  Path dataDir;
  ServerProcess server;
  Browsers browsers;
  Page console;

  @BeforeEach
  void start() throws Exception {
    server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString()), false);
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  @Test
  @DisplayName("from an empty database to a community in service, all in the browser: first administrator, accounts, paired devices, members, two meetings planned from residents' topics and held on the kiosk, each topic voted by its own secret or named rule, both found in the archive")
  void putIntoService() throws Exception {
    long started = System.nanoTime();
    firstAdministrator();
    communityGridsAndRoom();
    String cadrePassword = account("wang.zhuren", "王主任", "cadre", null);
    String workerPassword = account("li.wangge", "李网格员", "grid_worker", "第一网格");
    Page kiosk = pair("/kiosk/?pair", "kiosk", "1号终端", "协商议事室");
    Page roomDisplay = pair("/display/?pair", "roomDisplay", "议事室大屏", "协商议事室");
    Page board1 = pair("/display/?pair", "board", "1号公示栏", "第一网格");
    Page board2 = pair("/display/?pair", "board", "2号公示栏", "第二网格");
    assertThat(kiosk.locator("body")).containsText("还没有安排会议", SOON);
    assertThat(roomDisplay.getByTestId("room-name")).hasText("协商议事室", SOON_TEXT);
    members();
    System.out.printf("first start to members registered: %.1f s%n", (System.nanoTime() - started) / 1e9);

    topicFromACall("3号楼楼道堆物", "3号楼", "第一网格", "3号楼楼道堆物清理");
    topicFromACall("东门晚上停车乱", "东门", "第二网格", "东门夜间停车秩序");
    String first = planMeeting("第一次议事会：楼道堆物", 2, "3号楼楼道堆物清理", false);
    String second = planMeeting("第二次议事会：夜间停车", 9, "东门夜间停车秩序", true);
    planNotice(first, board1, board2);
    System.out.printf("first start to the first meeting announced: %.1f s%n", (System.nanoTime() - started) / 1e9);

    Page host = hostSignsIn("wang.zhuren", cadrePassword);
    holdMeeting(host, kiosk, roomDisplay, "第一次议事会", "3号楼楼道堆物清理", false, "居民甲1", "同意一周内清理3号楼楼道堆物");
    assertThat(kiosk.locator(".meeting-title")).containsText("第二次议事会", SOON);
    holdMeeting(host, kiosk, roomDisplay, "第二次议事会", "东门夜间停车秩序", true, "居民乙1", "同意东门夜间限时停车");
    archive("楼道堆物", first, "3号楼楼道堆物清理", false);
    archive("夜间停车", second, "东门夜间停车秩序", true);
    assertTrue(!workerPassword.isBlank(), "the grid worker's account has its temporary password");
    System.out.printf("first start to both meetings archived: %.1f s%n", (System.nanoTime() - started) / 1e9);
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
  }

  /** README step 1–2: the setup code from the log, then the console as administrator. */
  void firstAdministrator() throws Exception {
    Page setup = browsers.open(server.baseUrl() + "/setup/", 1280, 800);
    byTestId(setup, "setup-code").fill(server.setupCode());
    byTestId(setup, "setup-username").fill("admin");
    byTestId(setup, "setup-name").fill("社区管理员");
    byTestId(setup, "setup-password").fill(ADMIN_PASSWORD);
    byTestId(setup, "setup-password2").fill(ADMIN_PASSWORD);
    byTestId(setup, "setup-submit").click();
    byTestId(setup, "setup-to-console").click();
    byTestId(setup, "login-user").fill("admin");
    byTestId(setup, "login-pass").fill(ADMIN_PASSWORD);
    byTestId(setup, "login-submit").click();
    assertThat(byTestId(setup, "signed-in-as")).containsText("社区管理员", SOON);
    console = setup;
  }

  /** README step 3: the community, two grids and a room. */
  void communityGridsAndRoom() {
    byTestId(console, "console-tab-community").click();
    byTestId(console, "community-name").fill("仓后街社区");
    byTestId(console, "community-street").fill("仓前街道");
    byTestId(console, "community-save").click();
    for (String grid : List.of("第一网格", "第二网格")) {
      byTestId(console, "grid-new-name").fill(grid);
      byTestId(console, "grid-add").click();
      assertThat(byTestId(console, "grid-list")).containsText(grid, SOON);
    }
    byTestId(console, "room-new-name").fill("协商议事室");
    byTestId(console, "room-add").click();
    assertThat(byTestId(console, "room-list")).containsText("协商议事室", SOON);
  }

  /** README step 4: an account with its temporary password, shown once. */
  String account(String username, String name, String role, String grid) {
    byTestId(console, "console-tab-admin").click();
    byTestId(console, "account-username").fill(username);
    byTestId(console, "account-name").fill(name);
    byTestId(console, "account-role").selectOption(role);
    if (grid != null) {
      console.locator("label").filter(new Locator.FilterOptions().setHasText(grid))
          .locator("[data-testid^='account-grid-']").first().check();
    }
    byTestId(console, "account-submit").click();
    assertThat(byTestId(console, "temp-password")).isVisible(SOON_VISIBLE);
    return byTestId(console, "temp-password").textContent().trim();
  }

  /** README step 5: a new screen shows a code; entered in the console, the screen opens its own page. */
  Page pair(String path, String kind, String name, String place) {
    Page screen = browsers.open(server.baseUrl() + path, 1280, 800);
    Locator code = byTestId(screen, "pairing-code");
    assertThat(code).hasText(Pattern.compile("^\\d{6}$"), SOON_TEXT);
    byTestId(console, "console-tab-community").click();
    byTestId(console, "device-pair-code").fill(code.textContent());
    byTestId(console, "device-pair-kind").selectOption(kind);
    byTestId(console, "device-pair-name").fill(name);
    byTestId(console, "device-pair-place").selectOption(new SelectOption().setLabel(place));
    byTestId(console, "device-pair-submit").click();
    assertThat(byTestId(console, "console-status")).containsText(name, SOON);
    assertThat(screen).not().hasURL(Pattern.compile(".*pair.*"), new PageAssertions.HasURLOptions().setTimeout(10_000));
    return screen;
  }

  /** README step 6: the register of members from the community's own spreadsheet. */
  void members() {
    byTestId(console, "console-tab-members").click();
    byTestId(console, "members-import-file").setInputFiles(new FilePayload("议事成员.csv", "text/csv", twentyMembers()));
    assertThat(byTestId(console, "members-import-done")).containsText("新增 20 人", SOON);
  }

  /** 收集议题 (群众出题): a resident's call entered by staff, then made a topic under a public title. */
  void topicFromACall(String what, String building, String grid, String title) {
    byTestId(console, "console-tab-requests").click();
    byTestId(console, "requests-view-enter").click();
    byTestId(console, "entry-channel-PHONE").click();
    byTestId(console, "entry-kind-0").click();
    byTestId(console, "entry-grid").selectOption(new SelectOption().setLabel(grid));
    byTestId(console, "entry-building").fill(building);
    byTestId(console, "entry-what").fill(what);
    byTestId(console, "entry-name").fill("来电的居民");
    byTestId(console, "entry-phone").fill("13800001111");
    byTestId(console, "entry-submit").click();
    assertThat(byTestId(console, "console-status")).containsText("已登记", SOON);
    byTestId(console, "request-step-promote").click();
    byTestId(console, "step-field-title").fill(title);
    byTestId(console, "step-submit").click();
    assertThat(byTestId(console, "request-status")).hasText("已转议题", SOON_TEXT);
  }

  /**
   * 确定议题: a meeting in the room, hosted by the cadre and the grid worker, concerning the first
   * grid, inviting the residents' representatives and the property company, with one topic from
   * the list whose vote is secret or named; quorum one person, so one kiosk can hold it.
   */
  String planMeeting(String title, int inDays, String topic, boolean secret) {
    byTestId(console, "console-tab-meetings").click();
    byTestId(console, "meeting-new").click();
    byTestId(console, "meeting-room").selectOption(new SelectOption().setLabel("协商议事室"));
    byTestId(console, "meeting-title").fill(title);
    byTestId(console, "meeting-starts").fill(java.time.LocalDateTime.now().plusDays(inDays).withHour(19).withMinute(0)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    byTestId(console, "meeting-host-1").selectOption("wang.zhuren");
    byTestId(console, "meeting-host-2").selectOption("li.wangge");
    byTestId(console, "meeting-quorum-count").check();
    byTestId(console, "meeting-quorum-value").fill("1");
    byTestId(console, "meeting-grids").locator("label").filter(new Locator.FilterOptions().setHasText("第一网格"))
        .locator("input").check();
    byTestId(console, "meeting-kind-RESIDENT_REP").check();
    byTestId(console, "meeting-kind-PROPERTY").check();
    Locator matter = byTestId(console, "matter-row").nth(0);
    matter.getByTestId("matter-title").fill("议题说明与程序");
    matter.getByTestId("matter-source").selectOption("PARTY_BRANCH");
    byTestId(console, "meeting-save").click();
    assertThat(byTestId(console, "console-status")).containsText(title, SOON);

    byTestId(console, "topics-add").click();
    // the innermost element named topic-… holding the topic's title: its own row, not the list around it
    Locator picked = console.locator("[data-testid^='topic-']").filter(new Locator.FilterOptions().setHasText(topic)).last();
    picked.getByTestId("topic-pick").click();
    assertThat(picked.getByTestId("topic-taken")).isVisible(SOON_VISIBLE);
    Locator fromTopic = byTestId(console, "matter-row").nth(1);
    assertThat(fromTopic.getByTestId("matter-title")).hasValue(topic);
    fromTopic.getByTestId("matter-secret").selectOption(String.valueOf(secret));
    fromTopic.getByTestId("matter-times").fill("1");
    byTestId(console, "meeting-save").click();
    assertThat(byTestId(console, "console-status")).containsText(title, SOON);
    String testId = console.locator("[data-testid^='meeting-row-']").filter(new Locator.FilterOptions().setHasText(title))
        .first().getAttribute("data-testid");
    return testId.substring("meeting-row-".length());
  }

  /** 告知: the plan posted in one step; the board of the meeting's grid shows it, the other board does not. */
  void planNotice(String meetingId, Page board1, Page board2) {
    byTestId(console, "console-tab-notices").click();
    byTestId(console, "meeting-plan-" + meetingId).click();
    Locator state = byTestId(console, "meeting-plan-state-" + meetingId);
    assertThat(state).containsText("议事方案已公示", SOON);
    String noticeId = state.getAttribute("data-notice-id");
    Locator onBoard1 = board1.locator("[data-testid='signage-notice'][data-notice-id='" + noticeId + "']");
    assertThat(onBoard1).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
    assertThat(onBoard1.locator("[data-testid='notice-body']")).containsText("3号楼楼道堆物清理");
    assertThat(board2.locator("[data-testid='signage-notice'][data-notice-id='" + noticeId + "']")).hasCount(0);
  }

  /** The cadre's first sign-in to the host console: the temporary password, then their own. */
  Page hostSignsIn(String username, String temporary) {
    Page host = browsers.open(server.baseUrl() + "/host/", 1600, 1000);
    byTestId(host, "login-user").fill(username);
    byTestId(host, "login-pass").fill(temporary);
    byTestId(host, "login-submit").click();
    assertThat(byTestId(host, "login-change-required")).isVisible(SOON_VISIBLE);
    byTestId(host, "login-new-pass").fill("王主任自己的密码");
    byTestId(host, "login-repeat-pass").fill("王主任自己的密码");
    byTestId(host, "login-submit").click();
    assertThat(byTestId(host, "open-meeting")).isVisible(SOON_VISIBLE);
    return host;
  }

  /**
   * 协商议事 on the kiosk that was opened before: the hosts move from the opening matter to the
   * topic (the second matter), the resident checks in, asks to speak and speaks, the hosts hold a
   * vote on the topic by the rule planned for it (secret or named), announce it and close the meeting.
   */
  void holdMeeting(Page host, Page kiosk, Page roomDisplay, String title, String topic, boolean secret, String resident,
                   String motion) {
    assertThat(kiosk.locator(".meeting-title")).containsText(title, SOON);
    assertThat(roomDisplay.getByTestId("meeting-title")).containsText(title, SOON);
    byTestId(host, "open-meeting").click();
    byTestId(host, "goto-matter-1").click();
    assertThat(byTestId(host, "matter-1")).hasAttribute("aria-current", "step");
    assertThat(byTestId(host, "matter-1")).containsText(topic);
    if (secret) {
      assertThat(byTestId(host, "vote-secret")).isChecked();
    } else {
      assertThat(byTestId(host, "vote-secret")).not().isChecked();
    }
    kiosk.locator("[data-testid^='checkin-']").filter(new Locator.FilterOptions().setHasText(resident)).first().click();
    byTestId(kiosk, "iam-confirm").click();
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "queue-position")).isVisible(SOON_VISIBLE);
    byTestId(host, "give-floor-next").click();
    assertThat(roomDisplay.getByTestId("speaker")).containsText(resident, SOON);
    byTestId(host, "end-speech").click();
    byTestId(host, "vote-motion").fill(motion);
    byTestId(host, "vote-open").click();
    assertThat(kiosk.locator(".vote-kind")).hasText(secret ? "无记名投票" : "记名投票", SOON_TEXT);
    byTestId(kiosk, "vote-FOR").click();
    byTestId(kiosk, "vote-confirm").click();
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible(SOON_VISIBLE);
    byTestId(host, "vote-close").click();
    assertThat(byTestId(host, "vote-outcome")).hasAttribute("data-passed", "true");
    byTestId(host, "announce").click();
    assertThat(byTestId(host, "announced")).isVisible(SOON_VISIBLE);
    byTestId(host, "close-meeting").click();
    byTestId(host, "close-meeting-yes").click();
  }

  /** 档案: a meeting found by a word of its title, its one vote held on the topic by the topic's rule. */
  void archive(String words, String meetingId, String topic, boolean secret) {
    byTestId(console, "console-tab-archive").click();
    byTestId(console, "archive-meetings-text").fill(words);
    byTestId(console, "archive-meetings-search").click();
    byTestId(console, "archive-meeting-" + meetingId).click();
    Locator votes = byTestId(console, "archive-meeting-votes").locator("li");
    assertThat(votes).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
    // "无记名" ends with "记名": the rule is matched between its separators
    // the pattern runs as JavaScript (no \\Q…\\E quoting); the topics hold no special characters
    assertThat(votes).containsText(Pattern.compile("· " + (secret ? "无记名" : "记名") + " · " + topic));
    assertThat(votes.getByTestId("archive-vote-outcome")).hasText(Pattern.compile("^通过（同意 1，"));
    byTestId(console, "archive-meeting-close").click();
  }

  static byte[] twentyMembers() {
    StringBuilder csv = new StringBuilder("\uFEFF姓名,身份类别,党员,社区能人,网格,楼栋,电话,备注,状态\r\n");
    for (int i = 0; i < 20; i++) {
      csv.append(String.join(",", "居民" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + (i / 10 + 1), KINDS.get(i % KINDS.size()),
          i % 3 == 0 ? "是" : "否", "否", i % 2 == 0 ? "第一网格" : "第二网格", (i % 6 + 1) + "幢",
          "1380000" + String.format("%04d", i), "", "在册")).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
