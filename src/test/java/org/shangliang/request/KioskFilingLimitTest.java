package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.BridgeClient.BridgeFailure;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kiosk files requests over the bridge under a limit per device, like phones under theirs. */
class KioskFilingLimitTest {
  /** docs/API.md: 10 filings per kiosk per 10 minutes. */
  static final int LIMIT = 10;
  static final int WINDOW_SECONDS = 600;

  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Future<JsonObject> file(BridgeClient kiosk, int n) {
    return kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest").put("kind", "环境卫生")
        .put("what", "第" + n + "次：垃圾桶满了没人清运，气味很大，请尽快处理。".repeat(8)).put("gridId", DemoData.GRID_IDS[0]));
  }

  @Test
  @DisplayName("a hundred filings sent at once from one kiosk: ten are accepted, the rest answer RATE_LIMITED with a retry hint, and another kiosk still files")
  void hundredAtOnce() {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    long started = System.nanoTime();
    List<Future<JsonObject>> sent = IntStream.range(0, 100).mapToObj(n -> file(kiosk, n)).toList();
    Await.result(Future.join(sent).otherwiseEmpty());
    long ms = (System.nanoTime() - started) / 1_000_000;
    List<Future<JsonObject>> accepted = sent.stream().filter(Future::succeeded).toList();
    List<BridgeFailure> refused = sent.stream().filter(Future::failed).map(f -> (BridgeFailure) f.cause()).toList();
    long limited = refused.stream().filter(f -> "RATE_LIMITED".equals(f.code)).count();
    System.out.printf("100 filings at once from one kiosk: %d accepted, %d RATE_LIMITED (retry in %s s), %d other, %d ms%n",
        accepted.size(), limited, refused.isEmpty() ? "-" : refused.get(0).detail.getValue("retryAfter"),
        refused.size() - limited, ms);
    assertEquals(LIMIT, accepted.size());
    assertEquals(100 - LIMIT, limited);
    refused.forEach(f -> {
      assertEquals(463, f.failureCode);
      int retry = f.detail.getInteger("retryAfter", 0);
      assertTrue(retry >= 1 && retry <= WINDOW_SECONDS, "retryAfter " + retry);
    });

    BridgeClient other = server.bridge(server.token("Kiosk 2"));
    assertTrue(Await.result(file(other, 100)).getString("number") != null, "the limit is per kiosk");
  }
}
