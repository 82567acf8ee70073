package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.metrics.Meters;

import java.util.function.Function;

/**
 * What an attendee does at a kiosk: check in or out, raise a hand, vote. A kiosk acts only for
 * attendees checked in on it; a personal (not shared) kiosk acts for one attendee at a time.
 */
final class AttendeeActions {
  private final RoomServices room;

  AttendeeActions(RoomServices room) {
    this.room = room;
  }

  Future<JsonObject> checkIn(Command c) {
    String attendeeId = c.body().getString("attendeeId");
    return room.store.meetingOf(c.roomId()).compose(meeting -> room.store.attendee(attendeeId).compose(attendee -> {
      meeting.requireNotClosed();
      if (!attendee.meetingId().equals(meeting.id())) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "这位参会人不在本次会议名单中"));
      }
      if (attendee.checkedIn()) {
        return Future.failedFuture(new Failure(ErrorCode.ALREADY_CHECKED_IN));
      }
      return claimKiosk(c, attendeeId)
          .compose(v -> room.store.checkIn(attendee, c.who().id(), room.now()))
          .compose(checkedIn -> checkedIn ? Future.succeededFuture()
              : releaseKiosk(c, attendeeId).compose(v -> Future.failedFuture(new Failure(ErrorCode.ALREADY_CHECKED_IN))));
    })).compose(v -> room.acknowledgeAttendees(c.roomId(), new JsonObject().put("attendeeId", attendeeId)));
  }

  Future<JsonObject> registerWalkIn(Command c) {
    String attendeeId = new ObjectId().toHexString();
    AttendeeKind kind = AttendeeKind.valueOf(c.body().getString("kind"));
    String name = c.body().getString("name").strip();
    return room.store.meetingOf(c.roomId())
        .compose(meeting -> {
          meeting.requireNotClosed();
          return claimKiosk(c, attendeeId).map(meeting);
        })
        .compose(meeting -> room.store.addAttendee(
            new Attendee(attendeeId, meeting.id(), name, kind, true, room.now(), c.who().id())))
        .compose(v -> room.acknowledgeAttendees(c.roomId(), new JsonObject().put("attendeeId", attendeeId)));
  }

  Future<JsonObject> checkOut(Command c) {
    String attendeeId = c.body().getString("attendeeId");
    return ownAttendee(c, attendeeId)
        .compose(attendee -> room.store.checkOut(attendeeId, c.who().id()))
        .compose(v -> releaseKiosk(c, attendeeId))
        .compose(v -> room.store.meetingOf(c.roomId()))
        .compose(meeting -> meeting.orderedQueue().stream().anyMatch(h -> h.attendeeId().equals(attendeeId))
            ? room.store.change(c.roomId(), m -> m.dropHand(attendeeId)).mapEmpty() : Future.succeededFuture())
        .compose(v -> room.acknowledgeAttendees(c.roomId(), new JsonObject()));
  }

  /** A hand refused by 限次 is still refused, and the refusal is kept for the minutes. */
  Future<JsonObject> raiseHand(Command c) {
    return ownAttendee(c, c.body().getString("attendeeId"))
        .compose(attendee -> room.store.change(c.roomId(), meeting -> {
          requireSameMeeting(attendee, meeting);
          return meeting.raiseHand(attendee, room.now());
        }).recover(refused -> Failure.is(refused, ErrorCode.SPEECH_LIMIT_REACHED)
            ? room.store.change(c.roomId(), meeting -> {
              meeting.recordSpeechLimitRefusal(attendee, room.now());
              return null;
            }).compose(room::durable).compose(kept -> Future.failedFuture(refused))
            : Future.failedFuture(refused)))
        .compose(changed -> room.acknowledge(c.roomId(), new JsonObject().put("position", changed.result())));
  }

  Future<JsonObject> withdrawHand(Command c) {
    String attendeeId = c.body().getString("attendeeId");
    return ownAttendee(c, attendeeId)
        .compose(attendee -> room.store.change(c.roomId(), meeting -> {
          meeting.withdrawHand(attendeeId);
          return null;
        }))
        .compose(changed -> room.acknowledge(c.roomId(), new JsonObject()));
  }

  /**
   * One ballot per entitled attendee per vote, counted by a single conditional write on the vote's
   * ballot box; whether the vote is still open is the box's to say, so the meeting is not read.
   */
  Future<JsonObject> castBallot(Command c) {
    Tally.Choice choice = Tally.Choice.valueOf(c.body().getString("choice"));
    Future<BallotBoxes.Rules> rules = room.ballots.rules(c.body().getString("voteId"));
    return ownAttendee(c, c.body().getString("attendeeId"), room.store::recentAttendee).compose(attendee -> rules.compose(vote -> {
      if (!vote.roomId().equals(c.roomId()) || !vote.meetingId().equals(attendee.meetingId())) {
        return Future.failedFuture(new Failure(ErrorCode.NO_VOTE_OPEN));
      }
      if (!vote.entitles(attendee)) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_ENTITLED));
      }
      return room.ballots.cast(vote, attendee.id(), choice).compose(room::durable).compose(room.tallies::counted)
          .map(running -> {
            room.publisher.ballotCounted(vote, running);
            Meters.ballotCounted();
            return new JsonObject().put("counted", true).put("voteId", vote.voteId()).put("cast", running.cast());
          });
    }));
  }

  /**
   * One questionnaire per attendee, while it is open, from the kiosk (or joined phone) the attendee
   * is checked in on. The audit log keeps who answered, never the answers.
   */
  Future<JsonObject> answerSurvey(Command c) {
    String attendeeId = c.body().getString("attendeeId");
    return ownAttendee(c, attendeeId).compose(attendee -> room.store.meetingOf(c.roomId()).compose(meeting -> {
      if (!meeting.id().equals(attendee.meetingId()) || !meeting.surveyOpen()) {
        return Future.failedFuture(new Failure(ErrorCode.SURVEY_NOT_OPEN));
      }
      return room.surveys.insert(meeting.id(), c.roomId(), attendeeId, c.body().getJsonObject("answers"), room.now());
    })).compose(v -> {
      JsonObject entry = c.auditEntry(room.now());
      entry.getJsonObject("params").remove("answers");
      return room.store.audit(entry);
    }).compose(v -> room.acknowledge(c.roomId(), new JsonObject().put("answered", true)));
  }

  /** The attendee, if checked in on the kiosk that sent the command. */
  private Future<Attendee> ownAttendee(Command c, String attendeeId) {
    return ownAttendee(c, attendeeId, room.store::attendee);
  }

  private Future<Attendee> ownAttendee(Command c, String attendeeId, Function<String, Future<Attendee>> read) {
    return read.apply(attendeeId).compose(attendee -> {
      if (!attendee.checkedIn()) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_CHECKED_IN));
      }
      if (!c.who().id().equals(attendee.kioskId())) {
        return Future.failedFuture(new Failure(ErrorCode.FORBIDDEN, "这位参会人没有在本终端签到"));
      }
      return Future.succeededFuture(attendee);
    });
  }

  private static void requireSameMeeting(Attendee attendee, Meeting meeting) {
    if (!attendee.meetingId().equals(meeting.id())) {
      throw new Failure(ErrorCode.FORBIDDEN, "这位参会人不属于本次会议");
    }
  }

  private Future<Void> claimKiosk(Command c, String attendeeId) {
    if (c.who().shared()) {
      return Future.succeededFuture();
    }
    return room.store.occupyKiosk(c.who().id(), attendeeId).compose(claimed -> claimed
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.KIOSK_OCCUPIED)));
  }

  private Future<Void> releaseKiosk(Command c, String attendeeId) {
    return c.who().shared() ? Future.succeededFuture() : room.store.releaseKiosk(c.who().id(), attendeeId);
  }
}
