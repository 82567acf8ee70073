package org.shangliang.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientUpdateResult;
import io.vertx.ext.mongo.UpdateOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Await.result;

/**
 * Conditional writes name one _id plus conditions. Through the real driver and the embedded server:
 * they give the same answers as a full scan would, and they no longer read the whole collection.
 */
class IdIndexedLookupTest {
  private static final String BOXES = "boxes";
  private static final int OTHER_DOCUMENTS = 2_000;

  @TempDir
  static Path dataDir;
  private static Vertx vertx;
  private static Database db;
  private static MongoClient mongo;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    db = Database.embedded(vertx, dataDir.toString());
    mongo = db.mongo();
    List<JsonObject> documents = new ArrayList<>();
    for (int i = 0; i < OTHER_DOCUMENTS; i++) {
      documents.add(new JsonObject().put("_id", "other-" + i).put("version", 1).put("open", true)
          .put("voters", new JsonArray()));
    }
    result(mongo.bulkWrite(BOXES, documents.stream().map(BulkOperation::createInsert).toList()));
    result(mongo.insert(BOXES, new JsonObject().put("_id", "box").put("version", 3).put("open", true)
        .put("voters", new JsonArray().add("a1")).put("counts", new JsonObject().put("FOR", 1))));
  }

  @AfterAll
  static void stop() {
    db.close();
    result(vertx.close());
  }

  @Test
  void aConditionalUpdateReadsOnlyItsDocument() {
    long scansBefore = db.embeddedFullScans();
    JsonObject filter = new JsonObject().put("_id", "box").put("open", true)
        .put("voters", new JsonObject().put("$ne", "a2"));
    JsonObject update = new JsonObject().put("$push", new JsonObject().put("voters", "a2"))
        .put("$inc", new JsonObject().put("counts.FOR", 1));
    MongoClientUpdateResult counted = result(mongo.updateCollection(BOXES, filter, update));
    MongoClientUpdateResult again = result(mongo.updateCollection(BOXES, filter, update));

    assertEquals(1, counted.getDocMatched(), "the first ballot of a2 counts");
    assertEquals(0, again.getDocMatched(), "the condition still refuses a second one");
    assertEquals(2, result(mongo.findOne(BOXES, new JsonObject().put("_id", "box"), null))
        .getJsonObject("counts").getInteger("FOR"));
    assertEquals(scansBefore, db.embeddedFullScans(), "no whole-collection read for a query naming its _id");
  }

  @Test
  void aStaleVersionMatchesNothingAndChangesNothing() {
    long scansBefore = db.embeddedFullScans();
    JsonObject stale = new JsonObject().put("_id", "box").put("version", 2);
    assertEquals(0, result(mongo.updateCollection(BOXES, stale,
        new JsonObject().put("$set", new JsonObject().put("open", false)))).getDocMatched());
    assertNull(result(mongo.findOneAndUpdateWithOptions(BOXES, stale,
        new JsonObject().put("$set", new JsonObject().put("open", false)), new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true))));
    assertTrue(result(mongo.findOne(BOXES, new JsonObject().put("_id", "box"), null)).getBoolean("open"));
    assertEquals(scansBefore, db.embeddedFullScans());
  }

  @Test
  void findsDeletesAndCountsByIdWithConditionsAnswerAsBefore() {
    result(mongo.insert(BOXES, new JsonObject().put("_id", "gone").put("version", 1)));
    assertEquals(0, result(mongo.removeDocuments(BOXES, new JsonObject().put("_id", "gone").put("version", 2)))
        .getRemovedCount());
    assertEquals(1, result(mongo.removeDocuments(BOXES, new JsonObject().put("_id", "gone").put("version", 1)))
        .getRemovedCount());
    assertEquals(1, result(mongo.count(BOXES, new JsonObject().put("_id", "box").put("version", 3))));
    assertEquals(0, result(mongo.count(BOXES, new JsonObject().put("_id", "missing").put("version", 1))));
    JsonObject projected = result(mongo.findOne(BOXES, new JsonObject().put("_id", "box").put("open", true),
        new JsonObject().put("version", 1)));
    assertNotNull(projected);
    assertEquals(new JsonObject().put("_id", "box").put("version", 3), projected);
  }

  @Test
  void queriesWithoutASingleIdStillScanAndStillAnswer() {
    long scansBefore = db.embeddedFullScans();
    JsonObject byIds = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray().add("box").add("other-7")))
        .put("open", true);
    assertEquals(2, result(mongo.find(BOXES, byIds)).size(), "an $in on _id keeps its stock path");
    assertEquals(1, result(mongo.find(BOXES, new JsonObject().put("version", 3))).size());
    assertTrue(db.embeddedFullScans() > scansBefore, "a query by another field reads the collection");
  }
}
