package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.ServerProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server process killed with SIGKILL right after acknowledging loses nothing it acknowledged. */
class CrashRecoveryTest {
  @TempDir
  Path dataDir;
  Vertx vertx;
  ServerProcess server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    Await.result(vertx.close());
  }

  Future<JsonObject> command(BridgeClient client, String action, JsonObject params) {
    return client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID));
  }

  BridgeClient connect(String token) {
    return Await.result(BridgeClient.connect(vertx, server.port, token));
  }

  static String attendee(int n) {
    return String.format("00000000000000000000d%03d", n);
  }

  @Test
  @DisplayName("a kill -9 right after acknowledged check-ins, a speech and ballots loses none of them")
  void killNineLosesNothingAcknowledged() throws Exception {
    server = ServerProcess.start(dataDir);
    BridgeClient host = connect(Http.login(server.baseUrl(), "cadre", DemoData.PASSWORD));
    BridgeClient kiosk = connect(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting", new JsonObject()));
    List<Future<JsonObject>> checkIns = new ArrayList<>();
    for (int n = 1; n <= DemoData.ATTENDEE_COUNT; n++) {
      checkIns.add(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    Await.result(Future.all(checkIns));
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(host, "giveFloor", new JsonObject()));
    server.kill();

    server = ServerProcess.start(dataDir);
    host = connect(Http.login(server.baseUrl(), "cadre", DemoData.PASSWORD));
    kiosk = connect(server.token("Kiosk 3"));
    JsonObject afterFirstCrash = Await.result(command(host, "snapshot", new JsonObject()));
    assertEquals(DemoData.ATTENDEE_COUNT, afterFirstCrash.getJsonObject("presence").getInteger("checkedIn"));
    JsonObject floor = afterFirstCrash.getJsonObject("meeting").getJsonObject("floor");
    assertNotNull(floor, "the speech is still timed after the restart");
    assertEquals(attendee(1), floor.getString("attendeeId"));
    assertTrue(floor.getLong("remainingMs") > 0 && floor.getLong("remainingMs") < 180_000);

    Await.result(command(host, "endSpeech", new JsonObject()));
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", "同意方案")
        .put("secret", true).put("walkInsVote", false).put("liveTally", false).put("base", "CAST")))
        .getString("voteId");
    List<Future<JsonObject>> ballots = new ArrayList<>();
    for (int n = 1; n <= DemoData.ATTENDEE_COUNT; n++) {
      ballots.add(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n))
          .put("voteId", voteId).put("choice", n % 3 == 0 ? "AGAINST" : "FOR")));
    }
    Await.result(Future.all(ballots));
    server.kill();

    server = ServerProcess.start(dataDir);
    host = connect(Http.login(server.baseUrl(), "cadre", DemoData.PASSWORD));
    JsonObject afterSecondCrash = Await.result(command(host, "snapshot", new JsonObject()));
    JsonObject vote = afterSecondCrash.getJsonObject("meeting").getJsonObject("vote");
    assertEquals("OPEN", vote.getString("status"), "the vote is still open after the restart");
    JsonObject tally = afterSecondCrash.getJsonObject("tally");
    assertEquals(DemoData.ATTENDEE_COUNT, tally.getInteger("cast"));
    assertEquals(DemoData.ATTENDEE_COUNT,
        Await.result(command(host, "rollCall", new JsonObject())).getJsonArray("ballots").size());
    JsonObject outcome = Await.result(command(host, "closeVote", new JsonObject())).getJsonObject("outcome");
    assertEquals("PASSED", outcome.getString("reason"));
    assertEquals(3, outcome.getInteger("AGAINST"));
  }
}
