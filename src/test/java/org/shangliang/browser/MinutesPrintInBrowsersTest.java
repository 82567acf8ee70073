package org.shangliang.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Media;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.Identity;
import org.shangliang.minutes.MinutesFixture;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.DemoInBrowsers;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * The minutes' print view in Chromium against a real server, with minutes stored as the drafting
 * writes them: every section on screen, the sheet within the printable width of A4, one matter per
 * page in the PDF Chromium prints, no serious accessibility problem, the Word file downloaded.
 */
class MinutesPrintInBrowsersTest extends DemoInBrowsers {
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  /** 210 mm − 2 × 16 mm at 96 dpi: the width the sheet is printed at. */
  static final int PRINTABLE_WIDTH = 673;
  /**
   * Every element that shows must lie within the width, and a box that clips (overflow other than
   * visible) must hold its content. Unlike support/Layout it looks at the whole length of the page:
   * printed paper has no viewport bottom.
   */
  static final String WIDTH_PROBLEMS = "(width) => { const problems = [];"
      + " const nameOf = (el) => el.dataset.testid || (typeof el.className === 'string' && el.className) || el.tagName;"
      + " if (document.documentElement.scrollWidth > width + 1) problems.push('the page is ' + document.documentElement.scrollWidth + ' wide');"
      + " for (const el of document.querySelectorAll('body, body *')) {"
      + "   const r = el.getBoundingClientRect(), cs = getComputedStyle(el);"
      + "   if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;"
      + "   if (r.left < -1 || r.right > width + 1) problems.push(nameOf(el) + ' spans ' + Math.round(r.left) + ' to ' + Math.round(r.right));"
      + "   const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';"
      + "   if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))"
      + "     problems.push(nameOf(el) + ' clips its content: ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);"
      + " } return problems; }";

  /** The print view of the demo meeting's minutes, signed in to the console as {@code username} first. */
  Page minutesAs(String username, String password) {
    Page page = browsers.open(server.baseUrl() + "/console/", 1280, 900);
    byTestId(page, "login-user").fill(username);
    byTestId(page, "login-pass").fill(password);
    byTestId(page, "login-submit").click();
    assertThat(byTestId(page, "logout")).isVisible(SOON);
    page.navigate(server.baseUrl() + "/console/minutes.html?meeting=" + MinutesFixture.MEETING);
    assertThat(byTestId(page, "minutes-sheet")).isVisible(SOON);
    return page;
  }

  void storeMinutes() throws Exception {
    Await.result(server.app.db().mongo().insert("minutes", MinutesFixture.minutes()));
  }

  @Test
  @DisplayName("staff see every matter, the named vote's roll call, the draft mark and the signature lines; text that looks like markup stays text")
  void everySection() throws Exception {
    storeMinutes();
    Page page = minutesAs("staff", DemoData.PASSWORD);
    assertEquals("会议记录：3号楼加装电梯及楼道堆物协商议事会", page.title());
    assertThat(byTestId(page, "minutes-matter-title")).hasText(new String[] {
        "议题一：" + MinutesFixture.ELEVATOR, "议题二：" + MinutesFixture.CLUTTER + MinutesFixture.MARKUP});
    assertThat(byTestId(page, "minutes-draft")).isVisible();
    assertThat(byTestId(page, "minutes-time")).containsText("2025-11-28 09:32 至 11:35");
    assertThat(byTestId(page, "minutes-present")).containsText(String.join("、", MinutesFixture.PRESENT));
    Locator rollCall = byTestId(page, "minutes-roll-call");
    assertThat(rollCall).hasCount(1);
    assertEquals(MinutesFixture.ROLL_CALL, rollCall.locator("tbody tr td:nth-child(2)").allTextContents());
    assertEquals(List.of("赞成", "赞成", "赞成", "赞成", "赞成", "赞成", "反对", "弃权"),
        rollCall.locator("tbody tr td:nth-child(3)").allTextContents());
    Locator secondMatter = byTestId(page, "minutes-matter").nth(1);
    assertThat(secondMatter).containsText(MinutesFixture.SECRET_MOTION);
    assertThat(secondMatter).containsText("无记名表决");
    assertThat(secondMatter.locator("[data-testid='minutes-roll-call']")).hasCount(0);
    assertThat(byTestId(page, "minutes-resolution").first()).containsText(MinutesFixture.RESPONSIBLE);
    assertThat(byTestId(page, "minutes-addenda")).containsText(MinutesFixture.ADDENDUM);
    assertThat(byTestId(page, "minutes-signature")).hasCount(3);
    assertThat(byTestId(page, "minutes-signature").first()).containsText("主持人：李书记");
    assertEquals(14, byTestId(page, "minutes-speeches").first().locator("tbody tr").count());
    assertThat(byTestId(page, "minutes-refusals")).containsText("孙大爷（10:31:00）");
    assertTrue(browsers.dialogs.isEmpty(), "no script ran from the minutes' text: " + browsers.dialogs);

    List<String> serious = Axe.seriousViolations(page);
    assertTrue(serious.isEmpty(), String.join("\n", serious));
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }

  @Test
  @DisplayName("printed, the sheet fits the printable width of A4 without clipping, each matter starts a page, and the PDF has a page per matter at least")
  void printsOnA4() throws Exception {
    storeMinutes();
    Page page = minutesAs("staff", DemoData.PASSWORD);
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    page.setViewportSize(PRINTABLE_WIDTH, 950);
    assertThat(byTestId(page, "minutes-print")).isHidden();
    assertThat(byTestId(page, "minutes-download")).isHidden();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) page.evaluate(WIDTH_PROBLEMS, PRINTABLE_WIDTH);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    List<Object> breaks = byTestId(page, "minutes-matter").evaluateAll("(els) => els.map((el) => getComputedStyle(el).breakBefore)") instanceof List<?> l
        ? List.copyOf(l) : List.of();
    assertEquals(List.of("auto", "page"), breaks);
    assertEquals("avoid", page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=minutes-roll-call] tbody tr')).breakInside"));

    byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true));
    int pages = pageCount(pdf);
    assertTrue(pages >= 2, "a page per matter at least: " + pages);
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }

  @Test
  @DisplayName("下载 Word fetches the .docx with the console's session and saves it under the meeting's title")
  void downloadsWord() throws Exception {
    storeMinutes();
    Page page = minutesAs("cadre", DemoData.PASSWORD);
    Download download = page.waitForDownload(() -> byTestId(page, "minutes-download").click());
    assertEquals("会议记录-3号楼加装电梯及楼道堆物协商议事会.docx", download.suggestedFilename());
    try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
         XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertTrue(text.getText().contains(MinutesFixture.NAMED_MOTION));
    }
    assertTrue(browsers.pageErrors.isEmpty(), String.join("\n", browsers.pageErrors));
  }

  @Test
  @DisplayName("a viewer's sheet names no attendee; without minutes, or without signing in, the page says what to do")
  void viewerAndMissing() throws Exception {
    storeMinutes();
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    Page viewer = minutesAs("street", "viewer-password");
    assertThat(byTestId(viewer, "minutes-matter")).hasCount(2);
    String shown = byTestId(viewer, "minutes-sheet").textContent();
    for (String name : List.of("王阿姨", "孙大爷", MinutesFixture.WALK_IN)) {
      assertFalse(shown.contains(name), name);
    }
    assertTrue(shown.contains("只读账号"));

    Page stranger = browsers.open(server.baseUrl() + "/console/minutes.html?meeting=" + MinutesFixture.MEETING);
    assertThat(byTestId(stranger, "minutes-status")).containsText("请先在管理台登录");
    assertThat(byTestId(stranger, "minutes-sheet")).hasCount(0);

    Await.result(server.app.db().mongo().removeDocument("minutes", new io.vertx.core.json.JsonObject().put("_id", MinutesFixture.MEETING)));
    viewer.reload();
    assertThat(byTestId(viewer, "minutes-status")).containsText("会议结束后才有会议记录");
    assertThat(byTestId(viewer, "minutes-print")).isHidden();
  }

  /** The pages of a PDF as Chromium writes it: one {@code /Type /Page} object each. */
  static int pageCount(byte[] pdf) {
    Matcher m = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
