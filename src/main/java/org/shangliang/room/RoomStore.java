package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The room's documents in MongoDB. Each change is one atomic write: a meeting is replaced only if its
 * version is still the one the decision was made on (retried on conflict), a check-in and a ballot
 * are conditional updates, so commands serialise per room on one node or many.
 */
public final class RoomStore {
  public static final String ROOMS = "rooms";
  public static final String MEETINGS = "meetings";
  public static final String ATTENDEES = "attendees";
  public static final String DEVICES = "devices";
  public static final String AUDIT = AuditLog.COLLECTION;
  private static final int MAX_ATTEMPTS = 25;

  private final Vertx vertx;
  private final MongoClient mongo;
  private AttendeeCache attendees;

  /** What a change decided, and the meeting as saved. */
  public record Changed<T>(T result, Meeting meeting) {
  }

  public RoomStore(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.mongo = db.mongo();
  }

  /** Created on first use, so a store that only lists rooms (the HTTP API) registers no listener. */
  private synchronized AttendeeCache attendeeCache() {
    if (attendees == null) {
      attendees = new AttendeeCache(vertx);
    }
    return attendees;
  }

  public Future<JsonObject> room(String roomId) {
    return mongo.findOne(ROOMS, new JsonObject().put("_id", roomId), null).compose(room -> room == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个议事室")) : Future.succeededFuture(room));
  }

  public Future<List<JsonObject>> rooms() {
    return mongo.find(ROOMS, new JsonObject());
  }

  public Future<Meeting> meetingOf(String roomId) {
    return room(roomId).compose(room -> meeting(room.getString("meetingId")));
  }

  public Future<Meeting> meeting(String meetingId) {
    if (meetingId == null) {
      return Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "议事室没有会议"));
    }
    return mongo.findOne(MEETINGS, new JsonObject().put("_id", meetingId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议"))
        : Future.succeededFuture(Meeting.fromDocument(doc)));
  }

  /** Every meeting of a room, planned or held, newest planned time first (at most {@code limit}). */
  public Future<List<Meeting>> meetingsOf(String roomId, int limit) {
    FindOptions newestFirst = new FindOptions().setSort(new JsonObject().put("startsAt", -1)).setLimit(limit);
    return mongo.findWithOptions(MEETINGS, new JsonObject().put("roomId", roomId), newestFirst)
        .map(docs -> docs.stream().map(Meeting::fromDocument).toList());
  }

  /** The room's earliest planned meeting that has not begun, if any. */
  public Future<Meeting> nextScheduled(String roomId) {
    FindOptions soonestFirst = new FindOptions().setSort(new JsonObject().put("startsAt", 1)).setLimit(1);
    return mongo.findWithOptions(MEETINGS, new JsonObject().put("roomId", roomId).put("status", Meeting.Status.SCHEDULED.name()),
        soonestFirst).map(docs -> docs.isEmpty() ? null : Meeting.fromDocument(docs.get(0)));
  }

  /** Inserts a planned meeting with its invited attendees. */
  public Future<Void> insertMeeting(Meeting meeting, List<Attendee> invited) {
    return mongo.insert(MEETINGS, meeting.toDocument()).compose(id -> invited.isEmpty() ? Future.succeededFuture()
        : mongo.bulkWrite(ATTENDEES, invited.stream().map(a -> io.vertx.ext.mongo.BulkOperation.createInsert(a.toDocument()))
            .toList()).mapEmpty());
  }

  /**
   * Points the room at another meeting, if it still points where the caller saw it (null: at none):
   * the room's pages show the meeting it points at. False if someone moved it meanwhile.
   */
  public Future<Boolean> pointRoomAt(String roomId, String seenMeetingId, String meetingId) {
    JsonObject filter = new JsonObject().put("_id", roomId).put("meetingId", seenMeetingId);
    return mongo.updateCollection(ROOMS, filter, new JsonObject().put("$set", new JsonObject().put("meetingId", meetingId)))
        .map(r -> r.getDocMatched() == 1);
  }

  /** Frees the room's personal kiosks of whoever used them: a new meeting starts with nobody on any. */
  public Future<Void> releaseKiosksOf(String roomId) {
    JsonObject occupied = new JsonObject().put("roomId", roomId).put("occupantId", new JsonObject().put("$ne", null));
    return mongo.updateCollection(DEVICES, occupied, new JsonObject().put("$set", new JsonObject().put("occupantId", null)))
        .mapEmpty();
  }

  /** Open meetings whose current speech has run out by {@code now}: what the speech clock must end. */
  public Future<List<JsonObject>> meetingsWithSpeechDue(long now) {
    JsonObject query = new JsonObject().put("status", "OPEN").put("floorEndsAt", new JsonObject().put("$lte", now));
    return mongo.findWithOptions(MEETINGS, query, new FindOptions().setFields(new JsonObject().put("roomId", 1).put("floor", 1)));
  }

  /**
   * Applies a decision to the room's meeting and saves it, if nobody changed the meeting meanwhile;
   * otherwise decides again on the fresh meeting. A decision that throws changes nothing.
   */
  public <T> Future<Changed<T>> change(String roomId, Function<Meeting, T> decide) {
    return change(() -> meetingOf(roomId), decide);
  }

  /** As {@link #change}, for a meeting named by its id, whether or not it is its room's current one. */
  public <T> Future<Changed<T>> changeMeeting(String meetingId, Function<Meeting, T> decide) {
    return change(() -> meeting(meetingId), decide);
  }

  private <T> Future<Changed<T>> change(Supplier<Future<Meeting>> read, Function<Meeting, T> decide) {
    Promise<Changed<T>> done = Promise.promise();
    attemptChange(read, decide, 1, done);
    return done.future();
  }

  private <T> void attemptChange(Supplier<Future<Meeting>> read, Function<Meeting, T> decide, int attempt,
                                 Promise<Changed<T>> done) {
    read.get().compose(meeting -> {
      long seen = meeting.version();
      T result = decide.apply(meeting);
      meeting.bumpVersion();
      JsonObject filter = new JsonObject().put("_id", meeting.id()).put("version", seen);
      return mongo.replaceDocuments(MEETINGS, filter, meeting.toDocument())
          .map(r -> r.getDocMatched() == 1 ? new Changed<>(result, meeting) : null);
    }).onSuccess(changed -> {
      if (changed != null) {
        done.complete(changed);
      } else if (attempt >= MAX_ATTEMPTS) {
        done.fail(new Failure(ErrorCode.CONFLICT));
      } else {
        vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(attempt * 2),
            t -> attemptChange(read, decide, attempt + 1, done));
      }
    }).onFailure(done::fail);
  }

  // ---- attendees and kiosks ----

  /** The attendee as the database has it now. */
  public Future<Attendee> attendee(String attendeeId) {
    return mongo.findOne(ATTENDEES, new JsonObject().put("_id", attendeeId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这位参会人"))
        : Future.succeededFuture(Attendee.fromJson(doc)));
  }

  /** The attendee as this node last read or wrote it, unless any node changed it since (see AttendeeCache). */
  public Future<Attendee> recentAttendee(String attendeeId) {
    return attendeeCache().get(attendeeId, this::attendee);
  }

  public Future<List<Attendee>> attendees(String meetingId) {
    return mongo.find(ATTENDEES, new JsonObject().put("meetingId", meetingId))
        .map(docs -> docs.stream().map(Attendee::fromJson).toList());
  }

  /** The meeting's invited attendee who is this member of the register, or null. */
  public Future<Attendee> attendeeOfMember(String meetingId, String memberId) {
    return mongo.findOne(ATTENDEES, new JsonObject().put("meetingId", meetingId).put("memberId", memberId), null)
        .map(doc -> doc == null ? null : Attendee.fromJson(doc));
  }

  /** The member of the register behind each invited attendee of the meeting, by attendee id. */
  public Future<Map<String, String>> memberIdsOf(String meetingId) {
    JsonObject invited = new JsonObject().put("meetingId", meetingId).put("memberId", new JsonObject().put("$ne", null));
    return mongo.findWithOptions(ATTENDEES, invited, new FindOptions().setFields(new JsonObject().put("memberId", 1)))
        .map(docs -> {
          Map<String, String> members = new HashMap<>();
          docs.forEach(d -> members.put(d.getString("_id"), d.getString("memberId")));
          return members;
        });
  }

  public Future<Void> addAttendee(Attendee attendee) {
    return mongo.insert(ATTENDEES, attendee.toDocument()).onSuccess(id -> attendeeCache().changed(attendee.id(), attendee))
        .mapEmpty();
  }

  /** Checks an attendee in on a kiosk unless already checked in; false if someone was faster. */
  public Future<Boolean> checkIn(Attendee attendee, String kioskId, long now) {
    JsonObject filter = new JsonObject().put("_id", attendee.id()).put("checkedInAt", null);
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("checkedInAt", now).put("kioskId", kioskId));
    Attendee checkedIn = new Attendee(attendee.id(), attendee.meetingId(), attendee.name(), attendee.kind(),
        attendee.walkIn(), now, kioskId);
    return mongo.updateCollection(ATTENDEES, filter, set).map(r -> r.getDocMatched() == 1)
        .onSuccess(done -> attendeeCache().changed(attendee.id(), done ? checkedIn : null));
  }

  public Future<Boolean> checkOut(String attendeeId, String kioskId) {
    JsonObject filter = new JsonObject().put("_id", attendeeId).put("kioskId", kioskId);
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("checkedInAt", null).put("kioskId", null));
    return mongo.updateCollection(ATTENDEES, filter, set).map(r -> r.getDocMatched() == 1)
        .onSuccess(changed -> attendeeCache().changed(attendeeId, null));
  }

  /** Moves a checked-in attendee to another device (a confirmed phone); false if they were checked out meanwhile. */
  public Future<Boolean> moveCheckIn(Attendee attendee, String deviceId) {
    JsonObject filter = new JsonObject().put("_id", attendee.id()).put("kioskId", attendee.kioskId())
        .put("checkedInAt", new JsonObject().put("$ne", null));
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("kioskId", deviceId));
    return mongo.updateCollection(ATTENDEES, filter, set).map(r -> r.getDocMatched() == 1)
        .onSuccess(moved -> attendeeCache().changed(attendee.id(), null));
  }

  /** A personal kiosk acts for one attendee at a time: claims it, atomically. */
  public Future<Boolean> occupyKiosk(String kioskId, String attendeeId) {
    JsonObject filter = new JsonObject().put("_id", kioskId).put("occupantId", null);
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("occupantId", attendeeId));
    return mongo.updateCollection(DEVICES, filter, set).map(r -> r.getDocMatched() == 1);
  }

  public Future<Void> releaseKiosk(String kioskId, String attendeeId) {
    JsonObject filter = new JsonObject().put("_id", kioskId).put("occupantId", attendeeId);
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("occupantId", null));
    return mongo.updateCollection(DEVICES, filter, set).mapEmpty();
  }

  /** How many attendees present {@link Vote#entitles} would let vote, counted in the database. */
  public Future<Integer> countEntitled(String meetingId, boolean walkInsVote) {
    JsonObject query = new JsonObject().put("meetingId", meetingId).put("checkedInAt", new JsonObject().put("$ne", null));
    if (!walkInsVote) {
      query.put("walkIn", false);
    }
    return mongo.count(ATTENDEES, query).map(Long::intValue);
  }

  // ---- audit ----

  public Future<Void> audit(JsonObject entry) {
    return mongo.insert(AUDIT, entry).mapEmpty();
  }
}
