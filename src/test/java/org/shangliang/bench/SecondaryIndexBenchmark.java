package org.shangliang.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import org.bson.types.ObjectId;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.shangliang.support.Await.result;

/**
 * What the embedded store's secondary indexes cost and save (not a test; never gates a build): a
 * store holding the attendees of many meetings, 100 each, is reopened, and a meeting's attendees
 * are read, as a room's snapshot reads them. Baseline in the same run: the same store without the
 * index, which reads every attendee for each meeting. Prints, per size, the time to open the store
 * until its first read answers (the index is built then) and the median and worst of 20 reads of a
 * meeting's attendees; each variant twice, the first also warming the JIT.
 *
 * <p>Parameters: bench.attendees (comma-separated sizes, default 10000,100000).
 */
public final class SecondaryIndexBenchmark {
  private static final int PER_MEETING = 100;
  private static final int READS = 20;

  private SecondaryIndexBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    int[] sizes = Arrays.stream(System.getProperty("bench.attendees", "10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    Vertx vertx = Vertx.vertx();
    try {
      for (int size : sizes) {
        for (int pass = 1; pass <= 2; pass++) {
          for (boolean indexed : new boolean[] {false, true}) {
            System.out.println(measure(vertx, size, indexed).describe(size, indexed, pass));
          }
        }
      }
    } finally {
      result(vertx.close());
    }
  }

  record Figures(double openMs, double medianReadMs, double worstReadMs) {
    String describe(int size, boolean indexed, int pass) {
      return String.format("%,d attendees, %s, pass %d: open until the first read %.0f ms; a meeting's attendees median %.1f ms, worst %.1f ms",
          size, indexed ? "indexed by meetingId" : "without index (baseline)", pass, openMs, medianReadMs, worstReadMs);
    }
  }

  private static Figures measure(Vertx vertx, int size, boolean indexed) throws IOException {
    Path dir = Files.createTempDirectory("secondary-index-bench");
    Database db = Database.embedded(vertx, dir.toString());
    if (indexed) {
      result(db.mongo().createIndex(RoomStore.ATTENDEES, new JsonObject().put("meetingId", 1)));
    }
    List<BulkOperation> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      batch.add(BulkOperation.createInsert(attendee(i)));
      if (batch.size() == 1000 || i == size - 1) {
        result(db.mongo().bulkWrite(RoomStore.ATTENDEES, batch));
        batch.clear();
      }
    }
    result(db.durable());
    db.close();

    long start = System.nanoTime();
    db = Database.embedded(vertx, dir.toString());
    result(db.mongo().findOne(RoomStore.ATTENDEES, new JsonObject().put("_id", "none"), null));
    double openMs = (System.nanoTime() - start) / 1e6;
    double[] reads = new double[READS];
    int meetings = size / PER_MEETING;
    for (int r = 0; r < READS; r++) {
      long readStart = System.nanoTime();
      int found = result(db.mongo().find(RoomStore.ATTENDEES,
          new JsonObject().put("meetingId", meeting(r * 7919 % meetings)))).size();
      reads[r] = (System.nanoTime() - readStart) / 1e6;
      if (found != PER_MEETING) {
        throw new IllegalStateException("a meeting's attendees: " + found + " read, " + PER_MEETING + " stored");
      }
    }
    db.close();
    Arrays.sort(reads);
    return new Figures(openMs, reads[READS / 2], reads[READS - 1]);
  }

  private static JsonObject attendee(int i) {
    return new JsonObject().put("_id", new ObjectId().toHexString()).put("meetingId", meeting(i / PER_MEETING))
        .put("name", "代表" + i).put("kind", "RESIDENT_REP").put("checkedIn", false).putNull("kioskId")
        .put("memberId", "member-" + i);
  }

  private static String meeting(int m) {
    return "meeting-" + m;
  }
}
