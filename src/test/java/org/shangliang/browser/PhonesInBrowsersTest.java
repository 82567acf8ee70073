package org.shangliang.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestVerticle;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoInBrowsers;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * Phones at 390×844 and the language of kiosks and displays, in Chromium against a real server:
 * a joined phone whose ballot heads the screen the moment a vote opens, the resident's status page
 * with what was agreed and what was done before the rating and refreshing itself, the /r/ lookup by
 * number and phone, and kiosk and display pages that speak the community's language whatever their
 * browser's.
 */
class PhonesInBrowsersTest extends DemoInBrowsers {
  static final String WANG = "00000000000000000000d008";
  static final int PHONE_W = 390;
  static final int PHONE_H = 844;
  /** A real motion is long: 60 characters. */
  static final String MOTION = "同意使用公共维修资金更换三号楼至八号楼全部楼道照明灯具并加装声控开关，费用按各楼栋受益户数分摊，由物业公司组织施工验收";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  /** An element's rectangle in the viewport: {top, bottom, left, right, height}. */
  @SuppressWarnings("unchecked")
  static Map<String, Number> rect(Locator element) {
    return (Map<String, Number>) element.evaluate("(e) => { const r = e.getBoundingClientRect();"
        + " return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; }");
  }

  static void fullyInViewport(Locator element, String what, int width, int height) {
    Map<String, Number> r = rect(element);
    assertTrue(r.get("top").doubleValue() >= 0 && r.get("bottom").doubleValue() <= height
        && r.get("left").doubleValue() >= 0 && r.get("right").doubleValue() <= width, what + " is not fully on screen: " + r);
  }

  static double top(Locator element) {
    return rect(element).get("top").doubleValue();
  }

  static double bottom(Locator element) {
    return rect(element).get("bottom").doubleValue();
  }

  // ---- the joined phone ----

  @Test
  @DisplayName("a joined phone scrolled down to 我要反映 shows the whole ballot of a 60-character motion on its first screen the moment a vote opens, 举手发言 and 我要反映 below it")
  void joinedPhoneBallotFirst() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    JsonObject room = new JsonObject().put("roomId", DemoData.ROOM_ID);
    Await.result(host.request("room.cmd", room.copy().put("action", "openMeeting")));
    Await.result(kiosk.request("room.cmd", new JsonObject().put("action", "checkIn").put("attendeeId", WANG)));
    String join = server.app.tokens().sign(QrTokens.Purpose.JOIN, DemoData.ROOM_ID, DemoData.MEETING_ID);
    Page phone = browsers.open(server.baseUrl() + "/j/" + join, PHONE_W, PHONE_H);
    assertThat(byTestId(phone, "join-" + WANG)).isVisible(SOON);
    assertEquals(List.of(), Axe.seriousViolations(phone), "/j/: axe-core");
    byTestId(phone, "join-" + WANG).click();
    assertThat(byTestId(phone, "join-waiting")).isVisible(SOON);
    JsonObject snapshot = Await.result(host.request("room.cmd", room.copy().put("action", "snapshot")));
    String joinId = snapshot.getJsonArray("phoneJoins").stream().map(JsonObject.class::cast)
        .filter(j -> WANG.equals(j.getString("attendeeId"))).findFirst().orElseThrow().getString("id");
    Await.result(host.request("room.cmd", room.copy().put("action", "confirmPhone").put("joinId", joinId)));
    assertThat(byTestId(phone, "raise-hand")).isVisible(SOON);
    byTestId(phone, "report-start").scrollIntoViewIfNeeded();

    Await.result(host.request("room.cmd", room.copy().put("action", "openVote").put("motion", MOTION)
        .put("secret", false).put("walkInsVote", false).put("liveTally", true).put("base", "CAST")));
    assertThat(byTestId(phone, "vote-FOR")).isVisible(SOON);
    phone.waitForFunction("() => window.scrollY === 0");
    Locator panel = phone.locator(".vote-panel");
    fullyInViewport(panel, "the ballot with its motion", PHONE_W, PHONE_H);
    assertThat(panel).containsText(MOTION);
    for (String choice : List.of("FOR", "AGAINST", "ABSTAIN")) {
      Locator button = byTestId(phone, "vote-" + choice);
      fullyInViewport(button, choice, PHONE_W, PHONE_H);
      assertTrue(rect(button).get("height").doubleValue() >= 64, choice + " is a big enough target");
    }
    // until the attendee has voted, nothing stands before the ballot: 举手发言 and 我要反映 are below it or not shown
    for (String other : List.of("raise-hand", "report-start")) {
      Locator shown = byTestId(phone, other);
      assertTrue(shown.count() == 0 || !shown.first().isVisible() || top(shown) >= bottom(panel), other + " comes after the ballot");
    }
    assertEquals(0, ((Number) phone.evaluate("() => document.documentElement.scrollWidth - innerWidth")).intValue(),
        "nothing runs off the side of the phone");
    assertEquals(List.of(), Axe.seriousViolations(phone), "the joined phone's ballot: axe-core");

    byTestId(phone, "vote-FOR").click();
    fullyInViewport(byTestId(phone, "vote-confirm"), "确认", PHONE_W, PHONE_H);
    fullyInViewport(byTestId(phone, "vote-back"), "返回", PHONE_W, PHONE_H);
    byTestId(phone, "vote-confirm").click();
    assertThat(byTestId(phone, "ballot-counted")).isVisible(SOON);
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  // ---- the resident's status page and the lookup ----

  static JsonObject request(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RequestVerticle.COMMANDS, params.copy().put("action", action)));
  }

  /** A request filed at Kiosk 1 with a phone; answers {number, statusToken, id}. */
  JsonObject fileAtKiosk(BridgeClient staff, String phone) throws Exception {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    JsonObject form = new JsonObject().put("action", "fileRequest").put("kind", "楼院设施").put("what", "楼道灯坏了")
        .put("gridId", DemoData.GRID_IDS[0]).put("building", "5号楼").put("name", "钱阿姨");
    if (phone != null) {
      form.put("phone", phone);
    }
    JsonObject filed = Await.result(kiosk.request(RequestVerticle.COMMANDS, form));
    String id = request(staff, "listRequests", new JsonObject()).getJsonArray("requests").stream().map(JsonObject.class::cast)
        .filter(r -> filed.getString("number").equals(r.getString("number"))).findFirst().orElseThrow().getString("id");
    return filed.put("id", id);
  }

  @Test
  @DisplayName("the status page shows the agreement, then the 办结 note before it asks for a rating, and reads both by itself within 30 s")
  void statusPageShowsWhatWasDoneBeforeTheRating() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    JsonObject filed = fileAtKiosk(staff, "13700009876");
    String id = filed.getString("id");
    request(staff, "takeRequest", new JsonObject().put("id", id));

    Page phone = browsers.blank(PHONE_W, PHONE_H, "zh-CN");
    phone.clock().install();
    phone.navigate(server.baseUrl() + "/r/" + filed.getString("statusToken"));
    assertThat(byTestId(phone, "request-status")).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "agreement")).hasCount(0);

    request(staff, "agreeRequest", new JsonObject().put("id", id).put("task", "更换5号楼全部楼道灯")
        .put("responsible", "物业赵经理").put("dueAt", System.currentTimeMillis() + 3 * 86_400_000L)
        .put("residentConfirmedBy", "钱阿姨"));
    phone.clock().runFor(31_000);
    assertThat(byTestId(phone, "agreed-action")).hasText("更换5号楼全部楼道灯", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(phone, "request-status")).hasText("已商定，办理中");

    request(staff, "completeRequest", new JsonObject().put("id", id).put("note", "已更换12盏LED灯，并加装声控开关"));
    request(staff, "informRequest", new JsonObject().put("id", id).put("via", "STATUS_PAGE"));
    phone.clock().runFor(31_000);
    assertThat(byTestId(phone, "rating")).isVisible(SOON);
    assertThat(byTestId(phone, "done-note")).hasText("已更换12盏LED灯，并加装声控开关");
    assertTrue(bottom(byTestId(phone, "agreement")) <= top(byTestId(phone, "done")), "what was agreed, then what was done");
    assertTrue(bottom(byTestId(phone, "done")) <= top(byTestId(phone, "rating")), "what was done comes before the rating");
    assertTrue(top(byTestId(phone, "rate-SATISFIED")) >= 0, "the rating is on the page");

    // a refresh that changes nothing keeps what the resident chose
    byTestId(phone, "rate-BASIC").click();
    phone.clock().runFor(31_000);
    assertThat(byTestId(phone, "rate-BASIC")).hasAttribute("aria-pressed", "true");
    byTestId(phone, "send-rating").click();
    assertThat(byTestId(phone, "rated")).isVisible(SOON);
    assertThat(byTestId(phone, "request-status")).hasText("已结案");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the status page reads the request again when it comes back to the screen")
  void statusPageRefreshesWhenShownAgain() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    JsonObject filed = fileAtKiosk(staff, "13700009876");
    Page phone = browsers.open(server.baseUrl() + "/r/" + filed.getString("statusToken"), PHONE_W, PHONE_H);
    assertThat(byTestId(phone, "request-status")).hasText("待受理", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    request(staff, "takeRequest", new JsonObject().put("id", filed.getString("id")));
    phone.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))");
    assertThat(byTestId(phone, "request-status")).hasText("协商中", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
  }

  @Test
  @DisplayName("/r/ finds a request by its number and the last four digits of the phone and opens its status page; a wrong phone and an unknown number are told the same")
  void lookupByNumberAndPhone() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    JsonObject filed = fileAtKiosk(staff, "137 0000 9876");
    Page phone = browsers.open(server.baseUrl() + "/r/", PHONE_W, PHONE_H);
    assertThat(byTestId(phone, "lookup-no-phone")).containsText("没有留电话的诉求不能在这里查找");

    byTestId(phone, "lookup-number").fill(filed.getString("number"));
    byTestId(phone, "lookup-phone").fill("1234");
    byTestId(phone, "lookup-send").click();
    assertThat(byTestId(phone, "error")).isVisible(SOON);
    String wrongPhone = byTestId(phone, "error").textContent();
    assertEquals(List.of(), Axe.seriousViolations(phone), "/r/ with its error: axe-core");
    assertTrue(wrongPhone.startsWith("没有找到"), wrongPhone);

    byTestId(phone, "error").evaluate("(e) => { e.textContent = ''; e.hidden = true; }");
    byTestId(phone, "lookup-number").fill("9901-0042");
    byTestId(phone, "lookup-phone").fill("9876");
    byTestId(phone, "lookup-send").click();
    assertThat(byTestId(phone, "error")).isVisible(SOON);
    assertEquals(wrongPhone, byTestId(phone, "error").textContent(), "an unknown number reads exactly like a wrong phone");
    assertTrue(phone.url().endsWith("/r/"), phone.url());

    // typed without the dash, as people do
    byTestId(phone, "lookup-number").fill(filed.getString("number").replace("-", ""));
    byTestId(phone, "lookup-phone").fill("9876");
    byTestId(phone, "lookup-send").click();
    String statusPath = "/r/" + filed.getString("statusToken");
    phone.waitForURL(url -> url.endsWith(statusPath));
    assertThat(byTestId(phone, "request-number")).hasText(filed.getString("number"), new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertTrue(browsers.pageErrors.stream().allMatch(e -> e.contains("404")), "only the refused lookups' 404s: " + browsers.pageErrors);
  }

  // ---- the community's language on kiosks and displays ----

  void communityLanguage(String language) throws Exception {
    BridgeClient admin = server.bridge(server.login("admin"));
    Await.result(admin.request(ConsoleAddresses.COMMUNITY, new JsonObject().put("action", "saveCommunity")
        .put("name", "仓后街社区").put("timeZone", "Asia/Shanghai").put("language", language)));
  }

  @Test
  @DisplayName("a kiosk and the room display in a browser installed in English speak Chinese when the community says zh-CN, and English once it says en, also in a Chinese browser")
  void kioskAndDisplaySpeakTheCommunitysLanguage() throws Exception {
    Page kiosk = browsers.open(server.url("Kiosk 1"), 1280, 800, "en-US");
    assertThat(byTestId(kiosk, "report-start")).containsText("我要反映", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertEquals("zh-CN", kiosk.evaluate("() => document.documentElement.lang"));
    assertEquals("en-US", kiosk.evaluate("() => navigator.language"), "the browser itself is in English");
    Page display = browsers.open(server.url("Room display"), 1920, 1080, "en-US");
    display.waitForFunction("() => document.title.includes('有事好商量')");
    assertEquals("zh-CN", display.evaluate("() => document.documentElement.lang"));

    communityLanguage("en");
    for (String locale : List.of("en-US", "zh-CN")) {
      Page english = browsers.open(server.url("Kiosk 2"), 1280, 800, locale);
      assertThat(byTestId(english, "report-start")).containsText("Report a problem", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      assertEquals("en", english.evaluate("() => document.documentElement.lang"), locale);
    }
    display.reload();
    display.waitForFunction("() => document.documentElement.lang === 'en' && document.title === 'Deliberation room display'");
    Page forced = browsers.open(server.url("Kiosk 2").replace("?", "?lang=zh-CN&"), 1280, 800, "en-US");
    assertThat(byTestId(forced, "report-start")).containsText("我要反映", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("the administrator chooses the language of kiosks and displays in the console's 社区与设备 tab")
  void consoleLanguageSelect() throws Exception {
    Page console = browsers.open(server.baseUrl() + "/console/", 1280, 800);
    byTestId(console, "login-user").fill("admin");
    byTestId(console, "login-pass").fill(DemoData.PASSWORD);
    byTestId(console, "login-submit").click();
    byTestId(console, "console-tab-community").click();
    Locator select = byTestId(console, "community-language");
    assertThat(select).hasValue("zh-CN", new LocatorAssertions.HasValueOptions().setTimeout(10_000));
    byTestId(console, "community-name").fill("仓后街社区");
    select.selectOption("en");
    byTestId(console, "community-save").click();
    assertThat(byTestId(console, "console-status")).containsText("已保存", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    Page kiosk = browsers.open(server.url("Kiosk 1"), 1280, 800, "zh-CN");
    assertThat(byTestId(kiosk, "report-start")).containsText("Report a problem", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
  }

  @Test
  @DisplayName("a refused command names the field the page has a word for: an empty motion reads 请检查“表决事项”, not a generic 请求内容不正确")
  void badFieldIsNamed() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    JsonObject room = new JsonObject().put("roomId", DemoData.ROOM_ID);
    Await.result(host.request("room.cmd", room.copy().put("action", "openMeeting")));
    var refused = Await.failure(host.request("room.cmd", room.copy().put("action", "openVote").put("motion", "   ")
        .put("secret", false).put("walkInsVote", false).put("liveTally", true).put("base", "CAST")), "BAD_REQUEST");
    Page page = browsers.open(server.url("Host console"), 1280, 800);
    Object text = page.evaluate("async (message) => { const { errorText, createI18n } = await import('/common/i18n.js');"
        + " const { MESSAGES } = await import('/host/messages.js');"
        + " return errorText(createI18n(MESSAGES, 'zh-CN'), { code: 'BAD_REQUEST', message }); }",
        refused.detail.getString("message"));
    assertEquals("请检查“表决事项”：没有填写或格式不对。", text, "from the server's message " + refused.detail.getString("message"));
  }
}
