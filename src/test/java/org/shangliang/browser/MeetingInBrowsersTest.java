package org.shangliang.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.Browsers;
import org.shangliang.support.TestServer;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * A whole meeting played in Chromium: two kiosks, the host console and the room display, each in
 * its own browser context like separate devices, against a real server.
 */
class MeetingInBrowsersTest {
  static final String WANG = "00000000000000000000d008";
  static final String SUN = "00000000000000000000d009";
  static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

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

  Page signedInHost() {
    return browsers.signedInHost(server.url("Host console"), "cadre");
  }

  static void checkInAndRaiseHand(Page kiosk, String attendeeId) {
    byTestId(kiosk, "checkin-" + attendeeId).click();
    byTestId(kiosk, "iam-confirm").click();
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "queue-position")).isVisible(SOON);
  }

  static void vote(Page kiosk, String choice) {
    byTestId(kiosk, "vote-" + choice).click();
    byTestId(kiosk, "vote-confirm").click();
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible(SOON);
  }

  @Test
  @DisplayName("two kiosks, the host and the display play a meeting: hands, a timed speech, a vote and its result")
  void wholeMeeting() throws Exception {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0.speechSeconds", 4))));
    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    Page kiosk1 = browsers.open(server.url("Kiosk 1"));
    Page kiosk2 = browsers.open(server.url("Kiosk 2"));
    Page host = signedInHost();

    byTestId(host, "open-meeting").click();
    assertThat(byTestId(display, "current-matter")).containsText("加装电梯");
    checkInAndRaiseHand(kiosk1, WANG);
    checkInAndRaiseHand(kiosk2, SUN);
    assertThat(byTestId(kiosk1, "queue-position")).containsText("1");
    assertThat(byTestId(kiosk2, "queue-position")).containsText("2");

    byTestId(host, "give-floor-next").click();
    assertThat(byTestId(display, "speaker")).containsText("王阿姨");
    assertThat(byTestId(display, "countdown")).isVisible();
    assertThat(byTestId(kiosk1, "countdown")).isVisible(SOON);
    assertThat(byTestId(display, "next-speakers")).containsText("孙大爷");
    // The speech runs out by itself: the display drops the speaker without anyone touching anything.
    assertThat(byTestId(display, "speaker")).not().containsText("王阿姨",
        new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

    byTestId(host, "vote-motion").fill("同意加装电梯费用分摊方案");
    byTestId(host, "vote-open").click();
    vote(kiosk1, "FOR");
    vote(kiosk2, "FOR");
    assertThat(byTestId(display, "tally-FOR")).hasText("2");
    assertThat(byTestId(display, "tally-cast")).containsText("2");
    byTestId(host, "vote-close").click();
    assertThat(byTestId(host, "vote-outcome")).hasAttribute("data-passed", "true");
    // The room sees the result when the host announces it (主持人宣布表决结果).
    byTestId(host, "announce").click();
    assertThat(byTestId(host, "announced")).isVisible(SOON);
    assertThat(byTestId(display, "outcome")).hasAttribute("data-passed", "true");
    assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
  }

  @Test
  @DisplayName("a kiosk page that tries to open a vote through its own bus is refused by the server")
  void nonHostCannotOpenAVote() throws Exception {
    signedInHost();
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    assertThat(byTestId(kiosk, "checkin-" + WANG)).isVisible(SOON);
    Object code = kiosk.evaluate("async () => {"
        + " const { EventBus } = await import('/common/eventbus.js');"
        + " const token = localStorage.getItem('shangliang.kiosk.token');"
        + " const bus = new EventBus({ url: '/eventbus', headers: () => ({ auth: token }) });"
        + " await new Promise((resolve) => bus.onOpen(resolve));"
        + " try {"
        + "   await bus.request('room.cmd', { action: 'openVote', roomId: '" + DemoData.ROOM_ID + "', motion: 'x',"
        + "     secret: false, walkInsVote: false, liveTally: true, base: 'CAST' });"
        + "   return 'accepted';"
        + " } catch (e) { return e.code; } }");
    assertEquals("FORBIDDEN", code);
    JsonObject meeting = Await.result(server.app.db().mongo().findOne(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID), null));
    assertEquals(null, meeting.getValue("vote"));
  }

  @Test
  @DisplayName("after a server restart every page recovers by itself and shows the new state")
  void pagesRecoverAfterRestart() throws Exception {
    Page display = browsers.open(server.url("Room display"), 1920, 1080);
    Page kiosk = browsers.open(server.url("Kiosk 1"));
    Page host = signedInHost();
    byTestId(host, "open-meeting").click();
    byTestId(kiosk, "checkin-" + WANG).click();
    byTestId(kiosk, "iam-confirm").click();
    assertThat(byTestId(kiosk, "raise-hand")).isVisible(SOON);
    assertThat(byTestId(display, "current-matter")).containsText("加装电梯");

    int port = server.port();
    Path dataDir = server.dataDir;
    server.close();
    assertThat(byTestId(display, "offline")).isVisible(SOON);
    server = TestServer.start(dataDir, port);

    assertThat(byTestId(display, "offline")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
    byTestId(kiosk, "raise-hand").click();
    assertThat(byTestId(kiosk, "queue-position")).isVisible(SOON);
    assertThat(byTestId(host, "give-floor-" + WANG)).isVisible(SOON);
    byTestId(host, "goto-matter-1").click();
    assertThat(byTestId(display, "current-matter")).containsText("楼道堆物");
  }
}
