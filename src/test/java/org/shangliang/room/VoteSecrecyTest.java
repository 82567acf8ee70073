package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.shangliang.support.DemoRoom.command;
import static org.shangliang.support.DemoRoom.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A secret ballot stays secret from the room's own devices: a display and a kiosk that keep every
 * frame they receive, and ask for the room's state after every ballot, cannot tell how anyone voted.
 */
class VoteSecrecyTest {
  static final String ROOM = DemoData.ROOM_ID;
  static final String WANG = "00000000000000000000d008";
  static final int VOTERS = 30;
  static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};

  TestServer server;
  BridgeClient host;
  BridgeClient hostileDisplay;
  BridgeClient hostileKiosk;
  BridgeClient sharedKiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    hostileDisplay = server.bridge(server.token("Room display")).recordFrames();
    hostileKiosk = server.bridge(server.token("Kiosk 1")).recordFrames();
    sharedKiosk = server.bridge(server.token("Kiosk 3"));
    for (BridgeClient spy : List.of(hostileDisplay, hostileKiosk)) {
      spy.register(RoomAddresses.state(ROOM), ignored -> { });
      spy.register(RoomAddresses.tally(ROOM), ignored -> { });
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a secret vote of 30 ballots cast in a known order: the display and a kiosk recording every frame see only 已投 x / 应投 y, then totals")
  void secretBallotsCannotBeLinked() throws Exception {
    List<String> voters = checkInThirtyVoters();
    String voteId = openVote(true, false);

    List<String> cast = new ArrayList<>();
    for (int i = 0; i < VOTERS; i++) {
      String choice = CHOICES[(i * 7 + i / 3) % 3];
      BridgeClient kiosk = voters.get(i).equals(WANG) ? hostileKiosk : sharedKiosk;
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", voters.get(i))
          .put("voteId", voteId).put("choice", choice)));
      cast.add(choice);
      Await.result(command(hostileDisplay, "snapshot"));
      Await.result(command(hostileKiosk, "snapshot"));
    }
    JsonObject outcome = Await.result(command(host, "closeVote")).getJsonObject("outcome");
    JsonObject totals = totals(cast);
    assertEquals(totals, new JsonObject().put("FOR", outcome.getInteger("FOR"))
        .put("AGAINST", outcome.getInteger("AGAINST")).put("ABSTAIN", outcome.getInteger("ABSTAIN")));
    Await.result(command(hostileDisplay, "snapshot"));
    Await.result(command(hostileKiosk, "snapshot"));
    Await.result(command(host, "announceResult"));
    Await.until("the announced result reaches the display", 5000,
        () -> bodies(hostileDisplay).stream().anyMatch(VoteSecrecyTest::announced));

    for (BridgeClient spy : List.of(hostileDisplay, hostileKiosk)) {
      List<JsonObject> seen = bodies(spy);
      // one snapshot reply per ballot and one after the close, besides whatever was pushed
      assertTrue(seen.size() >= VOTERS + 1, "the spy kept a frame for every poll: " + seen.size());
      seen.forEach(body -> everyObjectIn(body, object -> {
        assertFalse(object.containsKey("choices"), "no choice is ever sent: " + object.encode());
        assertFalse(object.containsKey("ballots"), "no roll call is ever sent: " + object.encode());
      }));
      seen.stream().filter(VoteSecrecyTest::voteOpen).forEach(body -> assertCountsHidden(body));
      seen.stream().filter(VoteSecrecyTest::isTally).forEach(body -> assertNull(body.getValue("counts"), body.encode()));
      Set<JsonObject> countsSeen = new HashSet<>();
      seen.forEach(body -> everyObjectIn(body, object -> {
        if (object.getValue("counts") instanceof JsonObject counts) {
          countsSeen.add(counts);
        }
        if (object.containsKey("FOR")) { // an outcome carries its counts beside its verdict
          countsSeen.add(new JsonObject().put("FOR", object.getValue("FOR")).put("AGAINST", object.getValue("AGAINST"))
              .put("ABSTAIN", object.getValue("ABSTAIN")));
        }
      }));
      assertEquals(Set.of(totals), countsSeen, "after the close, the totals and nothing else");
    }
    assertOnlyOwnVoters(hostileKiosk, Set.of(WANG));
    assertOnlyOwnVoters(hostileDisplay, Set.of());
    JsonObject lastOpen = bodies(hostileDisplay).stream().filter(VoteSecrecyTest::voteOpen)
        .reduce((first, second) -> second).orElseThrow();
    assertEquals(VOTERS, lastOpen.getJsonObject("tally").getInteger("cast"), "已投 30");
    assertEquals(VOTERS, lastOpen.getJsonObject("tally").getInteger("entitled"), "应投 30");
  }

  @Test
  @DisplayName("a secret vote cannot have a live tally: LIVE_TALLY_NAMED_ONLY, and no vote opens")
  void secretVoteHasNoLiveTally() {
    Await.result(command(host, "openMeeting"));
    Await.failure(command(host, "openVote", voteSpec(true, true)), "LIVE_TALLY_NAMED_ONLY");
    assertNull(Await.result(command(host, "snapshot")).getJsonObject("meeting").getValue("vote"));
  }

  @Test
  @DisplayName("who chose what in a named vote goes to hosts only: kiosks and displays are refused the roll call and never sent it")
  void namedRollCallForHostsOnly() throws Exception {
    Await.result(command(host, "openMeeting"));
    Await.result(command(hostileKiosk, "checkIn", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    String voteId = openVote(false, true);
    Await.result(command(hostileKiosk, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId).put("choice", "AGAINST")));
    Await.result(command(sharedKiosk, "castBallot", new JsonObject().put("attendeeId", attendee(1)).put("voteId", voteId).put("choice", "FOR")));

    Await.failure(command(hostileKiosk, "rollCall"), "FORBIDDEN");
    Await.failure(command(hostileDisplay, "rollCall"), "FORBIDDEN");
    JsonArray ballots = Await.result(command(host, "rollCall")).getJsonArray("ballots");
    assertEquals(2, ballots.size());
    JsonObject wang = ballots.stream().map(JsonObject.class::cast).filter(b -> WANG.equals(b.getString("attendeeId")))
        .findFirst().orElseThrow();
    assertEquals("AGAINST", wang.getString("choice"));
    assertEquals("王阿姨", wang.getString("name"));

    Await.result(command(hostileDisplay, "snapshot"));
    Await.until("the display sees the live counts of the named vote", 5000, () -> bodies(hostileDisplay).stream()
        .anyMatch(b -> isTally(b) && b.getJsonObject("counts") != null && b.getInteger("cast") == 2));
    for (BridgeClient spy : List.of(hostileDisplay, hostileKiosk)) {
      bodies(spy).forEach(body -> everyObjectIn(body, object -> {
        assertFalse(object.containsKey("choices"), object.encode());
        assertFalse(object.containsKey("ballots"), object.encode());
      }));
    }
    assertOnlyOwnVoters(hostileDisplay, Set.of());
  }

  // ---- what the spies kept ----

  /** The bodies of every message and reply a spy received, parsed (pushed state arrives as JSON text). */
  static List<JsonObject> bodies(BridgeClient spy) {
    List<JsonObject> bodies = new ArrayList<>();
    for (JsonObject frame : spy.frames) {
      Object body = frame.getValue("body");
      if (body instanceof String text && text.startsWith("{")) {
        bodies.add(new JsonObject(text));
      } else if (body instanceof JsonObject json) {
        bodies.add(json);
      }
    }
    return bodies;
  }

  static void everyObjectIn(Object value, Consumer<JsonObject> visit) {
    if (value instanceof JsonObject object) {
      visit.accept(object);
      object.forEach(entry -> everyObjectIn(entry.getValue(), visit));
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> everyObjectIn(item, visit));
    }
  }

  static boolean isTally(JsonObject body) {
    return "tally".equals(body.getString("kind"));
  }

  static boolean voteOpen(JsonObject body) {
    JsonObject meeting = body.getJsonObject("meeting");
    JsonObject vote = meeting == null ? null : meeting.getJsonObject("vote");
    return vote != null && "OPEN".equals(vote.getString("status"));
  }

  static boolean announced(JsonObject body) {
    JsonObject meeting = body.getJsonObject("meeting");
    JsonObject vote = meeting == null ? null : meeting.getJsonObject("vote");
    return vote != null && vote.getBoolean("announced", false);
  }

  static void assertCountsHidden(JsonObject snapshot) {
    JsonObject tally = snapshot.getJsonObject("tally");
    if (tally != null) {
      assertNull(tally.getValue("counts"), "no counts per choice while the secret vote is open: " + tally.encode());
    }
    assertNull(snapshot.getJsonObject("meeting").getJsonObject("vote").getValue("outcome"));
  }

  /** Every list of voters a spy was sent names only attendees checked in on that spy itself. */
  static void assertOnlyOwnVoters(BridgeClient spy, Set<String> own) {
    bodies(spy).forEach(body -> everyObjectIn(body, object -> {
      if (object.getValue("voters") instanceof JsonArray voters) {
        voters.forEach(v -> assertTrue(own.contains(v), "a page was told someone else voted: " + object.encode()));
      }
    }));
  }

  // ---- the meeting ----

  /** The hostile kiosk checks in 王阿姨; the shared kiosk the other 9 invited and 20 walk-ins. */
  List<String> checkInThirtyVoters() {
    Await.result(command(host, "openMeeting"));
    List<String> voters = new ArrayList<>();
    Await.result(command(hostileKiosk, "checkIn", new JsonObject().put("attendeeId", WANG)));
    for (int n = 1; n <= DemoData.ATTENDEE_COUNT; n++) {
      if (!attendee(n).equals(WANG)) {
        Await.result(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
      }
      voters.add(attendee(n));
    }
    List<Future<JsonObject>> walkIns = new ArrayList<>();
    for (int i = 0; i < VOTERS - DemoData.ATTENDEE_COUNT; i++) {
      walkIns.add(command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", "居民" + i).put("kind", "RESIDENT")));
    }
    walkIns.forEach(w -> voters.add(Await.result(w).getString("attendeeId")));
    return voters;
  }

  String openVote(boolean secret, boolean liveTally) {
    return Await.result(command(host, "openVote", voteSpec(secret, liveTally))).getString("voteId");
  }

  static JsonObject voteSpec(boolean secret, boolean liveTally) {
    return new JsonObject().put("motion", "同意3号楼楼道堆物限期清理").put("secret", secret)
        .put("walkInsVote", true).put("liveTally", liveTally).put("base", "FOR_AGAINST");
  }

  static JsonObject totals(List<String> choices) {
    JsonObject totals = new JsonObject().put("FOR", 0).put("AGAINST", 0).put("ABSTAIN", 0);
    choices.forEach(c -> totals.put(c, totals.getInteger(c) + 1));
    if (totals.getInteger("FOR") == 0 || totals.getInteger("AGAINST") == 0) {
      fail("the known order must mix choices");
    }
    return totals;
  }
}
