package org.shangliang.room;

import com.microsoft.playwright.Page;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Browsers;
import org.shangliang.support.Http;
import org.shangliang.support.ServerProcess;
import org.shangliang.support.StoreProcess;
import org.shangliang.support.TcpBalancer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Browsers.byTestId;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * Three server processes clustered over Hazelcast on one shared database process, kiosks reaching
 * them through a load balancer that prefers node 1, displays on node 2. Node 1 is killed with
 * SIGKILL in the middle of a vote: the kiosk page finds another node by itself, no acknowledged
 * ballot is lost, and the display ends on the final tally.
 */
class ClusterProcessesTest {
  static final String WANG = "00000000000000000000d008";
  static final int WALK_INS = 20;

  @TempDir
  Path dir;
  final List<AutoCloseable> running = new ArrayList<>();
  Vertx vertx;

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  @Test
  @DisplayName("kill -9 of the kiosks' node mid-vote: the kiosk page reconnects through the balancer, no acknowledged ballot is lost, the display converges")
  void nodeDiesMidVote() throws Exception {
    long started = System.currentTimeMillis();
    vertx = Vertx.vertx();
    StoreProcess store = keep(StoreProcess.start(dir.resolve("store.mv.db")));
    // a demo cluster: the demo accounts sign in only on nodes started with --demo, so all three are;
    // the second and third find the demo seeded and keep it
    ServerProcess node1 = keep(node(store, true));
    ServerProcess node2 = keep(node(store, true));
    ServerProcess node3 = keep(node(store, true));
    TcpBalancer balancer = keep(TcpBalancer.start(vertx, List.of(node1.port, node2.port, node3.port)));
    System.out.printf("store and three clustered nodes up in %d ms%n", System.currentTimeMillis() - started);

    BridgeClient host = connect(node2.port, Http.login(node2.baseUrl(), "cadre", DemoData.PASSWORD));
    BridgeClient display = connect(node2.port, node1.token("Room display"));
    List<JsonObject> seenByDisplay = new CopyOnWriteArrayList<>();
    display.register(RoomAddresses.state(DemoData.ROOM_ID), seenByDisplay::add);
    display.register(RoomAddresses.tally(DemoData.ROOM_ID), seenByDisplay::add);
    Await.result(command(display, "snapshot"));

    Browsers browsers = keep(new Browsers());
    Page kioskPage = browsers.open("http://127.0.0.1:" + balancer.port() + "/kiosk/?token=" + node1.token("Kiosk 1"));
    BridgeClient sharedKiosk = connect(balancer.port(), node1.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    byTestId(kioskPage, "checkin-" + WANG).click();
    byTestId(kioskPage, "iam-confirm").click();
    List<String> voters = checkInVoters(sharedKiosk);
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", "同意更换3号楼电梯")
        .put("secret", false).put("walkInsVote", true).put("liveTally", true).put("base", "CAST"))).getString("voteId");

    Set<String> acknowledged = new HashSet<>();
    int half = voters.size() / 2;
    for (String voter : voters.subList(0, half)) {
      Await.result(command(sharedKiosk, "castBallot", ballot(voteId, voter)));
      acknowledged.add(voter);
    }
    List<Future<JsonObject>> inFlight = new ArrayList<>();
    for (String voter : voters.subList(half, voters.size())) {
      inFlight.add(command(sharedKiosk, "castBallot", ballot(voteId, voter)));
    }
    node1.kill();
    long killedAt = System.currentTimeMillis();
    Await.result(Future.join(inFlight).otherwiseEmpty());
    for (int i = 0; i < inFlight.size(); i++) {
      if (inFlight.get(i).succeeded()) {
        acknowledged.add(voters.get(half + i));
      }
    }

    // The page was never told anything: its own client finds node 2 or 3 through the balancer.
    // 王阿姨 taps as a person would: if a tap met the connection while it was down, she taps again.
    voteOnThePage(kioskPage);
    acknowledged.add(WANG);
    System.out.printf("node 1 killed: the kiosk page voted through another node %d ms later%n",
        System.currentTimeMillis() - killedAt);

    BridgeClient again = connect(balancer.port(), node1.token("Kiosk 3"));
    for (String voter : voters.subList(half, voters.size())) {
      if (!acknowledged.contains(voter)) {
        castOrFindCast(again, voteId, voter);
      }
    }
    JsonObject outcome = Await.result(command(host, "closeVote")).getJsonObject("outcome");
    JsonArray ballots = Await.result(command(host, "rollCall")).getJsonArray("ballots");
    Set<String> stored = new HashSet<>();
    ballots.forEach(b -> stored.add(((JsonObject) b).getString("attendeeId")));
    assertTrue(stored.containsAll(acknowledged), "every acknowledged ballot is stored: " + acknowledged.size());
    assertEquals(voters.size() + 1, outcome.getInteger("cast"), "everyone voted exactly once");

    Await.until("the display shows the final tally", 15_000, () -> seenByDisplay.stream().anyMatch(m ->
        m.getJsonObject("tally") != null && voteId.equals(m.getJsonObject("tally").getString("voteId"))
            && m.getJsonObject("tally").getInteger("cast") == voters.size() + 1
            && m.getJsonObject("tally").getJsonObject("counts") != null
            && m.getJsonObject("tally").getJsonObject("counts").getInteger("FOR") == voters.size() + 1));
    System.out.printf("%d ballots, %d acknowledged before or through the kill, all stored; whole run %d ms%n",
        outcome.getInteger("cast"), acknowledged.size(), System.currentTimeMillis() - started);
  }

  static void voteOnThePage(Page kiosk) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 45_000;
    while (!byTestId(kiosk, "ballot-counted").isVisible()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the kiosk page never got its ballot counted after the node died");
      }
      if (byTestId(kiosk, "connection").isHidden() && byTestId(kiosk, "vote-FOR").isVisible()) {
        byTestId(kiosk, "vote-FOR").click();
        byTestId(kiosk, "vote-confirm").click();
      }
      Thread.sleep(1_000);
    }
    assertThat(byTestId(kiosk, "ballot-counted")).isVisible();
  }

  /** 9 invited on the shared kiosk (王阿姨 is on the page) and 20 walk-ins. */
  List<String> checkInVoters(BridgeClient sharedKiosk) {
    List<String> voters = new ArrayList<>();
    for (int n = 1; n <= DemoData.ATTENDEE_COUNT; n++) {
      if (!attendee(n).equals(WANG)) {
        Await.result(command(sharedKiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
        voters.add(attendee(n));
      }
    }
    for (int i = 0; i < WALK_INS; i++) {
      voters.add(Await.result(command(sharedKiosk, "registerWalkIn", new JsonObject().put("name", "居民" + i)
          .put("kind", "RESIDENT"))).getString("attendeeId"));
    }
    return voters;
  }

  /** A ballot whose answer was lost with node 1 may have been counted: ALREADY_VOTED says so. */
  static void castOrFindCast(BridgeClient kiosk, String voteId, String voter) {
    Await.result(command(kiosk, "castBallot", ballot(voteId, voter)).recover(e ->
        e instanceof BridgeClient.BridgeFailure f && "ALREADY_VOTED".equals(f.code)
            ? Future.succeededFuture(new JsonObject()) : Future.failedFuture(e)));
  }

  ServerProcess node(StoreProcess store, boolean demo) throws Exception {
    return ServerProcess.start(Map.of("MONGO_URI", store.uri(), "CLUSTER", "true", "CLUSTER_HOST", "127.0.0.1",
        "CLUSTER_MEMBERS", "127.0.0.1"), demo);
  }

  BridgeClient connect(int port, String token) {
    return Await.result(BridgeClient.connect(vertx, port, token));
  }

  <T extends AutoCloseable> T keep(T closeable) {
    running.add(closeable);
    return closeable;
  }

  static JsonObject ballot(String voteId, String voter) {
    return new JsonObject().put("attendeeId", voter).put("voteId", voteId).put("choice", "FOR");
  }
}
