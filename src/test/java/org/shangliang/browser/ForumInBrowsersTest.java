package org.shangliang.browser;

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
import org.shangliang.request.RequestVerticle;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The 协商论坛 tab in Chromium against a real server, after three disputes were mediated through
 * request.cmd: the lists show what forum.cmd answers with their rules, a change without a reason is
 * refused, one with a reason is shown with it, and the honours are posted on the boards.
 */
class ForumInBrowsersTest {
  static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
  static final String[] MEMBERS = {"00000000000000000000a101", "00000000000000000000a102", "00000000000000000000a103"};

  TestServer server;
  Browsers browsers;
  BridgeClient admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    admin = server.bridge(server.login("admin"));
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  JsonObject request(String action, JsonObject params) {
    return Await.result(admin.request(RequestVerticle.COMMANDS, params.copy().put("action", action)));
  }

  /** Member i mediates i + 1 disputes, all settled: a101 once, a102 twice, a103 three times. */
  void mediateDisputes() {
    for (int i = 0; i < MEMBERS.length; i++) {
      for (int n = 0; n <= i; n++) {
        String id = request("enterRequest", new JsonObject().put("channel", "VISIT").put("kind", "邻里纠纷")
            .put("what", "楼上装修噪音，邻里争执").put("gridId", DemoData.GRID_IDS[0]).put("name", "居民").put("phone", "13700000000"))
            .getJsonObject("request").getString("id");
        request("takeRequest", new JsonObject().put("id", id));
        request("mediateRequest", new JsonObject().put("id", id).put("mediatorMemberIds", new JsonArray().add(MEMBERS[i]))
            .put("settled", true).put("note", "达成调解协议"));
      }
    }
  }

  @Test
  @DisplayName("the forum tab shows the computed lists with their rules, changes a rank only with a reason, and posts the honours")
  void forumTab() {
    mediateDisputes();
    int year = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getYear();
    JsonObject rankings = Await.result(admin.request(ConsoleAddresses.FORUM, new JsonObject().put("action", "forumRankings")
        .put("year", year)));
    JsonArray mediators = rankings.getJsonArray("mediators");
    assertEquals(MEMBERS[2], mediators.getJsonObject(0).getString("entryId"));

    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("admin");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-forum")).hasText("协商论坛", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    byTestId(page, "console-tab-forum").click();
    assertThat(byTestId(page, "forum-heading")).containsText("邻里协商论坛 " + year + " 年表彰", SOON);
    assertThat(byTestId(page, "forum-mediators-rule")).containsText("调解成功次数 × 3");
    for (int i = 0; i < mediators.size(); i++) {
      JsonObject e = mediators.getJsonObject(i);
      assertThat(byTestId(page, "forum-mediators-row-" + (i + 1))).containsText(e.getString("name"));
      assertThat(byTestId(page, "forum-mediators-row-" + (i + 1))).containsText("主持调解 " + e.getJsonObject("inputs").getInteger("held") + " 次");
    }

    String last = mediators.getJsonObject(mediators.size() - 1).getString("name");
    byTestId(page, "forum-mediators-entry").selectOption(MEMBERS[0]);
    byTestId(page, "forum-mediators-position").selectOption("1");
    byTestId(page, "forum-mediators-override").click();
    assertThat(byTestId(page, "console-error")).containsText("理由", SOON);
    assertThat(byTestId(page, "forum-mediators-row-1")).not().containsText(last);

    byTestId(page, "forum-mediators-reason").fill("社区推荐：长期义务调解");
    byTestId(page, "forum-mediators-override").click();
    assertThat(byTestId(page, "forum-mediators-row-1")).containsText(last, SOON);
    assertThat(byTestId(page, "forum-mediators-override-1")).containsText("社区推荐：长期义务调解");

    byTestId(page, "forum-publish").click();
    assertThat(byTestId(page, "forum-status")).containsText("已发布到公示栏", SOON);
    JsonObject notice = Await.result(server.app.db().mongo().findOne("notices", new JsonObject().put("source.forumYear", year), null));
    assertTrue(notice.getString("body").startsWith("优秀人民调解员\n1. " + last), notice.getString("body"));

    assertEquals(List.of(), Axe.seriousViolations(page));
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
  }
}
