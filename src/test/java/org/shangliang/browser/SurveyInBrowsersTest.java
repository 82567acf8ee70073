package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.SurveyAnswers;
import org.shangliang.room.SurveyForm;
import org.shangliang.support.Await;
import org.shangliang.support.DemoInBrowsers;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.browser.KioskFitInBrowsersTest.assertFriendly;
import static org.shangliang.browser.KioskFitInBrowsersTest.assertInView;
import static org.shangliang.browser.KioskFitInBrowsersTest.assertNoPageScroll;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The questionnaire (问卷) in Chromium: the host starts it from the host console, and a personal
 * kiosk at 1280×800, a joined phone at 390×844 and a shared kiosk at 1080×1920 show it first, one
 * tap per question, then 谢谢您的参与; the host sees how many answered.
 */
class SurveyInBrowsersTest extends DemoInBrowsers {
  static final String WANG = "00000000000000000000d008";
  static final String SUN = "00000000000000000000d009";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

  BridgeClient host;

  @BeforeEach
  void signIn() throws Exception {
    host = server.bridge(server.login("cadre"));
  }

  /** A phone scans the room's code for the attendee, and a host confirms it. */
  Page joinedPhone(String attendeeId) {
    String join = server.app.tokens().sign(QrTokens.Purpose.JOIN, DemoData.ROOM_ID, DemoData.MEETING_ID);
    Page phone = browsers.open(server.baseUrl() + "/j/" + join, 390, 844);
    byTestId(phone, "join-" + attendeeId).click();
    assertThat(byTestId(phone, "join-waiting")).isVisible(SOON);
    String joinId = Await.result(command(host, "snapshot")).getJsonArray("phoneJoins").stream().map(JsonObject.class::cast)
        .filter(j -> attendeeId.equals(j.getString("attendeeId"))).findFirst().orElseThrow().getString("id");
    Await.result(command(host, "confirmPhone", new JsonObject().put("joinId", joinId)));
    assertThat(byTestId(phone, "raise-hand")).isVisible(SOON);
    return phone;
  }

  /** Answers every question with the choice at the given index, checking each step fits and is friendly. */
  static void tapThrough(Page page, String where, int choiceIndex) throws Exception {
    for (int i = 0; i < SurveyForm.QUESTIONS.size(); i++) {
      SurveyForm.Question q = SurveyForm.QUESTIONS.get(i);
      assertThat(byTestId(page, "survey-question")).hasText(q.text(), new LocatorAssertions.HasTextOptions().setTimeout(10_000));
      List<String> choices = q.choices().stream().map(c -> "survey-" + q.id() + "-" + c.code()).toList();
      assertInView(page, choices.toArray(String[]::new));
      assertInView(page, "survey-question", "survey-progress");
      assertNoPageScroll(page, where + " question " + q.id());
      if (i == 0 || i == SurveyForm.QUESTIONS.size() - 1) {
        assertFriendly(page, where + " question " + q.id());
      }
      byTestId(page, choices.get(Math.min(choiceIndex, choices.size() - 1))).click();
    }
    assertThat(byTestId(page, "survey-thanks")).isVisible(SOON);
    assertThat(byTestId(page, "survey-thanks")).hasText("谢谢您的参与！");
    assertFriendly(page, where + " thanks");
  }

  JsonObject answersOf(String attendeeId) {
    return Await.result(server.app.db().mongo().findOne(SurveyAnswers.COLLECTION,
        new JsonObject().put("_id", DemoData.MEETING_ID + "." + attendeeId), null)).getJsonObject("answers");
  }

  @Test
  @DisplayName("the host starts the questionnaire; a personal kiosk and a joined phone show it first, one tap per question, then 谢谢; the host sees two answered")
  void answeredOnKioskAndPhone() throws Exception {
    Page hostPage = browsers.signedInHost(server.url("Host console"), "cadre");
    byTestId(hostPage, "open-meeting").click();
    assertThat(byTestId(hostPage, "open-survey")).isVisible(SOON);
    Page kiosk = browsers.open(server.url("Kiosk 1"), 1280, 800);
    KioskFitInBrowsersTest.checkIn(kiosk, WANG);
    Await.result(command(server.bridge(server.token("Kiosk 2")), "checkIn", new JsonObject().put("attendeeId", SUN)));
    Page phone = joinedPhone(SUN);

    byTestId(hostPage, "open-survey").click();
    assertThat(byTestId(hostPage, "survey-status")).containsText("0", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    assertThat(byTestId(hostPage, "close-meeting")).isVisible();

    assertThat(byTestId(kiosk, "survey-question")).isVisible(SOON);
    assertThat(byTestId(kiosk, "raise-hand")).isHidden();
    assertThat(byTestId(kiosk, "report-start")).isHidden();
    tapThrough(kiosk, "personal kiosk", 0);
    byTestId(kiosk, "survey-done").click();
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    assertThat(byTestId(kiosk, "survey-question")).hasCount(0);

    assertThat(byTestId(phone, "survey-question")).isVisible(SOON);
    phone.waitForFunction("() => window.scrollY === 0");
    tapThrough(phone, "joined phone", 2);
    assertThat(byTestId(hostPage, "survey-status")).containsText("2", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    assertEquals(new JsonObject().put("meeting", "GOOD").put("spoke", "YES").put("concerns", "YES").put("result", "AGREE"), answersOf(WANG));
    assertEquals(new JsonObject().put("meeting", "POOR").put("spoke", "NOT_WANTED").put("concerns", "NO").put("result", "DISAGREE"), answersOf(SUN));
    // a reload does not ask again: the kiosk learns from the server who answered
    kiosk.reload();
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    assertThat(byTestId(kiosk, "survey-question")).hasCount(0);
  }

  @Test
  @DisplayName("a shared kiosk lists its attendees still to answer; each taps their name, answers and goes back to the list, and the kiosk's own screen returns after the last")
  void sharedKioskListsWhoIsDue() throws Exception {
    BridgeClient shared = server.bridge(server.token("Kiosk 3"));
    for (int n = 1; n <= 2; n++) {
      Await.result(command(shared, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(command(host, "openMeeting"));
    Page kiosk = browsers.open(server.url("Kiosk 3"), 1080, 1920);
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    Await.result(command(host, "openSurvey"));
    assertThat(byTestId(kiosk, "survey-due-title")).isVisible(SOON);
    assertInView(kiosk, "survey-who-" + attendee(1), "survey-who-" + attendee(2));
    assertFriendly(kiosk, "shared kiosk: who is still to answer");
    byTestId(kiosk, "survey-who-" + attendee(2)).click();
    tapThrough(kiosk, "shared kiosk", 1);
    byTestId(kiosk, "survey-done").click();
    assertThat(byTestId(kiosk, "survey-who-" + attendee(1))).isVisible(SOON);
    assertThat(byTestId(kiosk, "survey-who-" + attendee(2))).hasCount(0);
    byTestId(kiosk, "survey-who-" + attendee(1)).click();
    tapThrough(kiosk, "shared kiosk", 0);
    byTestId(kiosk, "survey-done").click();
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    assertEquals("FAIR", answersOf(attendee(2)).getString("meeting"));
    assertEquals("GOOD", answersOf(attendee(1)).getString("meeting"));
  }
}
