package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.followup.ResolutionStore;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.room.BallotBoxes;
import org.shangliang.room.RoomStore;
import org.shangliang.room.SurveyAnswers;

import java.util.ArrayList;
import java.util.List;

/**
 * The indexes of the fields other than {@code _id} that the room and the boards look things up by,
 * in collections that grow with every meeting: without them a room's snapshot read every attendee
 * of every meeting ever held (with 100,000 attendees in the store 42–51 ms a read, the first one
 * 0.8–1.1 s; through the index 1.4–1.7 ms: {@code SecondaryIndexBenchmark}). Created at every start;
 * creating one that exists changes nothing. A real MongoDB keeps them; the embedded store builds
 * them from the documents when it opens, which reads those collections once (1.3–1.6 s more for
 * 100,000 attendees). So the showings and the feedback, the largest collections of a street's
 * boards and read only for the console's reports, are left without.
 */
final class StoreIndexes {
  /** Collection, then the field it is looked up by. */
  private static final String[][] INDEXES = {
      {RoomStore.ATTENDEES, "meetingId"},
      {RoomStore.MEETINGS, "status"},
      {RoomStore.MEETINGS, "roomId"},
      {BallotBoxes.COLLECTION, "voteId"},
      {SurveyAnswers.COLLECTION, "meetingId"},
      {ResolutionStore.COLLECTION, "meetingId"},
      {NoticeStore.NOTICES, "state"},
  };

  private StoreIndexes() {
  }

  static Future<Void> create(MongoClient mongo) {
    List<Future<Void>> created = new ArrayList<>();
    for (String[] index : INDEXES) {
      created.add(mongo.createIndex(index[0], new JsonObject().put(index[1], 1)));
    }
    return Future.all(created).mapEmpty();
  }
}
