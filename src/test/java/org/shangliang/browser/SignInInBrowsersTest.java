package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.auth.SecurityAlerts;
import org.shangliang.support.Await;
import org.shangliang.support.Browsers;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/** Sign-in throttling as people meet it in Chromium: the host's sign-in form and the staff console's alerts. */
class SignInInBrowsersTest {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.HasTextOptions QUICK = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  int wrongPassword(String username) throws Exception {
    return Http.post(server.baseUrl() + "/api/login",
        new JsonObject().put("username", username).put("password", "guess").encode(), null).statusCode();
  }

  @Test
  @DisplayName("the host's sign-in form says how long to wait once failures have slowed the account down")
  void formSaysHowLongToWait() throws Exception {
    Page page = browsers.open(server.baseUrl() + "/host/?room=" + DemoData.ROOM_ID, 1280, 800);
    byTestId(page, "login-user").fill("grid");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, wrongPassword("grid"));
    }
    Thread.sleep(1_100);
    assertEquals(401, wrongPassword("grid")); // the sixth: 2 s to wait now
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "login-error")).hasText(Pattern.compile("登录失败次数过多，请 [12] 秒后再试"), QUICK);
  }

  @Test
  @DisplayName("a lock shows on the staff console's 安全提醒 tab until someone marks it seen")
  void consoleListsLocks() {
    long until = System.currentTimeMillis() + 15 * 60_000L;
    Await.result(server.app.accounts().alerts().locked(new SecurityAlerts.Lock(SecurityAlerts.Scope.ACCOUNT, "grid",
        "李网格员", "203.0.113.9", 10, until)));
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-alerts")).hasText("安全提醒（1）", QUICK);
    byTestId(page, "console-tab-alerts").click();
    assertThat(byTestId(page, "alert-row")).containsText("账号被锁定");
    assertThat(byTestId(page, "alert-row")).containsText("李网格员（grid）");
    assertThat(byTestId(page, "alert-row")).containsText("203.0.113.9");
    byTestId(page, "alert-seen-account:grid").click();
    assertThat(byTestId(page, "console-tab-alerts")).hasText("安全提醒", QUICK);
    assertThat(byTestId(page, "alert-row")).containsText("社区工作人员 已查看");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
