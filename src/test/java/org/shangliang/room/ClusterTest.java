package org.shangliang.room;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.Cluster;
import org.shangliang.app.Config;
import org.shangliang.app.DemoData;
import org.shangliang.app.Shangliang;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.web.BridgeLimits;

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
  Vertx vertxA;
  Vertx vertxB;
  Shangliang nodeA;
  Shangliang nodeB;

  @AfterEach
  void stop() {
    for (Shangliang node : new Shangliang[] {nodeB, nodeA}) {
      if (node != null) {
        Await.result(node.stop());
      }
    }
    for (Vertx vertx : new Vertx[] {vertxB, vertxA}) {
      if (vertx != null) {
        Await.result(vertx.close());
      }
    }
  }

  static Config clustered(String mongoUri, String dataDir) {
    return new Config("127.0.0.1", 0, dataDir, mongoUri, null, true, "127.0.0.1", "127.0.0.1", BridgeLimits.DEFAULT);
  }

  @Test
  @DisplayName("a change made through one node reaches a page connected to the other, and check-ins hold on both")
  void changesCrossNodes() throws Exception {
    vertxA = Await.result(Cluster.vertxFor(clustered(null, dataDir.toString())));
    nodeA = Await.result(Shangliang.start(vertxA, clustered(null, dataDir.toString())));
    var urls = Await.result(DemoData.seed(nodeA));
    vertxB = Await.result(Cluster.vertxFor(clustered(nodeA.db().embeddedUri(), null)));
    nodeB = Await.result(Shangliang.start(vertxB, clustered(nodeA.db().embeddedUri(), null)));

    String displayToken = urls.entrySet().stream().filter(e -> e.getKey().startsWith("Room display")).findFirst()
        .orElseThrow().getValue().replaceAll(".*token=", "");
    BridgeClient displayOnB = Await.result(BridgeClient.connect(vertxB, nodeB.port(), displayToken));
    List<JsonObject> seenOnB = new CopyOnWriteArrayList<>();
    displayOnB.register(RoomAddresses.state(DemoData.ROOM_ID), seenOnB::add);
    Await.result(displayOnB.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));

    String hostToken = Http.login("http://127.0.0.1:" + nodeA.port(), "cadre", DemoData.PASSWORD);
    BridgeClient hostOnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(), hostToken));
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
    String kiosk1 = token(urls, "Kiosk 1");
    BridgeClient kiosk1OnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(), kiosk1));
    BridgeClient kiosk1OnB = Await.result(BridgeClient.connect(vertxB, nodeB.port(), kiosk1));
    BridgeClient kiosk2OnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(), token(urls, "Kiosk 2")));
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
    vertxA = Await.result(Cluster.vertxFor(clustered(null, dataDir.toString())));
    nodeA = Await.result(Shangliang.start(vertxA, clustered(null, dataDir.toString())));
    var urls = Await.result(DemoData.seed(nodeA));
    vertxB = Await.result(Cluster.vertxFor(clustered(nodeA.db().embeddedUri(), null)));
    nodeB = Await.result(Shangliang.start(vertxB, clustered(nodeA.db().embeddedUri(), null)));
    BridgeClient displayOnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(), token(urls, "Room display")));
    List<JsonObject> talliesOnA = new CopyOnWriteArrayList<>();
    displayOnA.register(RoomAddresses.tally(DemoData.ROOM_ID), talliesOnA::add);
    Await.result(displayOnA.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));
    BridgeClient hostOnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(),
        Http.login("http://127.0.0.1:" + nodeA.port(), "cadre", DemoData.PASSWORD)));
    Await.result(command(hostOnA, "setQuorum", new JsonObject().put("count", 1)));
    Await.result(command(hostOnA, "openMeeting", new JsonObject()));
    BridgeClient kiosk1OnA = Await.result(BridgeClient.connect(vertxA, nodeA.port(), token(urls, "Kiosk 1")));
    BridgeClient sharedKioskOnB = Await.result(BridgeClient.connect(vertxB, nodeB.port(), token(urls, "Kiosk 3")));
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

  static String token(java.util.Map<String, String> urls, String label) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(label)).findFirst()
        .orElseThrow().getValue().replaceAll(".*token=", "");
  }

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
