package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * 来电 entered by staff in the console, dispatched (支部派单) to the demo grid worker, who finds it
 * under 派给我的 in their own console and takes it (网格接单); and the 办完即反 list with what is
 * overdue in red. Two browser contexts against a real server.
 */
class RequestDispatchInBrowsersTest {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String WHAT = "王大爷来电：5号楼北侧井盖松动，晚上有人踩空，希望尽快处理。<b>不要</b>拖。".repeat(3);
  /** The console's --red (#a81616), as the browser computes it. */
  static final String RED = "rgb(168, 22, 22)";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.HasTextOptions QUICK = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
  static final LocatorAssertions.ContainsTextOptions QUICKLY = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  TestServer server;
  Browsers browsers;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(staff.close());
    browsers.close();
    server.close();
  }

  JsonObject cmd(String action, JsonObject params) {
    return Await.result(staff.request("request.cmd", params.copy().put("action", action)));
  }

  /** The console signed in as a demo user, on the 诉求 tab. */
  Page console(String user) {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill(user);
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    byTestId(page, "console-tab-requests").click();
    assertThat(byTestId(page, "requests-table")).isVisible(SOON);
    return page;
  }

  void assertNoPageErrors() {
    assertTrue(browsers.dialogs.isEmpty(), "dialogs opened: " + browsers.dialogs);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("staff enter a 来电 and dispatch it to the grid worker, who sees it under 派给我的 and takes it (接单)")
  void enterDispatchTake() {
    Page office = console("staff");
    byTestId(office, "requests-view-enter").click();
    assertThat(byTestId(office, "entry-kind-0")).isVisible(SOON);
    byTestId(office, "entry-kind-4").click();
    byTestId(office, "entry-grid").selectOption(new SelectOption().setValue(GRID_1));
    byTestId(office, "entry-building").fill("5号楼");
    byTestId(office, "entry-what").fill(WHAT);
    byTestId(office, "entry-name").fill("王大爷");
    byTestId(office, "entry-phone").fill("13800001111");
    byTestId(office, "entry-submit").click();
    assertThat(byTestId(office, "console-error")).containsText("来电、来信或来人", QUICKLY);
    byTestId(office, "entry-channel-PHONE").click();
    assertThat(byTestId(office, "entry-channel-PHONE")).hasAttribute("aria-pressed", "true");
    assertThat(byTestId(office, "entry-channel-LETTER")).hasAttribute("aria-pressed", "false");
    byTestId(office, "entry-submit").click();

    assertThat(byTestId(office, "console-status")).containsText("已登记", QUICKLY);
    assertThat(byTestId(office, "request-channel")).hasText("来电", QUICK);
    assertThat(byTestId(office, "request-entered-by")).hasText("社区工作人员");
    assertThat(byTestId(office, "request-what")).hasText(WHAT);
    Matcher m = Pattern.compile("\\d{4}-\\d{4}").matcher(byTestId(office, "request-title").textContent());
    assertTrue(m.find(), "the detail names the new request");
    String number = m.group();
    assertThat(byTestId(office, "request-row-channel-" + number)).hasText("来电", QUICK);

    byTestId(office, "request-step-dispatch").click();
    byTestId(office, "step-toAccount-grid").check();
    byTestId(office, "step-submit").click();
    assertThat(byTestId(office, "request-status")).hasText("已派单", QUICK);
    assertThat(byTestId(office, "request-dispatched-to")).hasText("李网格员");

    Page grid = console("grid");
    assertThat(byTestId(grid, "requests-filter-mine")).isVisible(SOON);
    String otherNumber = cmd("enterRequest", new JsonObject().put("channel", "LETTER").put("kind", "其他")
        .put("what", "没有派出去的来信").put("gridId", GRID_1)).getString("number");
    byTestId(grid, "requests-filter-mine").click();
    assertThat(byTestId(grid, "requests-filter-mine")).hasAttribute("aria-pressed", "true");
    assertThat(byTestId(grid, "request-row-status-" + number)).hasText("已派单", QUICK);
    assertThat(byTestId(grid, "request-row-" + otherNumber)).hasCount(0);
    assertThat(byTestId(grid, "requests-table").locator("tbody tr")).hasCount(1);
    byTestId(grid, "request-row-" + number).click();
    assertThat(byTestId(grid, "request-title")).containsText(number, QUICKLY);
    assertThat(byTestId(grid, "request-step-dispatch")).hasCount(0);
    assertThat(byTestId(grid, "request-step-take")).hasText("接单");
    byTestId(grid, "request-step-take").click();
    byTestId(grid, "step-submit").click();
    assertThat(byTestId(grid, "request-status")).hasText("协商中", QUICK);
    assertThat(byTestId(grid, "request-handler")).hasText("李网格员");
    assertThat(byTestId(grid, "request-history").locator("tbody tr")).hasCount(3);
    assertThat(byTestId(grid, "request-history").locator("tbody tr").nth(1)).containsText("待受理 → 已派单");
    assertThat(byTestId(grid, "request-history").locator("tbody tr").nth(1)).containsText("派给：李网格员");
    assertThat(byTestId(grid, "request-history").locator("tbody tr").nth(2)).containsText("已派单 → 协商中");

    JsonObject request = cmd("listRequests", new JsonObject()).getJsonArray("requests").stream().map(JsonObject.class::cast)
        .filter(r -> number.equals(r.getString("number"))).findFirst().orElseThrow();
    assertEquals("PHONE", request.getString("channel"));
    assertEquals(List.of("FILE", "DISPATCH", "TAKE"),
        request.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("event")).toList());
    assertThat(byTestId(office, "request-status")).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
    assertNoPageErrors();
  }

  @Test
  @DisplayName("办完即反: a request done and not told in time is listed as 已超期 in red, and leaves the list once the resident is told")
  void overdueInforms() {
    String id = cmd("enterRequest", new JsonObject().put("channel", "VISIT").put("kind", "楼院设施").put("what", "楼道灯坏了")
        .put("gridId", GRID_1)).getJsonObject("request").getString("id");
    cmd("takeRequest", new JsonObject().put("id", id));
    cmd("agreeRequest", new JsonObject().put("id", id).put("task", "更换楼道灯").put("responsible", "物业")
        .put("dueAt", System.currentTimeMillis() + 86_400_000L).put("residentConfirmedBy", "王大爷"));
    String number = cmd("completeRequest", new JsonObject().put("id", id)).getJsonObject("request").getString("number");
    JsonObject doc = Await.result(server.app.db().mongo().findOne("requests", new JsonObject().put("_id", id), null));
    doc.getJsonArray("completions").getJsonObject(0).put("at", System.currentTimeMillis() - 10 * 86_400_000L);
    Await.result(server.app.db().mongo().save("requests", doc));

    Page page = console("grid");
    byTestId(page, "requests-view-followups").click();
    assertThat(byTestId(page, "informs-overdue")).containsText(number, QUICKLY);
    assertThat(byTestId(page, "inform-late-" + number)).hasText("已超期");
    assertThat(byTestId(page, "inform-late-" + number)).hasCSS("color", RED);
    assertThat(byTestId(page, "informs-hint")).containsText("3 个工作日");
    byTestId(page, "inform-" + number).click();
    assertThat(byTestId(page, "request-inform-due")).containsText("已超期", QUICKLY);
    byTestId(page, "request-step-inform").click();
    byTestId(page, "step-via-PHONE").check();
    byTestId(page, "step-submit").click();
    assertThat(byTestId(page, "request-status")).hasText("已告知", QUICK);
    byTestId(page, "requests-view-followups").click();
    assertThat(byTestId(page, "informs-overdue")).not().containsText(number, QUICKLY);
    assertNoPageErrors();
  }
}
