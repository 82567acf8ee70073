package org.shangliang.round;

import com.microsoft.playwright.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.Identity;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.http.HttpResponse;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;

/**
 * Written and online rounds (书面协商, 网络协商) on the demo meeting's first matter: each invited
 * member answers through a link of their own (a phone, over HTTP and in Chromium) or on paper that
 * staff enter, until a deadline the server keeps.
 */
class ConsultationRoundsTest {
  static final String ROUNDS = "round.cmd";
  static final String FIRST_MATTER = "00000000000000000000c001";
  static final String WANG_MEMBER = "00000000000000000000a108";

  TestServer server;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("each invited member answers once through their own link, may change it until the deadline, and not after")
  void phonesAnswerUntilTheDeadline() throws Exception {
    JsonObject opened = open(System.currentTimeMillis() + 60_000);
    String roundId = opened.getJsonObject("round").getString("id");
    JsonArray invitees = opened.getJsonArray("invitees");
    assertEquals(DemoData.ATTENDEE_COUNT, invitees.size(), "every invited member of the meeting");
    String link = linkOf(invitees, WANG_MEMBER);
    String api = server.baseUrl() + "/api/rounds/" + link.substring(link.lastIndexOf('/') + 1);

    JsonObject form = new JsonObject(Http.get(api).body());
    assertEquals("王阿姨", form.getString("name"));
    assertTrue(form.getBoolean("open"));
    assertNull(form.getValue("view"));
    assertEquals(200, Http.post(api, new JsonObject().put("view", "AGAINST").encode(), null).statusCode());
    assertEquals(200, Http.post(api, new JsonObject().put("view", "FOR").put("comment", "同意，但要先公示费用").encode(), null)
        .statusCode());
    assertEquals("FOR", new JsonObject(Http.get(api).body()).getString("view"), "the later view replaced the earlier");

    JsonObject detail = Await.result(cmd(staff, "roundDetail", new JsonObject().put("roundId", roundId)));
    assertEquals(1, detail.getJsonObject("round").getInteger("answered"), "one member, one view");
    assertEquals(1, detail.getJsonObject("round").getJsonObject("counts").getInteger("FOR"));
    JsonObject wang = find(detail.getJsonArray("invitees"), WANG_MEMBER);
    assertEquals("同意，但要先公示费用", wang.getString("comment"));
    assertEquals("PHONE", wang.getString("via"));

    // 书面协商: a paper form entered by staff counts like a phone's answer
    Await.result(cmd(staff, "recordView", new JsonObject().put("roundId", roundId).put("memberId", "00000000000000000000a109")
        .put("view", "ABSTAIN")));
    Await.failure(cmd(staff, "recordView", new JsonObject().put("roundId", roundId).put("memberId", "0123456789abcdef01234567")
        .put("view", "FOR")), "NOT_INVITED");

    HttpResponse<String> forged = Http.get(server.baseUrl() + "/api/rounds/" + link.substring(link.lastIndexOf('/') + 1, link.length() - 2) + "xx");
    assertEquals("TOKEN_INVALID", new JsonObject(forged.body()).getString("code"));
    assertEquals(400, Http.post(api, new JsonObject().put("view", "MAYBE").encode(), null).statusCode());

    Await.result(cmd(staff, "closeRound", new JsonObject().put("roundId", roundId)));
    HttpResponse<String> late = Http.post(api, new JsonObject().put("view", "AGAINST").encode(), null);
    assertEquals(409, late.statusCode());
    assertEquals("ROUND_CLOSED", new JsonObject(late.body()).getString("code"));
    JsonObject closed = Await.result(cmd(staff, "listRounds", new JsonObject().put("meetingId", DemoData.MEETING_ID)))
        .getJsonArray("rounds").getJsonObject(0);
    assertFalse(closed.getBoolean("open"));
    assertEquals(2, closed.getInteger("answered"));
    assertEquals(1, closed.getJsonObject("counts").getInteger("FOR"), "the late view changed nothing");
  }

  @Test
  @DisplayName("a round closes at its deadline by itself: no timer, the time is data")
  void deadlineIsData() throws Exception {
    JsonObject opened = open(System.currentTimeMillis() + 1500);
    String link = linkOf(opened.getJsonArray("invitees"), WANG_MEMBER);
    String api = server.baseUrl() + "/api/rounds/" + link.substring(link.lastIndexOf('/') + 1);
    assertEquals(200, Http.post(api, new JsonObject().put("view", "FOR").encode(), null).statusCode());
    Await.until("the deadline passes", 5000, () -> System.currentTimeMillis() > opened.getJsonObject("round").getLong("closesAt"));
    assertEquals(409, Http.post(api, new JsonObject().put("view", "AGAINST").encode(), null).statusCode());
    assertFalse(new JsonObject(Http.get(api).body()).getBoolean("open"));
  }

  @Test
  @DisplayName("who may run a round and read its links; bad rounds are refused and change nothing")
  void accessAndRefusals() throws Exception {
    long later = System.currentTimeMillis() + 60_000;
    Await.failure(cmd(server.bridge(server.token("Kiosk 1")), "listRounds", new JsonObject().put("meetingId", DemoData.MEETING_ID)),
        "FORBIDDEN");
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    Await.failure(cmd(viewer, "openRound", round(later)), "FORBIDDEN");
    Await.failure(cmd(staff, "openRound", round(System.currentTimeMillis() - 1)), "BAD_REQUEST");
    Await.failure(cmd(staff, "openRound", round(later).put("matterId", "0123456789abcdef01234567")), "NOT_FOUND");
    Await.failure(cmd(staff, "openRound", round(later).put("form", "VOTE")), "BAD_REQUEST");
    Await.failure(cmd(staff, "openRound", round(later).put("question", "问".repeat(201))), "BAD_REQUEST");
    assertEquals(0, Await.result(cmd(staff, "listRounds", new JsonObject().put("meetingId", DemoData.MEETING_ID)))
        .getJsonArray("rounds").size(), "no refused round was opened");

    // the meeting's host (a grid worker) runs it; a viewer reads the views but never the members' links
    BridgeClient gridHost = server.bridge(server.login("grid"));
    String roundId = Await.result(cmd(gridHost, "openRound", round(later))).getJsonObject("round").getString("id");
    JsonObject seen = Await.result(cmd(viewer, "roundDetail", new JsonObject().put("roundId", roundId)));
    assertTrue(seen.getJsonArray("invitees").stream().noneMatch(i -> ((JsonObject) i).containsKey("link")));
  }

  @Test
  @DisplayName("on a 390 × 844 phone the link shows the question and three big choices, and says the view was received")
  void phonePage() throws Exception {
    String link = linkOf(open(System.currentTimeMillis() + 60_000).getJsonArray("invitees"), WANG_MEMBER);
    try (Browsers browsers = new Browsers()) {
      Page phone = browsers.open(link, 390, 844);
      assertThat(byTestId(phone, "round-name")).containsText("王阿姨");
      assertThat(byTestId(phone, "round-question")).containsText("费用分摊");
      byTestId(phone, "round-send").click();
      assertThat(phone.getByTestId("error")).containsText("请先选择");
      byTestId(phone, "round-AGAINST").click();
      byTestId(phone, "round-comment").fill("一楼住户不该分摊");
      byTestId(phone, "round-send").click();
      assertThat(byTestId(phone, "round-thanks")).containsText("反对");
      phone.reload();
      assertThat(byTestId(phone, "round-mine")).containsText("反对");
      assertTrue(browsers.pageErrors.isEmpty(), "page errors: " + browsers.pageErrors);
    }
  }

  JsonObject open(long closesAt) {
    return Await.result(cmd(staff, "openRound", round(closesAt)));
  }

  static JsonObject round(long closesAt) {
    return new JsonObject().put("meetingId", DemoData.MEETING_ID).put("matterId", FIRST_MATTER)
        .put("question", "加装电梯的费用分摊方案，您是否同意？").put("form", "ONLINE").put("closesAt", closesAt);
  }

  static Future<JsonObject> cmd(BridgeClient client, String action, JsonObject params) {
    return client.request(ROUNDS, params.copy().put("action", action));
  }

  static String linkOf(JsonArray invitees, String memberId) {
    return find(invitees, memberId).getString("link");
  }

  static JsonObject find(JsonArray invitees, String memberId) {
    return invitees.stream().map(o -> (JsonObject) o).filter(i -> i.getString("memberId").equals(memberId)).findFirst()
        .orElseThrow();
  }
}
