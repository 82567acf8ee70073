package org.shangliang.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Await.result;

/**
 * The embedded store's own unique indexes and the stock ones build each other: a data folder
 * written by the stock backend opens with every document found by its keys and every key still
 * unique, and the stock backend opens a folder written by ours the same way.
 */
class StoreFormatTest {
  private static final String PEOPLE = "people";
  private static final int PEOPLE_COUNT = 300;
  private final Vertx vertx = Vertx.vertx();
  @TempDir
  Path dataDir;

  @AfterEach
  void stop() {
    result(vertx.close());
  }

  @Test
  @DisplayName("a folder written by the stock backend opens with its indexes rebuilt, and opens in the stock backend again")
  void indexesRebuildBothWays() {
    try (StockStore stock = new StockStore(vertx, dataDir)) {
      for (int i = 0; i < PEOPLE_COUNT; i++) {
        result(stock.mongo.insert(PEOPLE, person(i)));
      }
      result(stock.mongo.createIndexWithOptions(PEOPLE, new JsonObject().put("phone", 1), new IndexOptions().unique(true)));
    }

    Database ours = Database.embedded(vertx, dataDir.toString());
    try {
      assertFoundAndUnique(ours.mongo());
      result(ours.mongo().insert(PEOPLE, person(PEOPLE_COUNT)));
    } finally {
      ours.close();
    }

    try (StockStore stock = new StockStore(vertx, dataDir)) {
      assertFoundAndUnique(stock.mongo);
      assertEquals(PEOPLE_COUNT + 1, result(stock.mongo.count(PEOPLE, new JsonObject())));
    }
  }

  private static void assertFoundAndUnique(MongoClient mongo) {
    for (int i = 0; i < PEOPLE_COUNT; i += 37) {
      JsonObject found = result(mongo.findOne(PEOPLE, new JsonObject().put("_id", idOf(i)), null));
      assertEquals("居民 " + i, found.getString("name"));
      JsonObject byPhone = result(mongo.findOne(PEOPLE, new JsonObject().put("phone", phoneOf(i)), null));
      assertEquals(idOf(i), byPhone.getString("_id"));
    }
    Throwable sameId = refusal(mongo.insert(PEOPLE, person(5).put("phone", "new")));
    assertTrue(Database.isDuplicateKey(sameId), "an _id twice: " + sameId);
    Throwable samePhone = refusal(mongo.insert(PEOPLE, person(5).put("_id", "someone-else")));
    assertTrue(Database.isDuplicateKey(samePhone), "a unique phone twice: " + samePhone);
  }

  private static Throwable refusal(io.vertx.core.Future<?> write) {
    try {
      write.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException refused) {
      return refused.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the write was taken");
  }

  private static JsonObject person(int i) {
    return new JsonObject().put("_id", idOf(i)).put("name", "居民 " + i).put("phone", phoneOf(i));
  }

  private static String idOf(int i) {
    return "person-" + i;
  }

  private static String phoneOf(int i) {
    return "1380000" + String.format("%04d", i);
  }
}
