package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shangliang.app.DemoData;
import org.shangliang.common.AuditLog;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.Axe;
import org.shangliang.support.Layout;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The kiosk at its real sizes (1280×800 landscape, 1080×1920 portrait) with long real content: the
 * ballot first and whole the moment a vote opens, 发言时间到 held after a speech runs out, the
 * check-in list of 300 on one screen with tap-only filters and a confirmation step, a tap-only
 * walk-in, 限次 in words, and every picker back to the main screen after a minute untouched.
 */
class KioskFitInBrowsersTest {
  static final String WANG = "00000000000000000000d008";
  static final String SUN = "00000000000000000000d009";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final String MOTION = "同意在3号楼北侧空地建设电动自行车集中充电棚，费用由维修基金列支，物业负责日常管理与安全巡查，每月公示用电情况";

  TestServer server;
  Browsers browsers;
  BridgeClient host;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
    host = server.bridge(server.login("cadre"));
  }

  @AfterEach
  void stop() throws Exception {
    browsers.close();
    server.close();
  }

  // ---- helpers ----

  void hostDoes(String action, JsonObject params) {
    Await.result(command(host, action, params));
  }

  void openVote() {
    hostDoes("openVote", new JsonObject().put("motion", MOTION).put("secret", false).put("walkInsVote", false)
        .put("liveTally", true).put("base", "CAST"));
  }

  void setMatter(String field, int value) {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0." + field, value))));
  }

  /** Taps the name, then 确认 on 是您本人吗？. */
  static void checkIn(Page kiosk, String attendeeId) {
    byTestId(kiosk, "checkin-" + attendeeId).click();
    byTestId(kiosk, "iam-confirm").click();
    assertThat(byTestId(kiosk, "attendee-name")).isVisible(SOON);
  }

  /** Offences of the element: outside the viewport, or the page needs scrolling to see it. */
  static List<String> notInView(Page page, String selector) {
    @SuppressWarnings("unchecked")
    List<String> offences = (List<String>) page.evaluate("(sel) => {"
        + " const out = []; const els = [...document.querySelectorAll(sel)];"
        + " if (els.length === 0) out.push('none: ' + sel);"
        + " if (window.scrollY !== 0) out.push('scrolled ' + window.scrollY);"
        + " for (const el of els) { const r = el.getBoundingClientRect();"
        + "   if (r.width === 0 || r.height === 0) { out.push('hidden ' + sel); continue; }"
        + "   if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)"
        + "     out.push(sel + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round) + ' in ' + innerWidth + 'x' + innerHeight); }"
        + " return out; }", selector);
    return offences;
  }

  static void assertInView(Page page, String... testIds) {
    for (String id : testIds) {
      assertEquals(List.of(), notInView(page, "[data-testid='" + id + "']"), id);
    }
  }

  static void assertNoPageScroll(Page page, String screen) {
    Object heights = page.evaluate("() => [document.documentElement.scrollHeight, innerHeight,"
        + " document.documentElement.scrollWidth, innerWidth]");
    @SuppressWarnings("unchecked") List<Number> h = (List<Number>) heights;
    assertTrue(h.get(0).intValue() <= h.get(1).intValue() && h.get(2).intValue() <= h.get(3).intValue(),
        screen + ": the page scrolls, " + h);
  }

  /**
   * 64 px targets, 24 px text, AA contrast (the accessibility probe of KioskAccessibilityTest), no
   * serious or critical finding of axe-core, and no text clipped or outside the screen.
   */
  static void assertFriendly(Page page, String screen) throws Exception {
    assertEquals(List.of(), page.evaluate(KioskAccessibilityTest.probe()), screen);
    assertEquals(List.of(), Axe.seriousViolations(page), screen + ": axe-core");
    assertEquals(List.of(), Layout.problems(page), screen + ": layout");
  }

  // ---- the ballot ----

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("the moment a vote opens the whole ballot (motion, 赞成/反对/弃权, then 确认/返回) is on screen without scrolling, and 我要反映 is out of its way")
  void ballotFirstAndWhole(int width, int height) throws Exception {
    hostDoes("openMeeting", new JsonObject());
    Page kiosk = browsers.open(server.url("Kiosk 1"), width, height);
    checkIn(kiosk, WANG);
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "queue-position")).isVisible(SOON);

    openVote();
    assertThat(byTestId(kiosk, "vote-FOR")).isVisible(SOON);
    assertInView(kiosk, "vote-FOR", "vote-AGAINST", "vote-ABSTAIN", "attendee-name");
    assertEquals(List.of(), notInView(kiosk, ".vote-motion"));
    assertNoPageScroll(kiosk, "ballot");
    assertThat(byTestId(kiosk, "report-start")).isHidden();
    assertThat(byTestId(kiosk, "queue-position")).isHidden();
    assertEquals("vote", byTestId(kiosk, "sound-toggle").getAttribute("data-last-cue"));
    assertFriendly(kiosk, "ballot");

    byTestId(kiosk, "vote-AGAINST").click();
    assertThat(byTestId(kiosk, "vote-confirm")).isVisible(SOON);
    assertInView(kiosk, "vote-question", "vote-confirm", "vote-back");
    assertNoPageScroll(kiosk, "ballot confirmation");
    assertFriendly(kiosk, "ballot confirmation");
    byTestId(kiosk, "vote-confirm").click();
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible(SOON);
    // The ballot is in: the rest of the screen and 我要反映 come back.
    assertThat(byTestId(kiosk, "report-start")).isVisible(SOON);
    assertThat(byTestId(kiosk, "queue-position")).isVisible();
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("on the shared kiosk an open vote turns the main screen into the names still to vote, and each one's ballot fits")
  void sharedBallotFirst(int width, int height) throws Exception {
    hostDoes("openMeeting", new JsonObject());
    BridgeClient shared = server.bridge(server.token("Kiosk 3"));
    for (int n = 1; n <= 4; n++) {
      Await.result(command(shared, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Page kiosk = browsers.open(server.url("Kiosk 3"), width, height);
    assertThat(byTestId(kiosk, "person-" + attendee(4))).isVisible(SOON);
    openVote();
    assertThat(byTestId(kiosk, "vote-due-title")).isVisible(SOON);
    assertInView(kiosk, "who-" + attendee(1), "who-" + attendee(4));
    assertThat(byTestId(kiosk, "report-start")).isHidden();
    assertFriendly(kiosk, "shared: names to vote");

    byTestId(kiosk, "who-" + attendee(2)).click();
    assertInView(kiosk, "voter-name", "vote-FOR", "vote-AGAINST", "vote-ABSTAIN", "shared-done");
    assertNoPageScroll(kiosk, "shared ballot");
    byTestId(kiosk, "vote-FOR").click();
    assertInView(kiosk, "vote-confirm", "vote-back");
    byTestId(kiosk, "vote-confirm").click();
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible(SOON);
    byTestId(kiosk, "shared-done").click();
    assertThat(byTestId(kiosk, "who-" + attendee(1))).isVisible(SOON);
    assertEquals(0, byTestId(kiosk, "who-" + attendee(2)).count(), "who has voted leaves the list");
  }

  // ---- 发言时间到 ----

  @Test
  @DisplayName("a speech that runs out by itself shows 发言时间到 on the speaker's kiosk and in every kiosk's meeting line for at least 3 s, then the screens go back")
  void timeUpIsHeld() throws Exception {
    setMatter("speechSeconds", 3);
    hostDoes("openMeeting", new JsonObject());
    Page speaker = browsers.open(server.url("Kiosk 1"));
    Page other = browsers.open(server.url("Kiosk 2"), 1080, 1920);
    checkIn(speaker, WANG);
    checkIn(other, SUN);
    byTestId(speaker, "raise-hand").click();
    assertThat(byTestId(speaker, "queue-position")).isVisible(SOON);
    hostDoes("giveFloor", new JsonObject());
    assertThat(byTestId(speaker, "countdown")).isVisible(SOON);
    assertThat(byTestId(other, "speaker-line")).containsText("王阿姨", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    // The floor is gone from the room (the other kiosk no longer says who speaks) ...
    assertThat(byTestId(other, "speaker-line")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
    long gone = System.currentTimeMillis();
    // ... and for 3 s both kiosks still say the time is up.
    while (System.currentTimeMillis() - gone < 3000) {
      assertThat(byTestId(speaker, "floor-status")).hasText("发言时间到", new LocatorAssertions.HasTextOptions().setTimeout(200));
      assertThat(byTestId(speaker, "countdown")).hasText("00:00", new LocatorAssertions.HasTextOptions().setTimeout(200));
      assertThat(byTestId(speaker, "time-up-line")).containsText("发言时间到", new LocatorAssertions.ContainsTextOptions().setTimeout(200));
      assertThat(byTestId(other, "time-up-line")).containsText("王阿姨 发言时间到", new LocatorAssertions.ContainsTextOptions().setTimeout(200));
      Thread.sleep(150);
    }
    assertFriendly(speaker, "time up");
    assertEquals("over", byTestId(speaker, "sound-toggle").getAttribute("data-last-cue"));
    assertThat(byTestId(other, "time-up-line")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    assertThat(byTestId(speaker, "countdown")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    // after the hold, the hand and 签退 the clock stood in for come back
    assertThat(byTestId(speaker, "raise-hand")).isVisible();
    assertThat(byTestId(speaker, "checkout")).isVisible();
    // The server ended it: the clock's own audit entry, not a host's.
    JsonObject expired = Await.result(server.app.db().mongo().findOne(AuditLog.COLLECTION,
        new JsonObject().put("area", "room").put("action", "speechExpired"), null));
    assertNotNull(expired, "the speech ran out by itself");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  // ---- a minute untouched ----

  @Test
  @DisplayName("the shared kiosk's 谁在操作？ picker, the 是您本人吗？ question and a half-done 我要反映 go back to the main screen after 60 s without a touch")
  void pickersTimeOut() throws Exception {
    hostDoes("openMeeting", new JsonObject());
    BridgeClient shared = server.bridge(server.token("Kiosk 3"));
    Await.result(command(shared, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    Page kiosk = browsers.open(server.url("Kiosk 3"));
    kiosk.clock().install();
    kiosk.reload();
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "who-title")).isVisible(SOON);
    assertFriendly(kiosk, "谁在操作？");
    kiosk.clock().runFor(50_000);
    assertThat(byTestId(kiosk, "who-title")).isVisible();
    kiosk.clock().runFor(11_000);
    assertThat(byTestId(kiosk, "who-title")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    assertThat(byTestId(kiosk, "raise-hand")).isVisible();
    assertThat(byTestId(kiosk, "person-" + attendee(1))).isVisible();

    Page personal = browsers.open(server.url("Kiosk 1"));
    personal.clock().install();
    personal.reload();
    byTestId(personal, "checkin-" + WANG).click();
    assertThat(byTestId(personal, "iam-name")).isVisible(SOON);
    personal.clock().runFor(61_000);
    assertThat(byTestId(personal, "iam-name")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    assertThat(byTestId(personal, "checkin-" + WANG)).isVisible();
    assertNull(attendeeDoc(WANG).getValue("checkedInAt"), "nobody was checked in by walking away");

    // 我要反映 left half done goes back too.
    byTestId(personal, "report-start").click();
    assertThat(byTestId(personal, "request-flow")).isVisible(SOON);
    assertFriendly(personal, "我要反映");
    personal.clock().runFor(61_000);
    assertThat(byTestId(personal, "request-flow")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5_000));
    assertThat(byTestId(personal, "checkin-" + WANG)).isVisible();
  }

  JsonObject attendeeDoc(String id) {
    return Await.result(server.app.db().mongo().findOne(RoomStore.ATTENDEES, new JsonObject().put("_id", id), null));
  }

  // ---- check-in ----

  static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
  static final String[] GIVEN = {"秀英", "建国", "桂兰", "志强", "淑珍", "海燕", "德明", "玉梅", "国庆", "丽", "伟", "红霞", "长春", "凤英", "永福"};
  static final AttendeeKind[] KINDS = {AttendeeKind.RESIDENT, AttendeeKind.RESIDENT, AttendeeKind.RESIDENT, AttendeeKind.RESIDENT_REP,
      AttendeeKind.PROPERTY, AttendeeKind.OWNERS_COMMITTEE, AttendeeKind.SOCIAL_ORG};

  /** 300 invited with real names, a few of them long (a two-part name, a four-character one). */
  void add300Attendees() {
    List<Future<String>> writes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String name = i == 7 ? "阿卜杜热合曼·买买提" : i == 8 ? "欧阳娜娜" : SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
      Attendee a = new Attendee(String.format("0000000000000000000e%04d", i), DemoData.MEETING_ID, name,
          KINDS[i % KINDS.length], false, null, null);
      writes.add(server.app.db().mongo().insert(RoomStore.ATTENDEES, a.toDocument()));
    }
    Await.result(Future.all(writes));
  }

  /** Every name button: at least 64 px tall and wide, its text not clipped, inside the viewport. */
  static List<String> nameButtonOffences(Page page) {
    @SuppressWarnings("unchecked")
    List<String> offences = (List<String>) page.evaluate("() => [...document.querySelectorAll('.name-page .btn-name')].flatMap((b) => {"
        + " const r = b.getBoundingClientRect(); const out = [];"
        + " if (r.height < 64 || r.width < 64) out.push('small ' + b.textContent + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));"
        + " if (b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight) out.push('clipped ' + b.textContent);"
        + " if (r.bottom > innerHeight || r.right > innerWidth || r.top < 0) out.push('outside ' + b.textContent);"
        + " return out; })");
    return offences;
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("300 invited: the check-in list fits one screen in pages, with tap-only filters by kind and by surname letter, walk-in on the first screen")
  void threeHundredFit(int width, int height) throws Exception {
    add300Attendees();
    Page kiosk = browsers.open(server.url("Kiosk 1"), width, height);
    assertThat(byTestId(kiosk, "page-count")).isVisible(SOON);
    assertNoPageScroll(kiosk, "check-in, first page");
    assertEquals(List.of(), nameButtonOffences(kiosk));
    assertTrue(kiosk.locator(".name-page .btn-name").count() >= 8, "a page shows a useful number of names");
    assertInView(kiosk, "walk-in", "filter-all", "filter-kind", "filter-initial", "page-next");
    assertFriendly(kiosk, "check-in of 300");

    String first = kiosk.locator(".name-page .btn-name").first().textContent();
    byTestId(kiosk, "page-next").click();
    assertThat(byTestId(kiosk, "page-count")).containsText("第 2 /");
    assertFalse(first.equals(kiosk.locator(".name-page .btn-name").first().textContent()), "the next page shows other names");
    assertNoPageScroll(kiosk, "check-in, second page");
    assertEquals(List.of(), nameButtonOffences(kiosk));

    // By surname: the letters, each with the surnames under it; W holds 王 and 吴.
    byTestId(kiosk, "filter-initial").click();
    assertThat(byTestId(kiosk, "filter-initial-W")).containsText("王");
    assertNoPageScroll(kiosk, "surname letters");
    assertFriendly(kiosk, "surname letters");
    byTestId(kiosk, "filter-initial-W").click();
    List<String> names = kiosk.locator(".name-page .btn-name").allTextContents();
    assertFalse(names.isEmpty());
    assertTrue(names.stream().allMatch(n -> n.startsWith("王") || n.startsWith("吴") || n.startsWith("物")), "only W: " + names);
    assertEquals(List.of(), nameButtonOffences(kiosk));

    // By kind: only that kind's heading.
    byTestId(kiosk, "filter-kind").click();
    byTestId(kiosk, "filter-kind-PROPERTY").click();
    assertEquals(List.of("物业公司代表"), kiosk.locator(".kind-title").allTextContents().stream().map(s -> s.replace("（续）", "")).distinct().toList());
    assertNoPageScroll(kiosk, "one kind");
    assertEquals(List.of(), nameButtonOffences(kiosk));

    // The long two-part name fits its button.
    byTestId(kiosk, "filter-initial").click();
    byTestId(kiosk, "filter-initial-A").click();
    assertThat(kiosk.locator(".name-page .btn-name", new Page.LocatorOptions().setHasText("阿卜杜热合曼·买买提"))).isVisible();
    assertEquals(List.of(), nameButtonOffences(kiosk));
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("a name tapped asks 是您本人吗？ with the name large; 返回 checks nobody in, 确认 does")
  void confirmationStep(int width, int height) throws Exception {
    Page kiosk = browsers.open(server.url("Kiosk 1"), width, height);
    assertThat(byTestId(kiosk, "checkin-" + WANG)).isVisible(SOON);
    assertFriendly(kiosk, "check-in");
    byTestId(kiosk, "checkin-" + WANG).click();
    assertThat(byTestId(kiosk, "iam-name")).hasText("王阿姨");
    assertThat(kiosk.getByText("是您本人吗？")).isVisible();
    double size = ((Number) byTestId(kiosk, "iam-name").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
    assertTrue(size >= 64, "the name large: " + size);
    assertInView(kiosk, "iam-name", "iam-confirm", "iam-back");
    assertFriendly(kiosk, "是您本人吗？");
    byTestId(kiosk, "iam-back").click();
    assertThat(byTestId(kiosk, "checkin-" + SUN)).isVisible();
    assertNull(attendeeDoc(WANG).getValue("checkedInAt"));

    byTestId(kiosk, "checkin-" + WANG).click();
    byTestId(kiosk, "iam-confirm").click();
    assertThat(byTestId(kiosk, "attendee-name")).containsText("王阿姨", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertNotNull(attendeeDoc(WANG).getValue("checkedInAt"));
    assertEquals("words", byTestId(kiosk, "sound-toggle").getAttribute("data-last-cue"));
    assertThat(byTestId(kiosk, "sound-toggle")).hasAttribute("data-words", "王阿姨，签到成功");
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1080, 1920"})
  @DisplayName("walk-in from the first screen by taps only: surname, how to call them, who they are with nothing chosen, then 提交")
  void walkInByTaps(int width, int height) throws Exception {
    add300Attendees();
    Page kiosk = browsers.open(server.url("Kiosk 1"), width, height);
    assertThat(byTestId(kiosk, "walk-in")).isVisible(SOON);
    assertInView(kiosk, "walk-in");
    byTestId(kiosk, "walk-in").click();
    assertInView(kiosk, "walkin-surname-李", "walkin-surname-沈", "walkin-write", "walkin-back");
    assertNoPageScroll(kiosk, "surnames");
    assertFriendly(kiosk, "surnames");
    byTestId(kiosk, "walkin-surname-李").click();
    assertFriendly(kiosk, "how to call");
    byTestId(kiosk, "walkin-title-UNCLE").click();
    assertThat(byTestId(kiosk, "walkin-who")).hasText("李大爷");
    for (String kind : List.of("RESIDENT", "RESIDENT_REP", "PROPERTY")) {
      assertThat(byTestId(kiosk, "walkin-kind-" + kind)).hasAttribute("aria-pressed", "false");
    }
    assertThat(byTestId(kiosk, "walkin-submit")).isDisabled();
    assertInView(kiosk, "walkin-submit");
    assertFriendly(kiosk, "who they are");
    byTestId(kiosk, "walkin-kind-RESIDENT").click();
    assertThat(byTestId(kiosk, "walkin-kind-RESIDENT")).hasAttribute("aria-pressed", "true");
    assertThat(byTestId(kiosk, "walkin-submit")).hasText("提交");
    byTestId(kiosk, "walkin-submit").click();
    assertThat(byTestId(kiosk, "attendee-name")).containsText("李大爷", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertFriendly(kiosk, "main screen of a walk-in");
    byTestId(kiosk, "report-start").click();
    assertThat(byTestId(kiosk, "request-flow")).isVisible(SOON);
    assertFriendly(kiosk, "我要反映");
    JsonObject walkIn = Await.result(server.app.db().mongo().findOne(RoomStore.ATTENDEES,
        new JsonObject().put("name", "李大爷").put("walkIn", true), null));
    assertEquals("RESIDENT", walkIn.getString("kind"));
  }

  // ---- 限次 ----

  @Test
  @DisplayName("once 限次 is used up on the matter, 举手发言 gives way to 本议题您的发言次数已用完")
  void speechLimitInWords() throws Exception {
    setMatter("speechesPerPerson", 1);
    hostDoes("openMeeting", new JsonObject());
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    checkIn(kiosk, WANG);
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "queue-position")).isVisible(SOON);
    hostDoes("giveFloor", new JsonObject());
    assertThat(byTestId(kiosk, "countdown")).isVisible(SOON);
    assertEquals("turn", byTestId(kiosk, "sound-toggle").getAttribute("data-last-cue"));
    hostDoes("endSpeech", new JsonObject());
    assertThat(byTestId(kiosk, "hand-limit")).hasText("本议题您的发言次数已用完", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertEquals(0, byTestId(kiosk, "raise-hand").count());
    assertFriendly(kiosk, "限次 used up");
    // The next matter starts afresh.
    hostDoes("gotoMatter", new JsonObject().put("index", 1));
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
  }

  @Test
  @DisplayName("the 声音 switch is kept per kiosk: off, nothing is announced, and it stays off after a reload")
  void soundSwitch() throws Exception {
    hostDoes("openMeeting", new JsonObject());
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    checkIn(kiosk, WANG);
    byTestId(kiosk, "sound-toggle").click();
    assertThat(byTestId(kiosk, "sound-toggle")).hasAttribute("aria-pressed", "false");
    kiosk.reload();
    assertThat(byTestId(kiosk, "sound-toggle")).hasText("声音：关", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(byTestId(kiosk, "attendee-name")).isVisible(SOON);
    openVote();
    assertThat(byTestId(kiosk, "vote-FOR")).isVisible(SOON);
    assertNull(byTestId(kiosk, "sound-toggle").getAttribute("data-last-cue"), "silent while switched off");
  }
}
