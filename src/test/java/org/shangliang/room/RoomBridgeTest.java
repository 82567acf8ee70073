package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.store.Database;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.StoredBallots;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room commands over a real WebSocket to the bridge, against the real driver and the embedded store. */
class RoomBridgeTest {
  static final String ROOM = DemoData.ROOM_ID;
  static final String OTHER_ROOM = "00000000000000000000a999";
  static final String WANG = "00000000000000000000d008";
  static final String SUN = "00000000000000000000d009";

  TestServer server;
  BridgeClient host;
  BridgeClient kiosk1;
  BridgeClient kiosk2;
  BridgeClient display;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = connect(server.login("cadre"));
    kiosk1 = connect(server.token("Kiosk 1"));
    kiosk2 = connect(server.token("Kiosk 2"));
    display = connect(server.token("Room display"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  BridgeClient connect(String token) {
    return Await.result(BridgeClient.connect(server.vertx, server.port(), token));
  }

  static Future<JsonObject> command(BridgeClient client, String action, JsonObject params) {
    return client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", ROOM));
  }

  static Future<JsonObject> command(BridgeClient client, String action) {
    return command(client, action, new JsonObject());
  }

  JsonObject snapshot() {
    return Await.result(command(host, "snapshot"));
  }

  void openMeetingWithTwoHands() {
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(kiosk2, "checkIn", new JsonObject().put("attendeeId", SUN)));
    Await.result(command(kiosk1, "raiseHand", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(kiosk2, "raiseHand", new JsonObject().put("attendeeId", SUN)));
  }

  String openVote(boolean secret) {
    JsonObject spec = new JsonObject().put("motion", "同意加装电梯费用分摊方案").put("secret", secret)
        .put("walkInsVote", false).put("liveTally", !secret).put("base", "FOR_AGAINST");
    return Await.result(command(host, "openVote", spec)).getString("voteId");
  }

  @Test
  @DisplayName("hello answers the identity that the frame's token stands for")
  void helloAnswersIdentity() {
    JsonObject kiosk = Await.result(command(kiosk1, "hello")).getJsonObject("identity");
    assertEquals("device", kiosk.getString("type"));
    assertEquals("kiosk", kiosk.getString("deviceKind"));
    assertEquals(ROOM, kiosk.getString("roomId"));
    assertEquals("cadre", Await.result(command(host, "hello")).getJsonObject("identity").getString("role"));
    BridgeClient anonymous = connect(null);
    assertEquals("anonymous", Await.result(command(anonymous, "hello")).getJsonObject("identity").getString("type"));
  }

  @Test
  @DisplayName("a kiosk cannot open the meeting, give the floor or open a vote")
  void kioskCannotRunTheMeeting() {
    Await.failure(command(kiosk1, "openMeeting"), "FORBIDDEN");
    Await.result(command(host, "openMeeting"));
    Await.failure(command(kiosk1, "giveFloor"), "FORBIDDEN");
    Await.failure(command(kiosk1, "openVote", new JsonObject().put("motion", "x").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST")), "FORBIDDEN");
    assertNull(snapshot().getJsonObject("meeting").getJsonObject("vote"));
  }

  @Test
  @DisplayName("a display may read the room but not act in it")
  void displayOnlyReceives() {
    assertEquals(ROOM, Await.result(command(display, "snapshot")).getJsonObject("room").getString("id"));
    Await.failure(command(display, "checkIn", new JsonObject().put("attendeeId", WANG)), "FORBIDDEN");
    Await.failure(command(display, "openMeeting"), "FORBIDDEN");
  }

  @Test
  @DisplayName("without a token, or with a forged identity header, nothing but hello is allowed")
  void noTokenNoAccess() {
    BridgeClient anonymous = connect(null);
    Await.failure(command(anonymous, "snapshot"), "UNAUTHENTICATED");
    BridgeClient forger = connect("not-a-real-token");
    Await.failure(command(forger, "openMeeting"), "UNAUTHENTICATED");
    // A page writing the server's own identity header gets it replaced by the hook.
    BridgeClient raw = connect(null);
    JsonObject hostIdentity = new JsonObject().put("type", "ACCOUNT").put("role", "HOST").put("id", "cadre");
    JsonObject frame = new JsonObject().put("type", "send").put("address", RoomAddresses.COMMANDS)
        .put("replyAddress", "forged-1").put("headers", new JsonObject().put("actor", hostIdentity.encode()))
        .put("body", new JsonObject().put("action", "openMeeting").put("roomId", ROOM));
    raw.sendRaw(frame.encode());
    assertEquals("SCHEDULED", snapshot().getJsonObject("meeting").getString("status"));
  }

  @Test
  @DisplayName("malformed, unknown and oversized commands get named errors and change nothing")
  void badInputIsRefused() {
    Await.failure(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", "not-an-id")), "BAD_REQUEST");
    Await.failure(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", WANG).put("extra", 1)), "BAD_REQUEST");
    Await.failure(command(kiosk1, "checkIn"), "BAD_REQUEST");
    Await.failure(command(kiosk1, "selfDestruct"), "UNKNOWN_ACTION");
    Await.failure(kiosk1.request(RoomAddresses.COMMANDS, new JsonObject().put("action", 42)), "UNKNOWN_ACTION");
    Await.failure(command(host, "extendSpeech", new JsonObject().put("seconds", 3600)), "BAD_REQUEST");
    Await.failure(command(kiosk1, "registerWalkIn", new JsonObject().put("name", "长".repeat(3000))
        .put("kind", "RESIDENT")), "TOO_LARGE");
    Await.failure(command(kiosk1, "registerWalkIn", new JsonObject().put("name", "   ").put("kind", "RESIDENT")),
        "BAD_REQUEST");
    JsonObject after = snapshot();
    assertEquals(0, after.getJsonObject("presence").getInteger("checkedIn"));
    assertEquals(DemoData.ATTENDEE_COUNT, after.getJsonArray("attendees").size());
  }

  @Test
  @DisplayName("a page may register only for the state of its own room, never for other addresses")
  void registrationIsChecked() throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    kiosk1.register(RoomAddresses.state(OTHER_ROOM), received::add);
    kiosk1.register("room.cmd", received::add);
    kiosk1.register("room.", received::add);
    Await.until("three refusals", 5000, () -> kiosk1.errors.size() >= 3);
    kiosk1.errors.forEach(e -> assertTrue(List.of("access_denied", "rejected").contains(e.getString("body")), e.encode()));
    kiosk1.send(new JsonObject().put("type", "publish").put("address", RoomAddresses.COMMANDS)
        .put("body", new JsonObject().put("action", "openMeeting")));
    Await.until("the publish refused", 5000, () -> kiosk1.errors.size() >= 4);
    assertEquals("SCHEDULED", snapshot().getJsonObject("meeting").getString("status"));
    assertTrue(received.isEmpty());
  }

  @Test
  @DisplayName("the room's pages receive a snapshot after each change")
  void changesArePublished() throws Exception {
    List<JsonObject> seen = new CopyOnWriteArrayList<>();
    display.register(RoomAddresses.state(ROOM), seen::add);
    Await.result(command(display, "snapshot"));
    Await.result(command(host, "openMeeting"));
    Await.until("an OPEN snapshot", 5000, () -> seen.stream().anyMatch(s -> s.getJsonObject("meeting") != null
        && "OPEN".equals(s.getJsonObject("meeting").getString("status"))));
  }

  @Test
  @DisplayName("running tallies go to the room's tally address, which only pages of that room may hear")
  void talliesHaveTheirOwnAddress() throws Exception {
    List<JsonObject> tallies = new CopyOnWriteArrayList<>();
    List<JsonObject> states = new CopyOnWriteArrayList<>();
    display.register(RoomAddresses.tally(ROOM), tallies::add);
    display.register(RoomAddresses.state(ROOM), states::add);
    kiosk1.register(RoomAddresses.tally(OTHER_ROOM), tallies::add);
    Await.result(command(display, "snapshot"));
    openMeetingWithTwoHands();
    String voteId = openVote(false);
    Await.result(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId).put("choice", "FOR")));
    Await.until("the display hears the tally", 3000, () -> tallies.stream().anyMatch(t -> t.getInteger("cast", 0) == 1));
    assertTrue(tallies.stream().allMatch(t -> "tally".equals(t.getString("kind")) && voteId.equals(t.getString("voteId"))));
    assertTrue(states.stream().noneMatch(s -> "tally".equals(s.getString("kind"))), "the state address carries no tallies");
    Await.until("the other room's tally address is refused", 3000, () -> !kiosk1.errors.isEmpty());
  }

  @Test
  @DisplayName("the node counts the pages listening to a room's tallies as they register, unregister and go, and spaces tallies by them")
  void tallyAudienceFollowsThePages() throws Exception {
    TallyAudience audience = server.app.web().tallyAudience();
    assertEquals(0, audience.of(ROOM));
    display.register(RoomAddresses.tally(ROOM), t -> { });
    display.register(RoomAddresses.tally(ROOM), t -> { }); // twice from one page counts once
    BridgeClient second = connect(server.token("Room display"));
    second.register(RoomAddresses.tally(ROOM), t -> { });
    kiosk1.register(RoomAddresses.tally(OTHER_ROOM), t -> { }); // refused: not its room
    Await.until("two pages listen", 3000, () -> audience.of(ROOM) == 2);
    display.send(new JsonObject().put("type", "unregister").put("address", RoomAddresses.tally(ROOM)));
    Await.until("one page listens", 3000, () -> audience.of(ROOM) == 1);
    second.close();
    Await.until("no page listens", 3000, () -> audience.of(ROOM) == 0);
    assertEquals(0, audience.of(OTHER_ROOM));
    assertEquals(RoomPublisher.MIN_TALLY_INTERVAL_MS, RoomPublisher.tallyIntervalMs(200));
    assertEquals(RoomPublisher.MAX_TALLY_INTERVAL_MS, RoomPublisher.tallyIntervalMs(500));
    assertEquals(RoomPublisher.MAX_TALLY_INTERVAL_MS, RoomPublisher.tallyIntervalMs(5_000));
    assertEquals(15, RoomPublisher.tallyIntervalMs(300));
  }

  @Test
  @DisplayName("a kiosk acts only for attendees checked in on it; a personal kiosk for one at a time")
  void kioskActsForItsOwnAttendees() {
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", WANG)));
    Await.failure(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", SUN)), "KIOSK_OCCUPIED");
    Await.failure(command(kiosk2, "checkIn", new JsonObject().put("attendeeId", WANG)), "ALREADY_CHECKED_IN");
    Await.failure(command(kiosk2, "raiseHand", new JsonObject().put("attendeeId", WANG)), "FORBIDDEN");
    Await.failure(command(kiosk2, "raiseHand", new JsonObject().put("attendeeId", SUN)), "NOT_CHECKED_IN");
    Await.result(command(kiosk1, "checkOut", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(kiosk1, "checkIn", new JsonObject().put("attendeeId", SUN)));
    assertEquals(1, snapshot().getJsonObject("presence").getInteger("checkedIn"));
  }

  @Test
  @DisplayName("the floor goes to raised hands in order, and out-of-turn commands are refused")
  void floorFollowsTheQueue() {
    openMeetingWithTwoHands();
    Await.failure(command(kiosk1, "raiseHand", new JsonObject().put("attendeeId", WANG)), "ALREADY_RAISED");
    assertEquals(1, Await.result(command(host, "giveFloor")).size() > 0 ? 1 : 0);
    JsonObject floor = snapshot().getJsonObject("meeting").getJsonObject("floor");
    assertEquals(WANG, floor.getString("attendeeId"));
    assertTrue(floor.getLong("remainingMs") > 170_000);
    Await.failure(command(host, "giveFloor"), "FLOOR_TAKEN");
    Await.failure(command(host, "gotoMatter", new JsonObject().put("index", 1)), "MATTER_BUSY");
    Await.failure(command(host, "resumeSpeech"), "SPEECH_RUNNING");
    Await.result(command(host, "pauseSpeech"));
    Await.result(command(host, "extendSpeech", new JsonObject().put("seconds", 60)));
    assertEquals(240_000, snapshot().getJsonObject("meeting").getJsonObject("floor").getLong("allowedMs"));
    Await.result(command(host, "endSpeech"));
    Await.failure(command(host, "endSpeech"), "NO_SPEECH");
    JsonArray queue = snapshot().getJsonObject("meeting").getJsonArray("queue");
    assertEquals(1, queue.size());
    assertEquals(SUN, queue.getJsonObject(0).getString("attendeeId"));
  }

  @Test
  @DisplayName("a speech ends by itself when its time is up, with no page open")
  void speechEndsByItself() throws Exception {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0.speechSeconds", 1))));
    openMeetingWithTwoHands();
    Await.result(command(host, "giveFloor"));
    assertEquals(WANG, snapshot().getJsonObject("meeting").getJsonObject("floor").getString("attendeeId"));
    kiosk1.close();
    kiosk2.close();
    display.close();
    Await.until("the floor is free again", 4000, () -> snapshot().getJsonObject("meeting").getValue("floor") == null);
  }

  @Test
  @DisplayName("once an attendee has moved to another kiosk, the first kiosk can no longer vote for them")
  void ballotsFollowTheCheckIn() {
    openMeetingWithTwoHands();
    String first = openVote(false);
    Await.result(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", first)
        .put("choice", "FOR")));
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    Await.result(command(kiosk1, "checkOut", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(kiosk2, "checkOut", new JsonObject().put("attendeeId", SUN)));
    Await.result(command(kiosk2, "checkIn", new JsonObject().put("attendeeId", WANG)));
    String second = openVote(false);
    Await.failure(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", second)
        .put("choice", "AGAINST")), "FORBIDDEN");
    Await.result(command(kiosk2, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", second)
        .put("choice", "AGAINST")));
  }

  @Test
  @DisplayName("50 identical ballots sent at once store exactly one")
  void identicalBallotsCountOnce() {
    openMeetingWithTwoHands();
    String voteId = openVote(false);
    JsonObject ballot = new JsonObject().put("attendeeId", WANG).put("voteId", voteId).put("choice", "FOR");
    List<Future<JsonObject>> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sent.add(command(kiosk1, "castBallot", ballot));
    }
    Await.result(Future.join(sent).otherwiseEmpty());
    long counted = sent.stream().filter(Future::succeeded).count();
    long refused = sent.stream().filter(f -> f.failed()
        && "ALREADY_VOTED".equals(((BridgeClient.BridgeFailure) f.cause()).code)).count();
    assertEquals(1, counted);
    assertEquals(49, refused);
    StoredBallots stored = StoredBallots.of(server.app.db().mongo(), voteId);
    assertEquals(1, stored.cast());
    assertEquals(1, stored.counts().getInteger("FOR"));
    assertEquals(new JsonArray().add(WANG), stored.voters());
    assertTrue(stored.anyChoiceStored(), "a named ballot records its choice");
  }

  @Test
  @DisplayName("a vote is decided by the server, stored as the matter's resolution, and refuses late ballots")
  void voteLifecycle() {
    openMeetingWithTwoHands();
    String voteId = openVote(true);
    Await.failure(command(host, "openVote", new JsonObject().put("motion", "again").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST")), "VOTE_OPEN");
    Await.result(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId)
        .put("choice", "FOR")));
    Await.failure(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId)
        .put("choice", "AGAINST")), "ALREADY_VOTED");
    Await.result(command(kiosk2, "castBallot", new JsonObject().put("attendeeId", SUN).put("voteId", voteId)
        .put("choice", "AGAINST")));
    JsonObject outcome = Await.result(command(host, "closeVote")).getJsonObject("outcome");
    assertFalse(outcome.getBoolean("passed"));
    assertEquals("TIE", outcome.getString("reason"));
    Await.failure(command(kiosk1, "castBallot", new JsonObject().put("attendeeId", WANG).put("voteId", voteId)
        .put("choice", "FOR")), "NO_VOTE_OPEN");
    Await.result(command(host, "announceResult"));
    JsonObject matter = snapshot().getJsonObject("meeting").getJsonArray("agenda").getJsonObject(0);
    assertEquals("TIE", matter.getJsonObject("resolution").getJsonObject("outcome").getString("reason"));
    StoredBallots stored = StoredBallots.of(server.app.db().mongo(), voteId);
    assertEquals(2, stored.cast());
    assertFalse(stored.anyChoiceStored(), "a secret ballot keeps no link from voter to choice");
    assertEquals(1, Await.result(server.app.db().mongo().count(RoomStore.AUDIT,
        new JsonObject().put("action", "closeVote"))));
  }

  /** What the room's addresses carry on the node itself, where a stopping node's bridge no longer listens. */
  List<JsonObject> heardOnTheNode(String address) {
    List<JsonObject> heard = new CopyOnWriteArrayList<>();
    Await.result(server.vertx.eventBus().<String>consumer(address, m -> heard.add(new JsonObject(m.body()))).completion());
    return heard;
  }

  @Test
  @DisplayName("a node that stops right after a change publishes the room's snapshot, 300 walk-ins' names and all,"
      + " before it closes its store")
  void stopPublishesTheWaitingSnapshot() {
    int walkIns = 300;
    List<JsonObject> states = heardOnTheNode(RoomAddresses.state(ROOM));
    BridgeClient sharedKiosk = connect(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    String lastName = null;
    for (int i = 0; i < walkIns; i++) {
      lastName = String.format("%03d", i) + "号居民".repeat(5) + "长";
      Await.result(command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", lastName).put("kind", "RESIDENT")));
    }
    Await.result(server.app.stop());
    String last = lastName;
    assertTrue(states.stream().anyMatch(s -> s.getJsonArray("attendees", new JsonArray()).stream()
            .anyMatch(a -> last.equals(((JsonObject) a).getString("name")))),
        "the snapshot with the last walk-in went out before the node stopped");
  }

  @Test
  @DisplayName("flushing the publisher sends a vote's waiting tally at once, before anything published after it")
  void flushSendsTheWaitingTallyAtOnce() throws Exception {
    TallyAudience audience = new TallyAudience();
    for (int page = 0; page < 500; page++) {
      audience.joined(OTHER_ROOM); // tallies then go 25 ms apart: the second one waits
    }
    Database db = server.app.db();
    Snapshots snapshots = new Snapshots(new RoomStore(server.vertx, db), new BallotBoxes(db), db.mongo(), server.app.tokens());
    RoomPublisher publisher = new RoomPublisher(server.vertx, snapshots, audience);
    List<JsonObject> heard = heardOnTheNode(RoomAddresses.tally(OTHER_ROOM));
    BallotBoxes.Rules vote = new BallotBoxes.Rules("flushed-vote", OTHER_ROOM, "flushed-meeting", false, false, true);
    Promise<Void> flushed = Promise.promise();
    server.vertx.getOrCreateContext().runOnContext(v -> {
      publisher.ballotCounted(vote, new Tally(1, 0, 0));
      publisher.ballotCounted(vote, new Tally(1, 1, 0));
      publisher.flush().onComplete(flushed);
      server.vertx.eventBus().publish(RoomAddresses.tally(OTHER_ROOM), new JsonObject().put("marker", true).encode());
    });
    Await.result(flushed.future());
    Await.until("the marker", 3000, () -> heard.stream().anyMatch(m -> m.containsKey("marker")));
    assertEquals(List.of(1, 2), heard.stream().takeWhile(m -> !m.containsKey("marker"))
        .map(m -> m.getInteger("cast")).toList(), "both tallies before the marker: " + heard);
  }
}
