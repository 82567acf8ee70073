package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TwoNodes;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two clustered nodes on one shared database: a page on either node sees changes made through the
 * other, and one ballot box serves both.
 */
class ClusterTest {
  @TempDir
  Path dataDir;
  TwoNodes nodes;

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  @DisplayName("a change made through one node reaches a page connected to the other, and check-ins hold on both")
  void changesCrossNodes() throws Exception {
    nodes = TwoNodes.start(dataDir);

    BridgeClient displayOnB = nodes.onB(nodes.token("Room display"));
    List<JsonObject> seenOnB = new CopyOnWriteArrayList<>();
    displayOnB.register(RoomAddresses.state(DemoData.ROOM_ID), seenOnB::add);
    Await.result(displayOnB.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));

    BridgeClient hostOnA = nodes.onA(nodes.login("cadre"));
    Await.result(command(hostOnA, "setQuorum", new JsonObject().put("count", 1)));
    Await.result(hostOnA.request(RoomAddresses.COMMANDS,
        new JsonObject().put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)));

    Await.until("the display on node B sees the meeting opened on node A", 10_000,
        () -> seenOnB.stream().anyMatch(s -> s.getJsonObject("meeting") != null
            && "OPEN".equals(s.getJsonObject("meeting").getString("status"))));
    JsonObject viaB = Await.result(displayOnB.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));
    assertEquals("OPEN", viaB.getJsonObject("meeting").getString("status"));

    // A kiosk on node B votes for an attendee it checked in through node A; once the attendee has
    // moved to another kiosk (through node A), node B refuses that kiosk's next ballot for them.
    BridgeClient kiosk1OnA = nodes.onA(nodes.token("Kiosk 1"));
    BridgeClient kiosk1OnB = nodes.onB(nodes.token("Kiosk 1"));
    BridgeClient kiosk2OnA = nodes.onA(nodes.token("Kiosk 2"));
    Await.result(command(kiosk1OnA, "checkIn", new JsonObject().put("attendeeId", WANG)));
    String first = openVote(hostOnA);
    Await.result(command(kiosk1OnB, "castBallot", ballot(first)));
    Await.result(command(hostOnA, "closeVote", new JsonObject()));
    Await.result(command(hostOnA, "announceResult", new JsonObject()));
    Await.result(command(kiosk1OnA, "checkOut", new JsonObject().put("attendeeId", WANG)));
    Await.result(command(kiosk2OnA, "checkIn", new JsonObject().put("attendeeId", WANG)));
    String second = openVote(hostOnA);
    Await.failure(command(kiosk1OnB, "castBallot", ballot(second)), "FORBIDDEN");
  }

  @Test
  @DisplayName("the running tally on every node counts the ballots counted on the others")
  void talliesCountBallotsFromEveryNode() throws Exception {
    nodes = TwoNodes.start(dataDir);
    BridgeClient displayOnA = nodes.onA(nodes.token("Room display"));
    List<JsonObject> talliesOnA = new CopyOnWriteArrayList<>();
    displayOnA.register(RoomAddresses.tally(DemoData.ROOM_ID), talliesOnA::add);
    Await.result(displayOnA.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));
    BridgeClient hostOnA = nodes.onA(nodes.login("cadre"));
    Await.result(command(hostOnA, "setQuorum", new JsonObject().put("count", 1)));
    Await.result(command(hostOnA, "openMeeting", new JsonObject()));
    BridgeClient kiosk1OnA = nodes.onA(nodes.token("Kiosk 1"));
    BridgeClient sharedKioskOnB = nodes.onB(nodes.token("Kiosk 3"));
    Await.result(command(kiosk1OnA, "checkIn", new JsonObject().put("attendeeId", WANG)));
    for (String attendee : new String[] {ZHANG, LI}) {
      Await.result(command(sharedKioskOnB, "checkIn", new JsonObject().put("attendeeId", attendee)));
    }
    String voteId = openVote(hostOnA);

    JsonObject firstOnB = Await.result(command(sharedKioskOnB, "castBallot", ballot(voteId, ZHANG)));
    JsonObject onA = Await.result(command(kiosk1OnA, "castBallot", ballot(voteId, WANG)));
    JsonObject secondOnB = Await.result(command(sharedKioskOnB, "castBallot", ballot(voteId, LI)));

    assertEquals(1, firstOnB.getInteger("cast"));
    assertEquals(2, onA.getInteger("cast"), "node A starts its tally from the stored box");
    assertEquals(3, secondOnB.getInteger("cast"), "node B learnt of node A's ballot");
    Await.until("the display on node A sees all three ballots", 10_000,
        () -> talliesOnA.stream().anyMatch(t -> t.getInteger("cast") == 3
            && t.getJsonObject("counts").getInteger("FOR") == 3));
  }

  static final String WANG = "00000000000000000000d008";
  static final String ZHANG = "00000000000000000000d001";
  static final String LI = "00000000000000000000d002";


  static io.vertx.core.Future<JsonObject> command(BridgeClient client, String action, JsonObject params) {
    return client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID));
  }

  /** A named vote with its counts shown live, so the tally messages carry them. */
  static String openVote(BridgeClient host) {
    return Await.result(command(host, "openVote", new JsonObject().put("motion", "同意").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST"))).getString("voteId");
  }

  static JsonObject ballot(String voteId) {
    return ballot(voteId, WANG);
  }

  static JsonObject ballot(String voteId, String attendeeId) {
    return new JsonObject().put("attendeeId", attendeeId).put("voteId", voteId).put("choice", "FOR");
  }
}
