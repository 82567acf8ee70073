package org.shangliang.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.app.Shangliang;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.Quorum;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak benchmark's meetings, planned straight into the store of the {@link BenchServer}: one
 * per day, with its own attendees, so the room moves on to it when the day's meeting closes.
 */
final class SoakMeetings {
  private static final AtomicInteger DAY = new AtomicInteger();

  private SoakMeetings() {
  }

  /**
   * Plans the next meeting of the room: {@code matters} matters, the last with speeches of
   * {@code clockSeconds} (ended by the server's clock), the others of the usual 180 s, and one
   * attendee per voter. Answers {meetingId, attendeeIds}.
   */
  static JsonObject plan(Shangliang app, String roomId, int voters, int matters, int clockSeconds) {
    MongoClient mongo = app.db().mongo();
    int day = DAY.incrementAndGet();
    List<Matter> agenda = new ArrayList<>();
    for (int m = 0; m < matters; m++) {
      agenda.add(new Matter(new ObjectId().toHexString(), "第 " + day + " 天议题 " + (m + 1) + "：关于小区停车位重新划分和夜间噪音管理的协商",
          m == matters - 1 ? clockSeconds : Matter.DEFAULT_SPEECH_SECONDS, Matter.DEFAULT_SPEECHES_PER_PERSON));
    }
    String meetingId = new ObjectId().toHexString();
    Meeting meeting = new Meeting(meetingId, roomId, "压测议事会 第 " + day + " 天", Quorum.ofCount(1), agenda);
    Await.result(mongo.insert(RoomStore.MEETINGS, meeting.toDocument()));
    List<String> attendeeIds = new ArrayList<>();
    for (int i = 0; i < voters; i++) {
      attendeeIds.add(new ObjectId().toHexString());
    }
    BenchRoom.inBatches(voters, 100, i -> mongo.insert(RoomStore.ATTENDEES, new Attendee(attendeeIds.get(i), meetingId,
        "代表" + (i + 1), AttendeeKind.RESIDENT_REP, false, null, null).toDocument()));
    Await.result(app.db().durable());
    return new JsonObject().put("meetingId", meetingId).put("attendeeIds", new JsonArray(attendeeIds));
  }
}
