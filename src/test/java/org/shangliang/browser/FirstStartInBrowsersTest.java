package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.support.Axe;
import org.shangliang.support.Browsers;
import org.shangliang.support.ServerProcess;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/** A new installation as a new community meets it: the setup page, then the staff console as its administrator. */
class FirstStartInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("the setup code from the log creates the first administrator, who signs in to the console")
  void setupThenSignIn() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString()), false);
         Browsers browsers = new Browsers()) {
      Page page = browsers.open(server.baseUrl() + "/setup/", 1280, 800);
      byTestId(page, "setup-code").fill("WRONG-CODE-0000");
      byTestId(page, "setup-username").fill("admin");
      byTestId(page, "setup-name").fill("社区管理员");
      byTestId(page, "setup-password").fill("first-admin-1");
      byTestId(page, "setup-password2").fill("first-admin-1");
      byTestId(page, "setup-submit").click();
      assertThat(byTestId(page, "setup-error")).containsText("设置码不对");
      assertEquals(List.of(), Axe.seriousViolations(page), "/setup/ with its error: axe-core");

      byTestId(page, "setup-code").fill(server.setupCode());
      byTestId(page, "setup-password2").fill("typed-otherwise");
      byTestId(page, "setup-submit").click();
      assertThat(byTestId(page, "setup-error")).containsText("两次输入的密码不一样");
      byTestId(page, "setup-password2").fill("first-admin-1");
      byTestId(page, "setup-submit").click();
      assertThat(byTestId(page, "setup-done")).isVisible(SOON);
      assertEquals(List.of(), Axe.seriousViolations(page), "/setup/ done: axe-core");

      byTestId(page, "setup-to-console").click();
      byTestId(page, "login-user").fill("admin");
      byTestId(page, "login-pass").fill("first-admin-1");
      byTestId(page, "login-submit").click();
      assertThat(byTestId(page, "signed-in-as")).containsText("社区管理员");
      assertThat(byTestId(page, "signed-in-as")).containsText("管理员");

      Page again = browsers.open(server.baseUrl() + "/setup/", 1280, 800);
      assertThat(byTestId(again, "setup-done")).containsText("已经有管理员");
      // the wrong code's answer is the one failed request the browser reports
      assertTrue(browsers.pageErrors.stream().allMatch(e -> e.contains("status of 403")), "page errors: " + browsers.pageErrors);
    }
  }
}
