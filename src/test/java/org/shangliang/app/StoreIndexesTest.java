package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.room.BallotBoxes;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node asks its store for the indexes its lookups need, at every start, and a second start changes nothing. */
class StoreIndexesTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a started node's store has the indexes of a meeting's attendees, the open meetings and a vote's boxes, also after a restart")
  void indexesExistAfterEveryStart() {
    for (int start = 1; start <= 2; start++) {
      Shangliang node = Await.result(Shangliang.start(vertx, Config.local(0, dataDir.toString()),
          app -> Future.succeededFuture()));
      try {
        assertIndexed(node, RoomStore.ATTENDEES, "meetingId");
        assertIndexed(node, RoomStore.MEETINGS, "status");
        assertIndexed(node, RoomStore.MEETINGS, "roomId");
        assertIndexed(node, BallotBoxes.COLLECTION, "voteId");
      } finally {
        Await.result(node.stop());
      }
    }
  }

  private static void assertIndexed(Shangliang node, String collection, String field) {
    JsonArray indexes = Await.result(node.db().mongo().listIndexes(collection));
    List<String> keys = indexes.stream().map(i -> ((JsonObject) i).getJsonObject("key").fieldNames().toString()).toList();
    assertTrue(keys.contains("[" + field + "]"), collection + " has an index of " + field + ": " + keys);
  }
}
