package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.store.Database;

/**
 * What every room action needs, and the one way an action ends: make its writes durable, then tell
 * the room, then answer. Nothing is acknowledged before it would survive a crash.
 */
final class RoomServices {
  final RoomStore store;
  final BallotBoxes ballots;
  final LiveTallies tallies;
  final RoomPublisher publisher;
  final SpeechClock clock;
  final RoomSchedule schedule;
  final SurveyAnswers surveys;
  private final Database db;

  RoomServices(RoomStore store, BallotBoxes ballots, LiveTallies tallies, Database db, RoomPublisher publisher,
               SpeechClock clock) {
    this.store = store;
    this.ballots = ballots;
    this.tallies = tallies;
    this.db = db;
    this.publisher = publisher;
    this.clock = clock;
    this.schedule = new RoomSchedule(store);
    this.surveys = new SurveyAnswers(db.mongo());
  }

  <T> Future<T> acknowledge(String roomId, T result) {
    return db.durable().map(v -> {
      publisher.changed(roomId);
      return result;
    });
  }

  /** As {@link #acknowledge}, for changes to who is present: the pages get the attendee list again. */
  <T> Future<T> acknowledgeAttendees(String roomId, T result) {
    return db.durable().map(v -> {
      publisher.attendeesChanged(roomId);
      return result;
    });
  }

  /** For writes that tell the room in their own way (ballots send tallies, not snapshots). */
  <T> Future<T> durable(T result) {
    return db.durable().map(result);
  }

  /** Tells other features (requests made topics) that a matter got its resolution; after it is durable. */
  void resolved(JsonObject resolution) {
    publisher.resolved(resolution);
  }

  long now() {
    return System.currentTimeMillis();
  }
}
