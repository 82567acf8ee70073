package org.shangliang.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.Config;
import org.shangliang.app.DemoData;
import org.shangliang.app.Shangliang;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.StoreProcess;

import java.nio.file.Path;
import java.util.Map;

import static org.shangliang.support.DemoRoom.command;
import static org.shangliang.support.DemoRoom.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database stops answering (its process frozen with SIGSTOP) in the middle of a meeting:
 * commands fail within about 2 s with a named error, /health says DOWN, and once the database
 * answers again everything works without restarting the server.
 */
class DatabaseOutageTest {
  @TempDir
  Path dir;
  StoreProcess store;
  Vertx vertx;
  Shangliang app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      Await.result(app.stop());
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @DisplayName("a frozen database: commands fail in about 2 s with DATABASE_UNAVAILABLE, and work again when it answers, with no restart")
  void frozenDatabase() throws Exception {
    store = StoreProcess.start(dir.resolve("store.mv.db"));
    vertx = Vertx.vertx();
    Config config = new Config("127.0.0.1", 0, dir.toString(), store.uri(), null, false, "127.0.0.1", "127.0.0.1");
    app = Await.result(Shangliang.start(vertx, config));
    Map<String, String> urls = Await.result(DemoData.seed(app));
    String base = "http://127.0.0.1:" + app.port();
    BridgeClient host = Await.result(BridgeClient.connect(vertx, app.port(), Http.login(base, "cadre", DemoData.PASSWORD)));
    BridgeClient kiosk = Await.result(BridgeClient.connect(vertx, app.port(), token(urls, "Kiosk 3")));
    Await.result(command(host, "openMeeting"));

    store.freeze();
    long started = System.nanoTime();
    BridgeClient.BridgeFailure refused = Await.failure(command(kiosk, "checkIn", theAttendee(1)), "DATABASE_UNAVAILABLE");
    long refusedAfterMs = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    int health = Http.get(base + "/health").statusCode();
    long healthAfterMs = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("database frozen: check-in refused after %d ms (%s), /health %d after %d ms%n",
        refusedAfterMs, refused.code, health, healthAfterMs);
    assertTrue(refusedAfterMs < 3_000, "refused within about 2 s: " + refusedAfterMs + " ms");
    assertEquals(503, health);
    assertTrue(healthAfterMs < 3_000, "/health answers while the database does not: " + healthAfterMs + " ms");

    store.thaw();
    started = System.nanoTime();
    // A check-in that timed out may still reach the database once it wakes: then the next one finds it done.
    Await.until("the server answers again", 15_000, () -> command(kiosk, "checkIn", theAttendee(2)).map(true)
        .otherwise(e -> e instanceof BridgeClient.BridgeFailure f && "ALREADY_CHECKED_IN".equals(f.code))
        .toCompletionStage().toCompletableFuture().join());
    System.out.printf("database back: commands work again after %d ms, no restart%n", (System.nanoTime() - started) / 1_000_000);
    assertEquals(200, Http.get(base + "/health").statusCode());
    JsonObject snapshot = Await.result(command(host, "snapshot"));
    assertEquals(1, snapshot.getJsonObject("presence").getInteger("checkedIn"),
        "the refused check-in changed nothing; the later one counted once");
  }

  static JsonObject theAttendee(int n) {
    return new JsonObject().put("attendeeId", attendee(n));
  }

  static String token(Map<String, String> urls, String label) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(label)).findFirst()
        .orElseThrow().getValue().replaceAll(".*token=", "");
  }
}
