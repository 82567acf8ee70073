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
 * paired by the codes their own screens show; twenty members from a CSV file.
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
  @DisplayName("from an empty database to a community with accounts, paired devices and its members, all in the browser")
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
    assertTrue(!cadrePassword.isBlank() && !workerPassword.isBlank());
    assertTrue(board1 != null && board2 != null);
    System.out.printf("first start to members registered: %.1f s%n", (System.nanoTime() - started) / 1e9);
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
