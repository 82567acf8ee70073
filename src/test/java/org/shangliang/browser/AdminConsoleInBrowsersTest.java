package org.shangliang.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;

import org.shangliang.support.DemoInBrowsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The console's 管理 tab in Chromium against a real server: an administrator creates a grid
 * worker, who signs in elsewhere with the temporary password and sets their own; the administrator
 * reads the audit log, exports it, and disables the account, which signs its page out.
 */
class AdminConsoleInBrowsersTest extends DemoInBrowsers {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String NAME = "李网格（新来的）";

  Page console() {
    return browsers.open(server.baseUrl() + "/console/", 1600, 1000);
  }

  static void signIn(Page page, String username, String password) {
    byTestId(page, "login-user").fill(username);
    byTestId(page, "login-pass").fill(password);
    byTestId(page, "login-submit").click();
  }

  static Locator row(Page page, String username) {
    return byTestId(page, "account-row-" + username);
  }

  @Test
  @DisplayName("an administrator creates a grid worker; a second browser signs in with the temporary password, is asked for a new one, sets it and lands in the console; the audit log shows it and exports as CSV; disabling signs that browser out at its next step")
  void createSignInAuditDisable() throws Exception {
    Page admin = console();
    signIn(admin, "admin", DemoData.PASSWORD);
    assertThat(byTestId(admin, "console-tab-admin")).isVisible(SOON);
    byTestId(admin, "console-tab-admin").click();
    assertThat(row(admin, "admin")).containsText("演示账号");

    byTestId(admin, "account-username").fill("li.wangge");
    byTestId(admin, "account-name").fill(NAME);
    byTestId(admin, "account-role").selectOption("grid_worker");
    byTestId(admin, "account-grid-" + GRID_1).check();
    byTestId(admin, "account-submit").click();
    assertThat(byTestId(admin, "temp-password")).isVisible(SOON);
    String temporary = byTestId(admin, "temp-password").textContent().trim();
    assertTrue(temporary.matches("[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}"), temporary);
    assertThat(row(admin, "li.wangge")).containsText("网格员（第一网格）");
    assertThat(byTestId(admin, "account-status-li.wangge")).hasText("待设置新密码");

    Page worker = console();
    signIn(worker, "li.wangge", temporary);
    assertThat(byTestId(worker, "login-change-required")).isVisible(SOON);
    byTestId(worker, "login-new-pass").fill("网格员自己的密码");
    byTestId(worker, "login-repeat-pass").fill("网格员自己的密吗");
    byTestId(worker, "login-submit").click();
    assertThat(byTestId(worker, "login-error")).containsText("不一样");
    byTestId(worker, "login-repeat-pass").fill("网格员自己的密码");
    byTestId(worker, "login-submit").click();
    assertThat(byTestId(worker, "signed-in-as")).containsText(NAME, new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(worker, "signed-in-as")).containsText("网格员");
    assertThat(byTestId(worker, "console-tab-notices")).isVisible();
    assertThat(byTestId(worker, "console-tab-admin")).isHidden();

    byTestId(admin, "audit-actor").fill("li.wangge");
    byTestId(admin, "audit-search").click();
    assertThat(byTestId(admin, "audit-row")).hasCount(1);
    assertThat(byTestId(admin, "audit-row")).containsText("设置新密码");
    byTestId(admin, "audit-actor").fill("");
    byTestId(admin, "audit-area").selectOption("admin");
    byTestId(admin, "audit-search").click();
    assertThat(byTestId(admin, "audit-row")).hasCount(2);
    assertThat(byTestId(admin, "audit-row").nth(1)).containsText("新建账号");
    assertThat(byTestId(admin, "audit-row").nth(1)).containsText(NAME);

    Download download = admin.waitForDownload(() -> byTestId(admin, "audit-export").click());
    byte[] csv = Files.readAllBytes(download.path());
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
    String text = new String(csv, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF时间,操作人,角色,区域,操作,议事室,参数"), text);
    assertTrue(text.contains("createAccount") && text.contains(NAME), text);
    assertEquals(3, text.strip().split("\r\n").length, "the header and the two entries of the area: " + text);

    byTestId(admin, "account-history-li.wangge").click();
    assertThat(byTestId(admin, "signin-row")).hasCount(2);
    assertThat(byTestId(admin, "signin-row").first()).containsText("设置新密码后登录");

    byTestId(admin, "account-disable-li.wangge").click();
    byTestId(admin, "account-confirm-li.wangge").click();
    assertThat(byTestId(admin, "account-status-li.wangge")).hasText("已停用");
    byTestId(worker, "console-tab-alerts").click();
    assertThat(byTestId(worker, "login-user")).isVisible(SOON);
    signIn(worker, "li.wangge", "网格员自己的密码");
    assertThat(byTestId(worker, "login-error")).containsText("已停用");

    assertEquals(0, browsers.pageErrors.stream().filter(e -> !e.contains("401") && !e.contains("403")).count(),
        browsers.pageErrors.toString());
    assertTrue(browsers.dialogs.isEmpty(), browsers.dialogs.toString());
  }

  @Test
  @DisplayName("a read-only viewer sees the audit log in the 管理 tab but not the accounts")
  void viewerReadsAuditOnly() throws Exception {
    Page admin = console();
    signIn(admin, "admin", DemoData.PASSWORD);
    byTestId(admin, "console-tab-admin").click();
    byTestId(admin, "account-username").fill("kan.kan");
    byTestId(admin, "account-name").fill("只读的老周");
    byTestId(admin, "account-role").selectOption("viewer");
    byTestId(admin, "account-submit").click();
    String temporary = byTestId(admin, "temp-password").textContent().trim();

    Page viewer = console();
    signIn(viewer, "kan.kan", temporary);
    byTestId(viewer, "login-new-pass").fill("只读查看用的密码");
    byTestId(viewer, "login-repeat-pass").fill("只读查看用的密码");
    byTestId(viewer, "login-submit").click();
    assertThat(byTestId(viewer, "console-tab-admin")).isVisible(SOON);
    byTestId(viewer, "console-tab-admin").click();
    assertThat(byTestId(viewer, "audit-panel")).isVisible();
    assertThat(byTestId(viewer, "account-form")).isHidden();
    assertThat(byTestId(viewer, "audit-row").first()).isVisible(SOON);
  }
}
