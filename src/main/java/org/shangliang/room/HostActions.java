package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a host does from the console. Every action is decided by {@link Meeting}, saved as one
 * versioned write, written to the audit log with what it decided, made durable, and only then
 * acknowledged.
 */
final class HostActions {
  private final RoomServices room;

  HostActions(RoomServices room) {
    this.room = room;
  }

  Future<JsonObject> openMeeting(Command c) {
    return run(c, meeting -> meeting.open(room.now()));
  }

  /**
   * Ends the meeting; raised hands still waiting lapse, and the audit log says how many. The room
   * then moves on to its next planned meeting, if any: its pages follow by themselves.
   */
  Future<JsonObject> closeMeeting(Command c) {
    return apply(c, meeting -> new JsonObject().put("droppedHands", meeting.close(room.now())))
        .compose(reply -> room.schedule.moveOn(c.roomId()).compose(next -> next == null ? Future.succeededFuture(reply)
            : room.acknowledgeAttendees(c.roomId(), reply.put("nextMeetingId", next))));
  }

  /** The questionnaire (问卷) at the end of the meeting; attendees answer it at their kiosks until the meeting closes. */
  Future<JsonObject> openSurvey(Command c) {
    return run(c, meeting -> meeting.openSurvey(room.now()));
  }

  Future<JsonObject> setQuorum(Command c) {
    JsonObject p = c.body();
    if (p.containsKey("count") && p.containsKey("fraction")) {
      throw new Failure(ErrorCode.BAD_REQUEST, "法定人数只能是人数或比例之一");
    }
    Quorum quorum = new Quorum(p.getInteger("count"), p.getDouble("fraction"), p.getBoolean("walkInsCount", false));
    return run(c, meeting -> meeting.changeQuorum(quorum));
  }

  Future<JsonObject> gotoMatter(Command c) {
    return run(c, meeting -> meeting.gotoMatter(c.body().getInteger("index")));
  }

  Future<JsonObject> giveFloor(Command c) {
    String speechId = new ObjectId().toHexString();
    return apply(c, meeting -> {
      meeting.giveFloor(c.body().getString("attendeeId"), speechId, room.now());
      return new JsonObject().put("speechId", speechId);
    });
  }

  Future<JsonObject> pauseSpeech(Command c) {
    return run(c, meeting -> meeting.pauseSpeech(room.now()));
  }

  Future<JsonObject> resumeSpeech(Command c) {
    return run(c, meeting -> meeting.resumeSpeech(room.now()));
  }

  Future<JsonObject> extendSpeech(Command c) {
    return run(c, meeting -> meeting.extendSpeech(c.body().getInteger("seconds")));
  }

  /** 主持人先总结: the host's summary of the current matter before its vote, shown on the room display while read. */
  Future<JsonObject> summarise(Command c) {
    return run(c, meeting -> meeting.summarise(c.body().getString("text"), c.who().name(), room.now()));
  }

  /** Ends a speech early; the audit log keeps the time it was allowed and the time it took. */
  Future<JsonObject> endSpeech(Command c) {
    long now = room.now();
    return apply(c, meeting -> meeting.endSpeech(now).asEnded(now));
  }

  /**
   * Opens a vote after checking the meeting's quorum against who is checked in now. The box
   * exists before the vote does, so no ballot finds it missing; if the meeting refuses the vote,
   * the box is closed again and never counts.
   */
  Future<JsonObject> openVote(Command c) {
    VoteRules rules = VoteRules.requested(c.body());
    String motion = c.body().getString("motion").strip();
    String voteId = new ObjectId().toHexString();
    return room.store.meetingOf(c.roomId()).compose(current -> room.store.attendees(current.id()).compose(attendees -> {
      requireHostOf(current, c);
      Quorum.Attendance attendance = current.quorum().attendance(attendees, rules.walkInsVote());
      return room.ballots.open(BallotBoxes.Rules.of(voteId, c.roomId(), current.id(), rules))
          .compose(v -> apply(c, meeting -> {
            meeting.openVote(voteId, motion, rules, attendance, quorumOverride(c, attendance), room.now());
            return new JsonObject().put("voteId", voteId);
          }))
          .recover(refused -> room.ballots.close(voteId).transform(ar -> Future.failedFuture(refused)));
    }));
  }

  /**
   * Checks the quorum again, closes the ballot box (no ballot can enter after that), then lets the
   * meeting decide the outcome. Repeating it after a crash in between finds the box closed and the
   * same counts.
   */
  Future<JsonObject> closeVote(Command c) {
    return room.store.meetingOf(c.roomId()).compose(meeting -> {
      requireHostOf(meeting, c);
      Vote vote = meeting.openVote(meeting.vote() == null ? "" : meeting.vote().id());
      return room.store.attendees(meeting.id()).compose(attendees -> {
        Quorum.Attendance attendance = meeting.quorum().attendance(attendees, vote.walkInsVote());
        QuorumOverride override = quorumOverride(c, attendance);
        meeting.requireQuorumToClose(attendance, override); // before the box closes: a refusal leaves the vote running
        return room.ballots.close(vote.id()).compose(tally -> {
          room.tallies.forget(vote.id());
          return apply(c, m -> {
            m.openVote(vote.id());
            return new JsonObject().put("outcome", m.closeVote(tally, attendance, override, room.now()).toJson());
          });
        });
      });
    });
  }

  /** Announces the result; whoever follows the matter (a resident's request made a topic) is told. */
  Future<JsonObject> announceResult(Command c) {
    return apply(c, meeting -> {
      meeting.announceResult(room.now());
      Matter matter = meeting.agenda().stream().filter(m -> m.id().equals(meeting.vote().matterId())).findFirst().orElseThrow();
      return new JsonObject().put("meetingId", meeting.id()).put("matterId", matter.id()).put("resolution", matter.resolution());
    }).map(resolved -> {
      room.resolved(resolved.copy());
      return new JsonObject();
    });
  }

  /**
   * Who voted on the room's latest vote, with each choice if the vote was named: for the host's
   * console only (the room sees counts, never names against choices).
   */
  Future<JsonObject> rollCall(Command c) {
    return room.store.meetingOf(c.roomId()).compose(meeting -> {
      requireHostOf(meeting, c);
      Vote vote = meeting.vote();
      if (vote == null) {
        return Future.succeededFuture(new JsonObject().put("vote", (Object) null).put("ballots", new JsonArray()));
      }
      return Future.all(room.ballots.rollCall(vote.id()), room.store.attendees(meeting.id())).map(read -> {
        List<JsonObject> ballots = read.resultAt(0);
        List<Attendee> attendees = read.resultAt(1);
        JsonArray named = new JsonArray();
        ballots.forEach(b -> named.add(b.put("name", attendees.stream().filter(a -> a.id().equals(b.getString("attendeeId")))
            .map(Attendee::name).findFirst().orElse(""))));
        return new JsonObject().put("vote", new JsonObject().put("id", vote.id()).put("motion", vote.motion())
            .put("secret", vote.secret())).put("ballots", named);
      });
    });
  }

  /** The meeting's plan names its hosts (双主持); an account it does not name is refused. */
  static void requireHostOf(Meeting meeting, Command c) {
    if (!meeting.plan().mayHost(c.who().id(), c.who().isAdmin())) {
      throw new Failure(ErrorCode.FORBIDDEN, "您不是本次会议的主持人");
    }
  }

  /** The host's reason for holding a vote below the quorum, if the command gives one. */
  private QuorumOverride quorumOverride(Command c, Quorum.Attendance attendance) {
    String reason = c.body().getString("quorumOverride");
    return reason == null ? null : new QuorumOverride(reason.strip(), c.who().name(), room.now(), attendance);
  }

  /** For actions that answer nothing but "done". */
  private Future<JsonObject> run(Command c, Consumer<Meeting> change) {
    return apply(c, meeting -> {
      change.accept(meeting);
      return new JsonObject();
    });
  }

  /** Every host action is decided by one of the meeting's hosts (or an administrator). */
  private Future<JsonObject> apply(Command c, Function<Meeting, JsonObject> decide) {
    return room.store.change(c.roomId(), meeting -> {
      requireHostOf(meeting, c);
      return decide.apply(meeting);
    }).compose(changed -> {
      room.clock.watch(c.roomId(), changed.meeting().floor());
      return room.store.audit(c.auditEntry(room.now()).put("result", changed.result()))
          .compose(v -> room.acknowledge(c.roomId(), changed.result()));
    });
  }
}
