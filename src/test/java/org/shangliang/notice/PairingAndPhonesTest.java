package org.shangliang.notice;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new display paired by its code, and a phone joining the meeting, over real HTTP and the bridge. */
class PairingAndPhonesTest {
  static final String WANG = "00000000000000000000d008";

  TestServer server;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = connect(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  BridgeClient connect(String token) {
    return server.bridge(token);
  }

  static JsonObject body(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  JsonObject room(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  @Test
  @DisplayName("a display shows a code, staff enter it with a name and grid, and the display collects its token once")
  void pairingByCode() throws Exception {
    JsonObject pairing = body(Http.post(server.baseUrl() + "/api/pairings", "{}", null), 201);
    String code = pairing.getString("code");
    assertTrue(code.matches("[0-9]{6}"));
    String poll = server.baseUrl() + "/api/pairings/" + pairing.getString("secret");
    assertEquals("WAITING", body(Http.get(poll), 200).getString("state"));
    assertEquals("PAIRING_UNKNOWN", body(Http.get(server.baseUrl() + "/api/pairings/" + code + ".guessed"), 404)
        .getString("code"), "the code alone does not collect a token");
    String wrong = code.equals("000000") ? "000001" : "000000";
    Await.failure(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "pairDisplay").put("code", wrong)
        .put("name", "3号公示栏").put("gridId", DemoData.GRID_IDS[0])), "PAIRING_UNKNOWN");
    JsonObject display = Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "pairDisplay")
        .put("code", code).put("name", "3号公示栏").put("gridId", DemoData.GRID_IDS[0]))).getJsonObject("display");
    assertEquals("第一网格", display.getString("gridName"));
    JsonObject paired = body(Http.get(poll), 200);
    assertEquals("PAIRED", paired.getString("state"));
    assertEquals("PAIRING_UNKNOWN", body(Http.get(poll), 404).getString("code"), "the token is handed out once");
    BridgeClient board = connect(paired.getString("token"));
    JsonObject playlist = Await.result(board.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")));
    assertEquals(display.getString("id"), playlist.getJsonObject("display").getString("id"));
    assertEquals(2, playlist.getJsonArray("notices").size(), "both demo notices target the first grid");

    Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "updateDisplay")
        .put("id", display.getString("id")).put("name", "3号公示栏（东门）").put("gridId", DemoData.GRID_IDS[1])));
    JsonObject pairedEntry = audited("pairDisplay");
    assertEquals("staff", pairedEntry.getJsonObject("actor").getString("id"));
    assertEquals("STAFF", pairedEntry.getJsonObject("actor").getString("role"));
    assertEquals(new JsonObject().put("displayId", display.getString("id")).put("name", "3号公示栏").put("gridId", DemoData.GRID_IDS[0]),
        pairedEntry.getJsonObject("params"), "the audit log names the board, never its code or token");
    assertEquals(new JsonObject().put("displayId", display.getString("id")).put("name", "3号公示栏（东门）")
        .put("gridId", DemoData.GRID_IDS[1]), audited("updateDisplay").getJsonObject("params"));
    assertEquals(1, Await.result(server.app.db().mongo().count("audit", new JsonObject().put("area", "notice")
        .put("action", "pairDisplay"))), "the refused code changed nothing and was not audited");
  }

  JsonObject audited(String action) {
    JsonObject entry = Await.result(server.app.db().mongo().findOne("audit", new JsonObject().put("area", "notice")
        .put("action", action), null));
    assertTrue(entry != null, action + " is in the audit log");
    return entry;
  }

  @Test
  @DisplayName("one address may ask for 10 pairing codes in 10 minutes")
  void pairingIsRateLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      body(Http.post(server.baseUrl() + "/api/pairings", "{}", null), 201);
    }
    assertEquals("RATE_LIMITED", body(Http.post(server.baseUrl() + "/api/pairings", "{}", null), 429).getString("code"));
  }

  @Test
  @DisplayName("a phone that scanned the room's code acts for its attendee once a host confirms, under the one-ballot rule")
  void phoneJoinsAndVotesOnce() throws Exception {
    BridgeClient host = connect(server.login("cadre"));
    BridgeClient kiosk = connect(server.token("Kiosk 1"));
    room(host, "openMeeting", new JsonObject());
    room(kiosk, "checkIn", new JsonObject().put("attendeeId", WANG));
    String joinToken = room(host, "snapshot", new JsonObject()).getString("joinToken");
    JsonObject offer = body(Http.get(server.baseUrl() + "/api/join/" + joinToken), 200);
    assertEquals(1, offer.getJsonArray("attendees").size());
    assertEquals("王阿姨", offer.getJsonArray("attendees").getJsonObject(0).getString("name"));
    assertEquals("NOT_CHECKED_IN", body(Http.post(server.baseUrl() + "/api/join", new JsonObject().put("token", joinToken)
        .put("attendeeId", "00000000000000000000d009").encode(), null), 409).getString("code"));
    String secret = body(Http.post(server.baseUrl() + "/api/join", new JsonObject().put("token", joinToken)
        .put("attendeeId", WANG).encode(), null), 201).getString("secret");
    String status = server.baseUrl() + "/api/join/status/" + secret;
    assertEquals("PENDING", body(Http.get(status), 200).getString("state"));
    JsonObject waiting = room(host, "snapshot", new JsonObject()).getJsonArray("phoneJoins").getJsonObject(0);
    assertEquals("王阿姨", waiting.getString("attendeeName"));
    Await.failure(kiosk.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "confirmPhone")
        .put("joinId", waiting.getString("id"))), "FORBIDDEN");
    // a host account that is not one of this meeting's hosts decides nothing here
    Await.result(server.app.accounts().save("other.cadre", "别的社区干部", Identity.Role.CADRE, "other-password",
        java.util.List.of()));
    BridgeClient otherHost = connect(Http.login(server.baseUrl(), "other.cadre", "other-password"));
    Await.failure(otherHost.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "confirmPhone")
        .put("roomId", DemoData.ROOM_ID).put("joinId", waiting.getString("id"))), "FORBIDDEN");
    room(host, "confirmPhone", new JsonObject().put("joinId", waiting.getString("id")));
    JsonObject confirmed = body(Http.get(status), 200);
    assertEquals("CONFIRMED", confirmed.getString("state"));
    assertEquals("COLLECTED", body(Http.get(status), 200).getString("state"), "the phone's token is handed out once");
    String phoneToken = confirmed.getString("kioskUrl").replaceAll(".*token=", "");

    BridgeClient phone = connect(phoneToken);
    room(host, "gotoMatter", new JsonObject().put("index", 0));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "同意").put("secret", true)
        .put("walkInsVote", false).put("liveTally", false).put("base", "FOR_AGAINST")).getString("voteId");
    JsonObject ballot = new JsonObject().put("action", "castBallot").put("attendeeId", WANG).put("voteId", voteId).put("choice", "FOR");
    Await.failure(kiosk.request(RoomAddresses.COMMANDS, ballot), "FORBIDDEN");
    assertTrue(Await.result(phone.request(RoomAddresses.COMMANDS, ballot)).getBoolean("counted"));
    Await.failure(phone.request(RoomAddresses.COMMANDS, ballot), "ALREADY_VOTED");
    assertEquals(0, room(host, "snapshot", new JsonObject()).getJsonArray("phoneJoins").size());
  }
}
