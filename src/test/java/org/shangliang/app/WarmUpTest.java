package org.shangliang.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.DemoRoom;
import org.shangliang.support.Http;
import org.shangliang.support.ServerProcess;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rehearsal a node holds once ready: on a scratch node of its own, never in the community's room or store. */
class WarmUpTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a node started as configured rehearses 20 votes unless WARM_UP_VOTES says otherwise; tests' nodes none")
  void warmUpVotesAreConfigured() {
    assertEquals(20, Config.load(null, Map.of()).warmUpVotes());
    assertEquals(0, Config.load(null, Map.of(Config.WARM_UP_VOTES, "0")).warmUpVotes());
    assertEquals(0, Config.local(0, "unused").warmUpVotes());
  }

  @Test
  @DisplayName("a meeting opened while the node rehearses ends the rehearsal at the next vote")
  void aMeetingOpenedEndsTheRehearsal() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString(), "WARM_UP_VOTES", "5000"), true)) {
      BridgeClient host = Await.result(BridgeClient.connect(vertx, server.port,
          Http.login(server.baseUrl(), "cadre", DemoData.PASSWORD)));
      Await.result(DemoRoom.command(host, "openMeeting"));
      // 5,000 votes would take the rehearsal half an hour
      Await.until("the rehearsal ends early", 60_000,
          () -> server.printed("warm-up cut short after") && server.printed("of 5000 votes"));
      assertTrue(!server.printed("warmed up"), server.lastLines().toString());
      JsonObject snapshot = Await.result(DemoRoom.command(host, "snapshot"));
      assertTrue(snapshot.getJsonObject("vote") == null, "the node's own room holds no rehearsed vote: " + snapshot);
    }
  }

  @Test
  @DisplayName("pages that connect while the rehearsal ends are all served")
  void pagesConnectingAsTheRehearsalEnds() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString(), "WARM_UP_VOTES", "3"), true)) {
      String token = server.token("Room display");
      List<String> unanswered = new ArrayList<>();
      long endedAt = -1;
      int connected = 0;
      // a page every 100 ms, from before the rehearsal ends until 3 s after
      while (endedAt < 0 || System.currentTimeMillis() < endedAt + 3_000) {
        if (endedAt < 0 && server.printed("warmed up")) {
          endedAt = System.currentTimeMillis();
        }
        var page = BridgeClient.connectAsPage(vertx, server.port, token)
            .compose(client -> DemoRoom.command(client, "snapshot").eventually(client::close));
        try {
          page.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
          connected++;
        } catch (Exception e) {
          unanswered.add(Instant.now() + ": " + e);
        }
        Thread.sleep(100);
      }
      assertEquals(List.of(), unanswered, connected + " pages served; " + server.lastLines());
    }
  }

  @Test
  @DisplayName("a node rehearses a meeting after its start, its own room, notices and devices show nothing of it;"
      + " restarted while a meeting is under way, it does not rehearse")
  void rehearsalLeavesTheServingNodeAlone() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString(), "WARM_UP_VOTES", "3"), true)) {
      // served while it rehearses
      assertEquals(200, Http.get(server.baseUrl() + "/health").statusCode());
      Await.until("the rehearsal has ended", 90_000,
          () -> server.printed("warmed up: a rehearsed meeting of 3 votes"));

      var metrics = Http.get(server.baseUrl() + "/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "the node's own meters are there");
      assertTrue(!metrics.body().contains("shangliang_ballots_counted"), "the rehearsal's ballots are not the community's");

      BridgeClient display = Await.result(BridgeClient.connect(vertx, server.port, server.token("Room display")));
      JsonObject snapshot = Await.result(DemoRoom.command(display, "snapshot"));
      assertEquals(DemoData.ATTENDEE_COUNT, snapshot.getJsonArray("attendees").size(), "no walk-ins: " + snapshot);
      assertTrue(snapshot.getJsonObject("vote") == null, "no vote was opened in the room: " + snapshot);

      String staffToken = Http.login(server.baseUrl(), "staff", DemoData.PASSWORD);
      BridgeClient staff = Await.result(BridgeClient.connect(vertx, server.port, staffToken));
      JsonObject overview = Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "overview")));
      assertTrue(overview.getJsonArray("notices").stream().map(JsonObject.class::cast)
          .noneMatch(n -> n.getString("title").contains("彩排")), "no rehearsal notice: " + overview.getJsonArray("notices"));
      JsonArray displays = overview.getJsonArray("displays");
      assertTrue(displays.stream().map(JsonObject.class::cast).noneMatch(d -> d.getString("name").contains("彩排")),
          "no rehearsal device: " + displays);

      BridgeClient host = Await.result(BridgeClient.connect(vertx, server.port,
          Http.login(server.baseUrl(), "cadre", DemoData.PASSWORD)));
      Await.result(DemoRoom.command(host, "openMeeting"));
    }
    try (ServerProcess restarted = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString(), "WARM_UP_VOTES", "3"), true)) {
      Await.until("the node says why it does not rehearse", 10_000,
          () -> restarted.printed("no warm-up: a meeting is under way"));
      Thread.sleep(2_000);
      assertTrue(!restarted.printed("warmed up"), restarted.lastLines().toString());
    }
  }
}
