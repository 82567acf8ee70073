package org.shangliang.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.Await.result;

/**
 * The embedded store's secondary indexes, through the real driver and the embedded server: a query
 * by an indexed field answers what a full read answers, in the same order, without the full read;
 * the index follows every write and is whole again after another backend wrote to the folder.
 */
class SecondaryIndexTest {
  private static final String INDEXED = "attendees";
  private static final String PLAIN = "attendees_without_index";
  private static final int MEETINGS = 30;
  private static final int PER_MEETING = 100;

  @TempDir
  Path dataDir;
  private final Vertx vertx = Vertx.vertx();
  private Database db;
  private MongoClient mongo;

  @BeforeEach
  void open() {
    db = Database.embedded(vertx, dataDir.toString());
    mongo = db.mongo();
  }

  @AfterEach
  void close() {
    db.close();
    result(vertx.close());
  }

  @Test
  @DisplayName("a meeting's attendees are read through the index: the same documents in the same order as a full read")
  void answersAsAFullRead() {
    result(mongo.createIndex(INDEXED, new JsonObject().put("meetingId", 1)));
    List<JsonObject> attendees = attendees(new Random(7));
    for (String collection : List.of(INDEXED, PLAIN)) {
      result(mongo.bulkWrite(collection, attendees.stream().map(a -> BulkOperation.createInsert(a.copy())).toList()));
    }

    for (int m = 0; m < MEETINGS; m += 7) {
      JsonObject byMeeting = new JsonObject().put("meetingId", meeting(m));
      long scansBefore = db.embeddedFullScans();
      List<JsonObject> indexed = result(mongo.find(INDEXED, byMeeting));
      assertEquals(scansBefore, db.embeddedFullScans(), "no full read for a query by the indexed field");
      List<JsonObject> plain = result(mongo.find(PLAIN, byMeeting));
      assertTrue(db.embeddedFullScans() > scansBefore, "the collection without the index is read in full");
      assertEquals(PER_MEETING, indexed.size());
      assertEquals(plain, indexed, "same documents, same order");
      assertEquals(PER_MEETING, result(mongo.count(INDEXED, byMeeting)));
    }
    JsonObject withMore = new JsonObject().put("meetingId", meeting(3)).put("checkedIn", true);
    assertEquals(result(mongo.find(PLAIN, withMore)), result(mongo.find(INDEXED, withMore)),
        "a query naming more fields is narrowed by the index and checked in full");
    assertEquals(List.of(), result(mongo.find(INDEXED, new JsonObject().put("meetingId", "no-such-meeting"))));
  }

  @Test
  @DisplayName("the index follows updates, deletes, arrays and values it cannot hold as text")
  void followsEveryWrite() {
    result(mongo.createIndex(INDEXED, new JsonObject().put("meetingId", 1)));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "a").put("meetingId", "m1")));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "b").put("meetingId", "m1")));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "c").put("meetingId", new JsonArray().add("m1").add("m2"))));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "d").put("meetingId", new JsonObject().put("of", "m1"))));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "e")));
    assertEquals(List.of("a", "b", "c"), ids("m1"));
    assertEquals(List.of("c"), ids("m2"));

    result(mongo.updateCollection(INDEXED, new JsonObject().put("_id", "a"),
        new JsonObject().put("$set", new JsonObject().put("meetingId", "m2"))));
    assertEquals(List.of("b", "c"), ids("m1"));
    assertEquals(List.of("a", "c"), ids("m2"));

    result(mongo.updateCollection(INDEXED, new JsonObject().put("_id", "d"),
        new JsonObject().put("$set", new JsonObject().put("meetingId", "m2"))));
    assertEquals(List.of("a", "c", "d"), ids("m2"), "a value the index held apart, now plain");

    result(mongo.removeDocuments(INDEXED, new JsonObject().put("meetingId", "m2")));
    assertEquals(List.of("b"), ids("m1"));
    assertEquals(List.of(), ids("m2"));
    assertEquals(2, result(mongo.count(INDEXED, new JsonObject())), "b and e are left");
  }

  @Test
  @DisplayName("the index is built when the store opens: what another backend wrote meanwhile is found")
  void rebuiltAtOpen() {
    result(mongo.createIndex(INDEXED, new JsonObject().put("meetingId", 1)));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "a").put("meetingId", "m1")));
    result(mongo.insert(INDEXED, new JsonObject().put("_id", "b").put("meetingId", "m1")));
    db.close();

    try (StockStore stock = new StockStore(vertx, dataDir)) {
      result(stock.mongo.insert(INDEXED, new JsonObject().put("_id", "c").put("meetingId", "m1")));
      result(stock.mongo.updateCollection(INDEXED, new JsonObject().put("_id", "a"),
          new JsonObject().put("$set", new JsonObject().put("meetingId", "m2"))));
    }

    db = Database.embedded(vertx, dataDir.toString());
    mongo = db.mongo();
    long scansBefore = db.embeddedFullScans();
    assertEquals(List.of("b", "c"), ids("m1"));
    assertEquals(List.of("a"), ids("m2"));
    assertEquals(scansBefore, db.embeddedFullScans(), "the index kept from the stored description answers");
  }

  private List<String> ids(String meetingId) {
    return result(mongo.find(INDEXED, new JsonObject().put("meetingId", meetingId))).stream()
        .map(doc -> doc.getString("_id")).toList();
  }

  /** Ids of different lengths in shuffled order, so the natural order (by _id) differs from the order of insertion. */
  private static List<JsonObject> attendees(Random random) {
    List<JsonObject> attendees = new ArrayList<>();
    for (int i = 0; i < MEETINGS * PER_MEETING; i++) {
      attendees.add(new JsonObject().put("_id", "attendee-" + Integer.toString(random.nextInt(1 << 30), 36) + "-" + i)
          .put("meetingId", meeting(i % MEETINGS)).put("name", "代表" + i).put("checkedIn", i % 3 == 0));
    }
    return attendees;
  }

  private static String meeting(int m) {
    return "meeting-" + m;
  }
}
