package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TwoNodes;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clustered nodes on one database: a kiosk revoked, or a host signed out, through one node is
 * cut off by the other, which had the identity cached, within a second.
 */
class RevocationClusterTest {
  static final String KIOSK_1 = "00000000000000000000e001";

  @TempDir
  Path dataDir;
  TwoNodes nodes;

  @BeforeEach
  void start() {
    nodes = TwoNodes.start(dataDir);
  }

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
  }

  static JsonObject snapshot() {
    return new JsonObject().put("action", "snapshot").put("roomId", DemoData.ROOM_ID);
  }

  @Test
  @DisplayName("a kiosk revoked on node A is refused by node B, which had it cached, within one second, and its socket there is closed")
  void revokedOnOneNodeRefusedOnTheOther() throws Exception {
    String kioskToken = nodes.token("Kiosk 1");

    BridgeClient kioskOnB = cachedOnB(kioskToken);
    BridgeClient adminOnA = nodes.onA(nodes.login("admin"));

    Await.result(adminOnA.request(ConsoleAddresses.COMMUNITY, new JsonObject().put("action", "revokeDevice")
        .put("id", KIOSK_1)));
    long revoked = System.nanoTime();
    Await.until("node B closes the kiosk's socket", 1000, kioskOnB::isClosed);
    // a fresh socket to node B with the same token: only node B's cache could still let it in
    long refusedAfterMs = msUntilRefused(revoked, () -> {
      BridgeClient again = nodes.onB(kioskToken);
      try {
        askSnapshot(again);
      } finally {
        Await.result(again.close());
      }
    });
    assertRefusedWithinASecond("a kiosk revoked on node A", "the revocation's reply", refusedAfterMs);
  }

  @Test
  @DisplayName("a host signed out through node A is refused by node B, which had the session cached, within one second")
  void signedOutOnOneNodeRefusedOnTheOther() throws Exception {
    String session = nodes.login("cadre");
    BridgeClient hostOnB = cachedOnB(session);

    int status = Http.post("http://127.0.0.1:" + nodes.nodeA.port() + "/api/logout", "", session).statusCode();
    assertEquals(204, status);
    long signedOut = System.nanoTime();
    long refusedAfterMs = msUntilRefused(signedOut, () -> askSnapshot(hostOnB));
    assertRefusedWithinASecond("a session signed out on node A", "the sign-out's reply", refusedAfterMs);
  }

  /** A socket to node B whose first request made node B resolve the token and keep its identity. */
  BridgeClient cachedOnB(String token) throws Exception {
    BridgeClient client = nodes.onB(token);
    askSnapshot(client);
    return client;
  }

  static void assertRefusedWithinASecond(String who, String since, long refusedAfterMs) {
    System.out.printf("%s is refused by node B %d ms after %s%n", who, refusedAfterMs, since);
    assertTrue(refusedAfterMs >= 0 && refusedAfterMs <= 1000, "refused by node B after " + refusedAfterMs + " ms");
  }

  interface Attempt {
    void run() throws Exception;
  }

  /** Milliseconds from {@code since} until an attempt is refused as UNAUTHENTICATED; -1 if none is within 5 s. */
  static long msUntilRefused(long since, Attempt attempt) throws Exception {
    while ((System.nanoTime() - since) / 1_000_000 < 5000) {
      try {
        attempt.run();
        Thread.sleep(20);
      } catch (ExecutionException e) {
        assertEquals("UNAUTHENTICATED", ((BridgeClient.BridgeFailure) e.getCause()).code);
        return (System.nanoTime() - since) / 1_000_000;
      }
    }
    return -1;
  }

  static void askSnapshot(BridgeClient client) throws Exception {
    client.request(RoomAddresses.COMMANDS, snapshot()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
