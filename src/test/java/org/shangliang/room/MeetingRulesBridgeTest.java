package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.util.List;

import static org.shangliang.support.DemoRoom.command;
import static org.shangliang.support.DemoRoom.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting's own rules held by the server, over the bridge: its quorum (法定人数 5 of the demo's
 * 10 invited), votes that could never be valid, the end of the meeting, and speeches the clock ends.
 */
class MeetingRulesBridgeTest {
  static final String ROOM = DemoData.ROOM_ID;

  TestServer server;
  BridgeClient host;
  BridgeClient sharedKiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.startWithDemoQuorum();
    host = server.bridge(server.login("cadre"));
    sharedKiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("with 4 of 5 required present, opening a vote is refused with QUORUM_NOT_MET and no vote opens")
  void voteRefusedBelowQuorum() {
    checkIn(1, 2, 3, 4);
    JsonObject presence = snapshot().getJsonObject("presence");
    assertFalse(presence.getBoolean("quorumMet"));
    assertEquals(5, presence.getInteger("quorum"));

    BridgeClient.BridgeFailure refused = Await.failure(command(host, "openVote", vote()), "QUORUM_NOT_MET");
    assertTrue(refused.getMessage().contains("4"), refused.getMessage());
    assertNull(snapshot().getJsonObject("meeting").getValue("vote"));

    checkIn(5);
    assertNotNull(Await.result(command(host, "openVote", vote())).getString("voteId"));
  }

  @Test
  @DisplayName("a host may hold the vote below the quorum with a reason: recorded with the vote, audited, and kept in the announced result")
  void overrideIsRecorded() {
    checkIn(1, 2, 3, 4);
    String reason = "暴雨天气，一位代表请假，到会代表一致同意照常表决";
    String voteId = Await.result(command(host, "openVote", vote().put("quorumOverride", reason))).getString("voteId");
    JsonObject open = snapshot().getJsonObject("meeting").getJsonObject("vote");
    assertEquals(reason, open.getJsonObject("quorumOverride").getString("reason"));
    assertEquals("王主任（社区）", open.getJsonObject("quorumOverride").getString("by"));

    for (int n = 1; n <= 4; n++) {
      Await.result(command(sharedKiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n))
          .put("voteId", voteId).put("choice", "FOR")));
    }
    JsonObject outcome = Await.result(command(host, "closeVote")).getJsonObject("outcome");
    assertTrue(outcome.getBoolean("passed"));
    assertTrue(outcome.getBoolean("belowQuorum"));
    assertEquals(reason, outcome.getJsonObject("quorumOverride").getString("reason"));
    Await.result(command(host, "announceResult"));

    JsonObject resolution = snapshot().getJsonObject("meeting").getJsonArray("agenda").getJsonObject(0)
        .getJsonObject("resolution").getJsonObject("outcome");
    assertTrue(resolution.getBoolean("belowQuorum"));
    assertEquals(4, resolution.getJsonObject("quorumOverride").getInteger("present"));
    assertEquals(5, resolution.getJsonObject("quorumOverride").getInteger("required"));
    JsonObject audited = audit("openVote").get(0);
    assertEquals(reason, audited.getJsonObject("params").getString("quorumOverride"));
    assertEquals("cadre", audited.getJsonObject("actor").getString("id"));
  }

  @Test
  @DisplayName("the quorum is checked again when the vote closes: after people leave, closing needs a reason and the vote stays open")
  void checkedAgainAtClose() {
    checkIn(1, 2, 3, 4, 5);
    String voteId = Await.result(command(host, "openVote", vote())).getString("voteId");
    Await.result(command(sharedKiosk, "castBallot", new JsonObject().put("attendeeId", attendee(1))
        .put("voteId", voteId).put("choice", "FOR")));
    Await.result(command(sharedKiosk, "checkOut", new JsonObject().put("attendeeId", attendee(5))));

    Await.failure(command(host, "closeVote"), "QUORUM_NOT_MET");
    assertEquals("OPEN", snapshot().getJsonObject("meeting").getJsonObject("vote").getString("status"));
    Await.result(command(sharedKiosk, "castBallot", new JsonObject().put("attendeeId", attendee(2))
        .put("voteId", voteId).put("choice", "FOR")));

    JsonObject outcome = Await.result(command(host, "closeVote",
        new JsonObject().put("quorumOverride", "一位代表因病离场，其余代表同意结束表决"))).getJsonObject("outcome");
    assertEquals(2, outcome.getInteger("cast"));
    assertTrue(outcome.getBoolean("belowQuorum"));
  }

  @Test
  @DisplayName("a minimum of 6 ballots with 5 entitled present is refused with MINIMUM_BALLOTS_UNREACHABLE")
  void unreachableMinimumRefused() {
    checkIn(1, 2, 3, 4, 5);
    Await.failure(command(host, "openVote", vote().put("minimumBallots", 6)), "MINIMUM_BALLOTS_UNREACHABLE");
    assertNull(snapshot().getJsonObject("meeting").getValue("vote"));
    Await.result(command(host, "openVote", vote().put("minimumBallots", 5)));
  }

  @Test
  @DisplayName("the quorum is set before the meeting, never once it has begun")
  void quorumFixedOnceOpen() {
    Await.failure(command(host, "setQuorum", new JsonObject().put("count", 1)), "MEETING_ALREADY_OPEN");
    Await.failure(command(host, "setQuorum", new JsonObject().put("count", 1).put("fraction", 0.5)), "BAD_REQUEST");
    Await.failure(command(sharedKiosk, "setQuorum", new JsonObject().put("count", 1)), "FORBIDDEN");
    assertEquals(5, snapshot().getJsonObject("presence").getInteger("quorum"));
  }

  @Test
  @DisplayName("the meeting cannot end while someone speaks or a vote runs; once ended, every action answers MEETING_CLOSED")
  void endingTheMeeting() {
    checkIn(1, 2, 3, 4, 5);
    raiseHand(1);
    raiseHand(2);
    Await.result(command(host, "giveFloor"));
    Await.failure(command(host, "closeMeeting"), "MATTER_BUSY");
    Await.result(command(host, "endSpeech"));
    Await.result(command(host, "openVote", vote()));
    Await.failure(command(host, "closeMeeting"), "MATTER_BUSY");
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    assertEquals("OPEN", snapshot().getJsonObject("meeting").getString("status"));

    assertEquals(1, Await.result(command(host, "closeMeeting")).getInteger("droppedHands"));
    assertEquals(1, audit("closeMeeting").get(0).getJsonObject("result").getInteger("droppedHands"));

    Await.failure(command(host, "giveFloor"), "MEETING_CLOSED");
    Await.failure(command(host, "gotoMatter", new JsonObject().put("index", 1)), "MEETING_CLOSED");
    Await.failure(command(host, "openVote", vote()), "MEETING_CLOSED");
    Await.failure(command(host, "closeMeeting"), "MEETING_CLOSED");
    Await.failure(command(sharedKiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(3))), "MEETING_CLOSED");
    Await.failure(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(9))), "MEETING_CLOSED");
    Await.failure(command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", "赵大妈").put("kind", "RESIDENT")),
        "MEETING_CLOSED");
  }

  @Test
  @DisplayName("a speech the clock ends is written to the audit log with its allowed and used time")
  void clockEndedSpeechIsAudited() throws Exception {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0.speechSeconds", 1))));
    checkIn(1);
    raiseHand(1);
    String speechId = Await.result(command(host, "giveFloor")).getString("speechId");
    Await.until("the floor is free again", 5000, () -> snapshot().getJsonObject("meeting").getValue("floor") == null);

    Await.until("the end is audited", 3000, () -> !audit("speechExpired").isEmpty());
    List<JsonObject> entries = audit("speechExpired");
    assertEquals(1, entries.size());
    JsonObject speech = entries.get(0).getJsonObject("result");
    assertEquals(speechId, speech.getString("speechId"));
    assertEquals(attendee(1), speech.getString("attendeeId"));
    assertEquals(1000, speech.getLong("allowedMs"));
    assertEquals(1000, speech.getLong("usedMs"));
    assertEquals("CLOCK", entries.get(0).getJsonObject("actor").getString("role"));
    JsonObject ended = Await.result(server.app.db().mongo().findOne(RoomStore.AUDIT,
        new JsonObject().put("action", "giveFloor"), null));
    assertEquals(speechId, ended.getJsonObject("result").getString("speechId"));
  }

  @Test
  @DisplayName("a speech a host ends early is audited with the time it used")
  void hostEndedSpeechIsAudited() throws Exception {
    checkIn(1);
    raiseHand(1);
    Await.result(command(host, "giveFloor"));
    Thread.sleep(300);
    Await.result(command(host, "endSpeech"));

    JsonObject speech = audit("endSpeech").get(0).getJsonObject("result");
    assertEquals(180_000, speech.getLong("allowedMs"));
    assertTrue(speech.getLong("usedMs") >= 300 && speech.getLong("usedMs") < 10_000, speech.encode());
  }

  // ---- helpers ----

  JsonObject snapshot() {
    return Await.result(command(host, "snapshot"));
  }

  void checkIn(int... attendees) {
    for (int n : attendees) {
      Await.result(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
  }

  void raiseHand(int n) {
    Await.result(command(sharedKiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(n))));
  }

  List<JsonObject> audit(String action) {
    return Await.result(server.app.db().mongo().find(RoomStore.AUDIT, new JsonObject().put("action", action)));
  }

  static JsonObject vote() {
    return new JsonObject().put("motion", "同意电动车充电棚建在3号楼北侧").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST");
  }
}
