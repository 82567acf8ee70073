package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
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

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * Every phone page at 390×844 with long real content, in Chromium against a real server: no box
 * cuts its text, nothing runs off the side of the phone, and every button, link and field a
 * resident taps is at least 64 px tall. The pages are phone pages that scroll down, so the viewport
 * check of {@code Layout} (nothing below the first screen) does not apply; these checks are their own.
 */
class PhonePagesFitInBrowsersTest extends DemoInBrowsers {
  static final int PHONE_W = 390;
  static final int PHONE_H = 844;
  static final long DAY = 24 * 3600_000L;
  static final String FIRST_MATTER = "00000000000000000000c001";
  static final String WANG_MEMBER = "00000000000000000000a108";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  /** The longest title a notice may have: 60 characters. */
  static final String TITLE = "关于三号楼至八号楼楼道照明灯具统一更换及加装声控开关工程施工期间居民出行安全注意事项和临时停电安排的通知公告全文（二期）";
  static final String PARAGRAPH = "施工单位将于下周一至周五每天上午八点至下午五点在三号楼至八号楼各单元楼道内作业，"
      + "作业期间楼道照明可能短时中断，请老年居民和带小孩的家庭出入时注意脚下安全，必要时可联系网格员陪同。";

  /**
   * Problems of the page as it is: a box that clips (overflow other than visible) and does not hold
   * its content, a page wider than the phone, and a tap target lower than 64 px. Every target is a
   * block-sized control: the phone pages have no inline text links, so the 44 px allowance for
   * links inside running text is not used and every button, link, field and photo picker must be
   * 64 px tall.
   */
  static final String PROBLEMS = "() => {"
      + " const problems = [];"
      + " const nameOf = (el) => el.dataset.testid || (typeof el.className === 'string' && el.className) || el.tagName;"
      + " if (document.documentElement.scrollWidth > innerWidth + 1)"
      + "   problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' wide in ' + innerWidth);"
      + " if (document.body.scrollWidth > innerWidth + 1)"
      + "   problems.push('the body scrolls sideways: ' + document.body.scrollWidth + ' wide in ' + innerWidth);"
      + " for (const el of document.querySelectorAll('body *')) {"
      + "   const r = el.getBoundingClientRect(), cs = getComputedStyle(el);"
      + "   if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.opacity === '0') continue;"
      + "   const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';"
      + "   if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))"
      + "     problems.push(nameOf(el) + ' cuts its content: ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);"
      + "   if (r.right > innerWidth + 1 || r.left < -1)"
      + "     problems.push(nameOf(el) + ' runs off the side: ' + Math.round(r.left) + ' to ' + Math.round(r.right));"
      + "   const target = el.matches('button, a[href], input, textarea, select, label.pick-photo');"
      + "   if (target && r.height < 64)"
      + "     problems.push(nameOf(el) + ' is a small target: ' + Math.round(r.height) + ' px tall');"
      + " }"
      + " return problems; }";

  /** Real text of exactly {@code length} characters. */
  static String text(int length) {
    return PARAGRAPH.repeat(length / PARAGRAPH.length() + 1).substring(0, length);
  }

  @SuppressWarnings("unchecked")
  static List<String> problems(Page page) {
    return (List<String>) page.evaluate(PROBLEMS);
  }

  /** How many tap targets the page shows: so a page that failed to render cannot pass. */
  static int targets(Page page) {
    return ((Number) page.evaluate("() => [...document.querySelectorAll('button, a[href], input, textarea, select')]"
        + ".filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length")).intValue();
  }

  void fits(Page page, String what, List<String> all) {
    assertTrue(targets(page) > 0, what + " shows something to tap");
    for (String problem : problems(page)) {
      all.add(what + ": " + problem);
    }
    for (String violation : Axe.seriousViolations(page)) {
      all.add(what + ": axe-core " + violation);
    }
  }

  static JsonObject request(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RequestVerticle.COMMANDS, params.copy().put("action", action)));
  }

  @Test
  @DisplayName("the feedback, request filing, request status, lookup and round pages fit a 390×844 phone with long content and have 64 px targets")
  void everyPhonePageFits() throws Exception {
    List<String> all = new ArrayList<>();
    BridgeClient staff = server.bridge(server.login("staff"));

    // 意见反馈: a published notice with the longest title and a long body
    long now = System.currentTimeMillis();
    String body = PARAGRAPH + "\n\n" + PARAGRAPH + "\n\n- " + PARAGRAPH + "\n- 联系电话：社区服务站 12345678901234567890";
    JsonObject notice = new JsonObject().put("kind", "PUBLICITY").put("title", TITLE).put("body", body)
        .put("targets", new JsonObject().put("grids", new JsonArray().add(DemoData.GRID_IDS[0])))
        .put("startsAt", now).put("endsAt", now + 7 * DAY).put("priority", 1).put("urgent", false);
    String noticeId = Await.result(staff.request(ConsoleAddresses.NOTICES, notice.copy().put("action", "saveNotice")))
        .getJsonObject("notice").getString("id");
    Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "publishNotice").put("id", noticeId)));
    String feedback = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, noticeId, DemoData.BOARD_1);
    Page page = browsers.open(server.baseUrl() + "/f/" + feedback, PHONE_W, PHONE_H);
    assertThat(byTestId(page, "notice-title")).hasText(TITLE, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(page, "send")).isVisible(SOON);
    byTestId(page, "comment").fill(PARAGRAPH + PARAGRAPH);
    fits(page, "/f/", all);

    // 我要反映: the filing page with a long account of the problem
    String report = server.app.tokens().sign(QrTokens.Purpose.REPORT, DemoData.GRID_IDS[0], DemoData.BOARD_1);
    page = browsers.open(server.baseUrl() + "/p/" + report, PHONE_W, PHONE_H);
    assertThat(byTestId(page, "send")).isVisible(SOON);
    byTestId(page, "what").fill(text(500));
    byTestId(page, "building").fill("5号楼3单元");
    byTestId(page, "name").fill("欧阳钱阿姨");
    byTestId(page, "phone").fill("13700009876");
    fits(page, "/p/", all);

    // the status page of a request filed with 500 characters of what happened
    String what = text(500);
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    JsonObject filed = request(kiosk, "fileRequest", new JsonObject().put("kind", "楼院设施").put("what", what)
        .put("gridId", DemoData.GRID_IDS[0]).put("building", "5号楼3单元").put("name", "钱阿姨").put("phone", "13700009876"));
    page = browsers.open(server.baseUrl() + "/r/" + filed.getString("statusToken"), PHONE_W, PHONE_H);
    assertThat(byTestId(page, "request-number")).isVisible(SOON);
    assertThat(byTestId(page, "request-public-title")).not().isEmpty();
    // a new request asks for no rating yet, so the page may have nothing to tap; its boxes and width are checked all the same
    for (String problem : problems(page)) {
      all.add("/r/<token>: " + problem);
    }
    for (String violation : Axe.seriousViolations(page)) {
      all.add("/r/<token>: axe-core " + violation);
    }

    // the lookup by number and phone
    page = browsers.open(server.baseUrl() + "/r/", PHONE_W, PHONE_H);
    assertThat(byTestId(page, "lookup-send")).isVisible(SOON);
    byTestId(page, "lookup-number").fill(filed.getString("number"));
    byTestId(page, "lookup-phone").fill("13700009876");
    fits(page, "/r/", all);

    // 网络协商: a member's own link to a round with the longest question
    String question = ("加装电梯的费用分摊方案：一楼住户不分摊，二楼起按楼层递增分摊，" + text(200)).substring(0, 200);
    JsonObject opened = Await.result(staff.request("round.cmd", new JsonObject().put("action", "openRound")
        .put("meetingId", DemoData.MEETING_ID).put("matterId", FIRST_MATTER).put("question", question)
        .put("form", "ONLINE").put("closesAt", System.currentTimeMillis() + 3_600_000L)));
    String link = opened.getJsonArray("invitees").stream().map(JsonObject.class::cast)
        .filter(i -> WANG_MEMBER.equals(i.getString("memberId"))).findFirst().orElseThrow().getString("link");
    page = browsers.open(link, PHONE_W, PHONE_H);
    assertThat(byTestId(page, "round-send")).isVisible(SOON);
    byTestId(page, "round-comment").fill(PARAGRAPH + PARAGRAPH);
    fits(page, "/o/", all);

    assertTrue(all.isEmpty(), "phone pages that do not fit:\n" + String.join("\n", all));
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }
}
