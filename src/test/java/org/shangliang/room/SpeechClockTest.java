package org.shangliang.room;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;
import org.shangliang.support.Await;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clock's timers: one per room at most, whatever the hosts do with the floor. */
class SpeechClockTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context loop = vertx.getOrCreateContext();
  @TempDir
  Path dataDir;
  private Database db;
  private SpeechClock clock;

  @BeforeEach
  void start() {
    db = Database.embedded(vertx, dataDir.toString());
    RoomStore store = new RoomStore(vertx, db);
    Snapshots snapshots = new Snapshots(store, new BallotBoxes(db), db.mongo(), Await.result(QrTokens.load(db)));
    clock = new SpeechClock(vertx, store, new RoomPublisher(vertx, snapshots, new TallyAudience()), db);
  }

  @AfterEach
  void stop() {
    db.close();
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a speech resumed, extended or ended early by the host leaves no timer behind; one that runs out ends its own")
  void oneTimerPerRoomAtMost() throws Exception {
    assertEquals(1, onLoop(() -> {
      clock.watch("room-1", speech(60_000));
      clock.watch("room-1", speech(90_000)); // extended: the timer is replaced
      return clock.watchedRooms();
    }));
    assertEquals(0, onLoop(() -> {
      clock.watch("room-1", null); // the host ended it early
      return clock.watchedRooms();
    }));
    assertEquals(2, onLoop(() -> {
      for (int i = 0; i < 100; i++) {
        clock.watch("room-2", speech(60_000)); // given and taken back a hundred times
      }
      clock.watch("room-3", speech(1));
      return clock.watchedRooms();
    }));
    Await.until("the speech that ran out has no timer left", 5_000, () -> onLoop(() -> clock.watchedRooms()) == 1);
  }

  private static Floor speech(long allowedMs) {
    return new Floor("s-" + allowedMs, "a-1", "王阿姨", System.currentTimeMillis(), allowedMs, null, 0);
  }

  /** The clock lives on one event loop, as in the room verticle. */
  private <T> T onLoop(Supplier<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(v -> result.complete(action.get()));
    try {
      return result.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
