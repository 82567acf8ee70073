package org.shangliang.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.member.MemberStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/** The 议事成员 tab in Chromium against a real server: import a file, filter, edit, export. */
class MembersInBrowsersTest {
  static final String HEADER = "姓名,身份类别,党员,社区能人,网格,楼栋,电话,备注,状态";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final List<String> NAMES = List.of("张建国", "李秀英", "王德福", "赵丽华", "陈志强", "刘桂兰", "杨振华", "黄美玲",
      "周国庆", "吴淑珍", "徐卫东", "孙玉梅", "马晓光", "朱红霞", "胡永平", "郭素琴", "何建平", "高秀兰", "林<b>小</b>芳", "欧阳春");
  static final List<String> KINDS = List.of("召集人", "网格员、群众代表", "物业公司代表", "业主委员会成员", "市区政协委员",
      "网格警长", "法律工作者、群众代表", "群众代表", "社会组织代表", "法律工作者");

  TestServer server;
  Browsers browsers;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    // these tests start from an empty register (the demo seeds its meeting's ten members)
    Await.result(server.app.db().mongo().removeDocuments(MemberStore.COLLECTION, new JsonObject()));
    browsers = new Browsers();
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  static byte[] twentyMembers() {
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (int i = 0; i < NAMES.size(); i++) {
      csv.append(String.join(",", NAMES.get(i), KINDS.get(i % KINDS.size()), i % 3 == 0 ? "是" : "否",
          i % 4 == 0 ? "是" : "否", i % 2 == 0 ? "第一网格" : "第二网格", (i % 6 + 1) + "幢", "1390000" + String.format("%04d", i),
          "", "在册")).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  Page signedInStaff() {
    Page page = browsers.open(server.baseUrl() + "/console/", 1600, 1000);
    byTestId(page, "login-user").fill("staff");
    byTestId(page, "login-pass").fill(DemoData.PASSWORD);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "console-tab-members")).isVisible(SOON);
    return page;
  }

  static Locator rows(Page page) {
    return page.locator("[data-testid^='member-row-']");
  }

  static Locator rowOf(Page page, String name) {
    return rows(page).filter(new Locator.FilterOptions().setHasText(name));
  }

  @Test
  @DisplayName("staff import twenty members from a CSV file, filter them by kind, edit one and export the register")
  void importFilterEditExport() throws Exception {
    Page page = signedInStaff();
    byTestId(page, "console-tab-members").click();
    assertThat(byTestId(page, "members-empty")).isVisible(SOON);

    byTestId(page, "members-import-file").setInputFiles(new FilePayload("议事成员.csv", "text/csv", twentyMembers()));
    assertThat(byTestId(page, "members-import-done")).containsText("新增 20 人");
    assertThat(rows(page)).hasCount(20);
    assertThat(rowOf(page, "林<b>小</b>芳")).hasCount(1);
    assertThat(rowOf(page, "李秀英").locator("[data-testid='member-kind-tag']")).hasText(new String[] {"网格员", "群众代表"});
    assertThat(rowOf(page, "张建国").locator("[data-testid='member-party-mark']")).isVisible();
    assertThat(rowOf(page, "张建国")).containsText("13900000000");

    byTestId(page, "members-filter-kind").selectOption("LEGAL");
    assertThat(rows(page)).hasCount(4);
    for (String name : List.of("杨振华", "吴淑珍", "何建平", "欧阳春")) {
      assertThat(rowOf(page, name)).hasCount(1);
    }
    byTestId(page, "members-filter-text").fill("欧阳");
    assertThat(rows(page)).hasCount(1);
    byTestId(page, "members-filter-text").fill("");
    byTestId(page, "members-filter-kind").selectOption("");
    assertThat(rows(page)).hasCount(20);

    String id = rowOf(page, "王德福").getAttribute("data-testid").substring("member-row-".length());
    byTestId(page, "member-edit-" + id).click();
    assertThat(byTestId(page, "member-name")).hasValue("王德福");
    byTestId(page, "member-kind-CPPCC").check();
    byTestId(page, "member-capable").check();
    byTestId(page, "member-building").fill("12幢2单元");
    byTestId(page, "member-note").fill("每周三下午有空");
    byTestId(page, "member-save").click();
    assertThat(rowOf(page, "王德福").locator("[data-testid='member-kind-tag']")).hasText(new String[] {"物业公司代表", "市区政协委员"});
    assertThat(rowOf(page, "王德福")).containsText("12幢2单元");
    BridgeClient staff = server.bridge(server.login("staff"));
    JsonObject stored = Await.result(staff.request(ConsoleAddresses.MEMBERS,
        new JsonObject().put("action", "getMember").put("id", id))).getJsonObject("member");
    assertEquals("每周三下午有空", stored.getString("note"));
    assertTrue(stored.getBoolean("capable"));

    byTestId(page, "member-active-" + id).click();
    assertThat(rows(page)).hasCount(19);

    Download download = page.waitForDownload(() -> byTestId(page, "members-export").click());
    assertEquals("议事成员.csv", download.suggestedFilename());
    String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertTrue(exported.startsWith("\uFEFF" + String.join(",", HEADER.split(","))));
    for (String name : NAMES) {
      assertTrue(exported.contains(name), name);
    }
    assertTrue(exported.contains("停用"), "the deactivated member is in the export, marked so");
    assertTrue(browsers.pageErrors.isEmpty(), browsers.pageErrors.toString());
    assertTrue(browsers.dialogs.isEmpty());
  }

  @Test
  @DisplayName("a file with mistakes imports nothing and the report names each row")
  void badFileShowsTheRows() {
    Page page = signedInStaff();
    byTestId(page, "console-tab-members").click();
    String bad = HEADER + "\n张建国,召集人,是,否,第一网格,,,,\n李秀英,村长,否,否,第一网格,,,,\n王德福,群众代表,否,否,第九网格,,,,\n";
    byTestId(page, "members-import-file").setInputFiles(new FilePayload("bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
    assertThat(byTestId(page, "members-import-rejected")).isVisible(SOON);
    assertThat(byTestId(page, "members-import-error")).hasCount(2);
    assertThat(byTestId(page, "members-import-error").first()).containsText(Pattern.compile("第 3 行.*村长"));
    assertThat(byTestId(page, "members-import-error").nth(1)).containsText("第九网格");
    assertThat(byTestId(page, "members-empty")).isVisible();
  }
}
