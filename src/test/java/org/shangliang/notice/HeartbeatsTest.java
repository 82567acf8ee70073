package org.shangliang.notice;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.auth.Devices;
import org.shangliang.common.Identity;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.store.Database;
import org.shangliang.support.Await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's memory of the boards' heartbeats: what it stores, when, and how two nodes stay right. */
class HeartbeatsTest {
  private static final String BOARD = "board-1";
  private static final String OTHER_BOARD = "board-2";
  private static final long T0 = 1_700_000_000_000L;
  /** Short, so the tests are quick; long enough that what one loop turn stores goes out together. */
  private static final long GATHER_MS = 50;
  private final Vertx vertx = Vertx.vertx();
  private final Context loop = vertx.getOrCreateContext();
  @TempDir
  Path dataDir;
  private Database db;
  private Showings showings;
  private Heartbeats node;

  @BeforeEach
  void start() {
    db = Database.embedded(vertx, dataDir.toString());
    NoticeStore store = new NoticeStore(db);
    showings = new Showings(db.mongo());
    node = new Heartbeats(vertx, store, showings, GATHER_MS);
    for (String board : List.of(BOARD, OTHER_BOARD)) {
      Await.result(db.mongo().insert(Devices.COLLECTION, new JsonObject().put("_id", board)
          .put("kind", Identity.Role.DISPLAY.name()).putNull("roomId").put("name", board + " 公示栏")));
    }
  }

  @AfterEach
  void stop() {
    db.close();
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a heartbeat that only stretches an open interval waits in memory; a new notice, half a minute or silence stores it")
  void storesWhatMatters() {
    long every = Heartbeats.STORE_EVERY_MS;
    long beat = Playlists.HEARTBEAT_SECONDS * 1000L;
    beat(node, "n-1", T0);
    assertEquals(T0, stored().getLong("lastSeenAt"), "the first heartbeat opens an interval: stored at once");
    beat(node, "n-1", T0 + every / 2);
    assertEquals(T0, stored().getLong("lastSeenAt"), "stretching the interval waits");
    beat(node, "n-1", T0 + every);
    assertEquals(T0 + every, stored().getLong("lastSeenAt"), "stored once it waited long enough");
    assertEquals(T0 + every, interval("n-1").getLong("to"));

    beat(node, "n-2", T0 + every + beat);
    assertEquals(T0 + every + beat, stored().getLong("lastSeenAt"), "a new notice on screen is stored at once");
    assertEquals("n-2", stored().getString("current"));

    beat(node, "n-2", T0 + every + 2 * beat);
    onLoop(() -> node.storeSilent(T0 + every + 2 * beat + Heartbeats.SILENT_MS));
    assertEquals(T0 + every + 2 * beat, stored().getLong("lastSeenAt"), "a board that fell silent is stored as last heard");
    assertEquals(T0 + every + 2 * beat, interval("n-2").getLong("to"));
  }

  @Test
  @DisplayName("a board that moves between two nodes and back loses no interval: a stale node reads the store again")
  void twoNodesStayRight() {
    Heartbeats other = otherNode();
    beat(node, "n-1", T0);
    beat(other, "n-1", T0 + 10_000); // the board reconnected to the other node
    beat(other, "n-2", T0 + 20_000);
    assertEquals(T0 + 20_000, stored().getLong("lastSeenAt"));
    // back on the first node, whose memory still has the board at T0 and n-2 unknown
    beat(node, "n-3", T0 + 25_000);
    JsonObject display = stored();
    assertEquals(T0 + 25_000, display.getLong("lastSeenAt"));
    assertEquals(T0, interval("n-1").getLong("from"));
    // a notice first seen is counted from the heartbeat before (the board may have shown it since)
    assertEquals(T0 + 10_000, interval("n-2").getLong("from"), "the other node's interval was not overwritten");
    assertEquals(T0 + 20_000, interval("n-3").getLong("from"), "counted from the other node's last heartbeat");
  }

  @Test
  @DisplayName("stores of the same moment go out together; a board among them that moved to another node is read again")
  void storesOfAMomentGoTogether() {
    Heartbeats other = otherNode();
    beat(node, "n-1", T0);
    onLoop(() -> node.heartbeat(OTHER_BOARD, "n-1", List.of("n-1"), T0));
    beat(other, "n-2", T0 + 10_000); // the first board reconnected to the other node
    onLoop(() -> Future.all(node.heartbeat(BOARD, "n-3", List.of("n-3"), T0 + 20_000),
        node.heartbeat(OTHER_BOARD, "n-2", List.of("n-2"), T0 + 20_000)).mapEmpty());

    assertEquals(T0 + 20_000, stored().getLong("lastSeenAt"));
    assertEquals(T0, interval("n-2").getLong("from"), "the other node's interval was kept");
    assertEquals(T0 + 10_000, interval("n-3").getLong("from"), "counted from the other node's heartbeat");
    JsonObject otherBoard = stored(OTHER_BOARD);
    assertEquals(T0 + 20_000, otherBoard.getLong("lastSeenAt"));
    assertEquals("n-2", otherBoard.getString("current"));
    assertEquals(T0, otherBoard.getJsonObject("showing").getJsonObject("n-2").getLong("from"));
  }

  @Test
  @DisplayName("a silent board's store and its next heartbeat in the same moment become one write, both answered")
  void storeBuiltOnAGatheredOne() {
    long lastHeard = T0 + 10_000;
    long back = lastHeard + Heartbeats.SILENT_MS + 1;
    beat(node, "n-1", T0);
    beat(node, "n-1", lastHeard);
    onLoop(() -> Future.all(node.storeSilent(lastHeard + Heartbeats.SILENT_MS),
        node.heartbeat(BOARD, "n-2", List.of("n-2"), back)).mapEmpty());

    JsonObject display = stored();
    assertEquals(back, display.getLong("lastSeenAt"));
    assertEquals("n-2", display.getString("current"));
    assertEquals(T0, interval("n-1").getLong("from"));
    assertEquals(lastHeard, interval("n-1").getLong("to"), "the silence's store is in the write");
    assertEquals(lastHeard, interval("n-2").getLong("from"));
  }

  @Test
  @DisplayName("two heartbeats of a board at once, both from the same stored state: the second reads the first's and keeps both")
  void twoHeartbeatsAtOnce() {
    onLoop(() -> Future.all(node.heartbeat(BOARD, "n-1", List.of("n-1"), T0),
        node.heartbeat(BOARD, "n-2", List.of("n-2"), T0 + 1_000)).mapEmpty());

    JsonObject display = stored();
    assertEquals(T0 + 1_000, display.getLong("lastSeenAt"));
    assertEquals("n-2", display.getString("current"));
    assertEquals(T0, interval("n-1").getLong("from"), "the first heartbeat's interval is not overwritten");
    assertEquals(T0, interval("n-2").getLong("from"));
  }

  @Test
  @DisplayName("a board silent longer than the gap closes its intervals into the showings when it comes back")
  void gapClosesIntervals() {
    beat(node, "n-1", T0);
    beat(node, "n-1", T0 + 10_000);
    onLoop(() -> node.storeSilent(T0 + 10_000 + Showings.GAP_MS + 1));
    beat(node, "n-1", T0 + 10_000 + Showings.GAP_MS + 5_000);
    List<JsonObject> closed = Await.result(db.mongo().find(Showings.SHOWINGS, new JsonObject().put("displayId", BOARD)));
    assertEquals(1, closed.size());
    assertEquals(T0, closed.get(0).getLong("from"));
    assertEquals(T0 + 10_000, closed.get(0).getLong("to"));
    assertEquals(T0 + 10_000 + Showings.GAP_MS + 5_000, interval("n-1").getLong("from"), "a new interval opened");
  }

  @Test
  @DisplayName("the displays-online gauge counts the boards this node heard within two minutes, also after their silence was stored")
  void countsOnline() {
    beat(node, "n-1", T0);
    long otherHeard = T0 + Playlists.HEARTBEAT_SECONDS * 1000L;
    onLoop(() -> node.heartbeat(OTHER_BOARD, "n-1", List.of("n-1"), otherHeard));
    onLoop(() -> node.storeSilent(T0 + Showings.GAP_MS + 1));
    assertEquals(T0, stored().getLong("lastSeenAt"), "the silent board was stored as last heard");

    long now = T0 + Showings.ONLINE_MS;
    assertEquals(2, heardSince(now - Showings.ONLINE_MS), "both boards count while heard within two minutes");
    assertEquals(1, heardSince(now + 1 - Showings.ONLINE_MS), "the board silent for longer no longer counts");
    onLoop(() -> node.storeSilent(now + 1));
    assertEquals(1, heardSince(T0), "the board silent for longer than two minutes is forgotten, the other kept");
  }

  @Test
  @DisplayName("a heartbeat of a display that is not a notice board's is refused and stores nothing")
  void unknownDisplay() {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    loop.runOnContext(v -> node.heartbeat("no-such-board", "n-1", List.of(), T0)
        .onComplete(ar -> failure.complete(ar.cause())));
    assertTrue(failure.join() != null);
    assertNull(Await.result(db.mongo().findOne(Devices.COLLECTION, new JsonObject().put("_id", "no-such-board"), null)));
    assertFalse(stored().containsKey("lastSeenAt"));
  }

  private void beat(Heartbeats on, String current, long now) {
    onLoop(() -> on.heartbeat(BOARD, current, List.of(current), now));
  }

  private Heartbeats otherNode() {
    return new Heartbeats(vertx, new NoticeStore(db), showings, GATHER_MS);
  }

  private JsonObject stored() {
    return stored(BOARD);
  }

  private JsonObject stored(String board) {
    return Await.result(db.mongo().findOne(Devices.COLLECTION, new JsonObject().put("_id", board), null));
  }

  private JsonObject interval(String noticeId) {
    return stored().getJsonObject("showing").getJsonObject(noticeId);
  }

  /** Heartbeats are taken in on one event loop, as in the notice verticle; waits for the stores. */
  private int heardSince(long since) {
    CompletableFuture<Integer> heard = new CompletableFuture<>();
    loop.runOnContext(v -> heard.complete(node.heardSince(since)));
    return heard.join();
  }

  private void onLoop(Supplier<Future<Void>> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.runOnContext(v -> action.get().onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(null);
      } else {
        done.completeExceptionally(ar.cause());
      }
    }));
    try {
      done.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
