package org.shangliang.web;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/** /metrics in the Prometheus text format: what an operator watches, and who may read it. */
class MetricsTest {
  @TempDir
  Path dataDir;
  Vertx vertx;
  Shangliang app;

  @AfterEach
  void stop() {
    if (app != null) {
      Await.result(app.stop());
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  @Test
  @DisplayName("after a ballot, /metrics shows commands by action and outcome, ballots, commits, event-loop delay, sockets by kind and the heap")
  void meteredMeeting() throws Exception {
    start(Map.of());
    String base = "http://127.0.0.1:" + app.port();
    Map<String, String> urls = Await.result(DemoData.seed(app));
    BridgeClient host = Await.result(BridgeClient.connect(vertx, app.port(), Http.login(base, "cadre", DemoData.PASSWORD)));
    BridgeClient kiosk = Await.result(BridgeClient.connect(vertx, app.port(), token(urls, "Kiosk 1")));
    Await.result(command(host, "setQuorum"));
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(8))));
    Await.failure(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(8))), "ALREADY_CHECKED_IN");
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", "同意").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "CAST"))).getString("voteId");
    Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(8)).put("voteId", voteId)
        .put("choice", "FOR")));

    String text = Http.get(base + "/metrics").body();
    assertTrue(text.contains("shangliang_commands_total{action=\"castBallot\",address=\"room.cmd\",outcome=\"ok\"} 1.0"), text);
    assertTrue(text.contains("shangliang_commands_total{action=\"checkIn\",address=\"room.cmd\",outcome=\"ALREADY_CHECKED_IN\"} 1.0"), text);
    assertTrue(text.contains("shangliang_ballots_counted_total 1.0"), text);
    assertTrue(text.contains("shangliang_store_commit_seconds_count"), text);
    assertTrue(text.contains("shangliang_event_loop_delay_seconds_count{loop=\"vert.x-eventloop-thread-"), text);
    assertTrue(text.contains("shangliang_bridge_sockets{kind=\"kiosk\"} 1.0"), text);
    assertTrue(text.contains("shangliang_bridge_sockets{kind=\"host\"} 1.0"), text);
    assertTrue(text.contains("shangliang_displays_online"), text);
    assertTrue(text.contains("jvm_memory_used_bytes"), "the heap, from Vert.x's JVM meters");
    assertTrue(text.contains("vertx_http_server_requests_total"), "Vert.x's own HTTP meters");
  }

  @Test
  @DisplayName("/metrics answers 403 to an address it does not allow, unless the scraper holds METRICS_TOKEN")
  void onlyAllowedScrapers() throws Exception {
    start(Map.of(Config.METRICS_ALLOW, "10.9.9.9", Config.METRICS_TOKEN, "scrape-secret-0123456789"));
    String url = "http://127.0.0.1:" + app.port() + "/metrics";
    assertEquals(403, Http.get(url).statusCode(), "loopback is not in this allow list");
    assertEquals(403, get(url, "wrong-secret").statusCode());
    HttpResponse<String> allowed = get(url, "scrape-secret-0123456789");
    assertEquals(200, allowed.statusCode());
    assertTrue(allowed.body().contains("jvm_memory_used_bytes"));
  }

  void start(Map<String, String> settings) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(Config.PORT, "0", Config.HOST, "127.0.0.1",
        Config.DATA_DIR, dataDir.toString(), Config.WARM_UP_VOTES, "0"));
    env.putAll(settings);
    Config config = Config.load(null, env);
    vertx = Await.result(Cluster.vertxFor(config));
    app = Await.result(Shangliang.start(vertx, config));
  }

  static HttpResponse<String> get(String url, String bearer) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static String token(Map<String, String> urls, String label) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(label)).findFirst()
        .orElseThrow().getValue().replaceAll(".*token=", "");
  }
}
