package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a host does from the console. Every action is decided by {@link Meeting}, saved as one
 * versioned write, written to the audit log, made durable, and only then acknowledged.
 */
final class HostActions {
  private final RoomServices room;

  HostActions(RoomServices room) {
    this.room = room;
  }

  Future<JsonObject> openMeeting(Command c) {
    return run(c, Meeting::open);
  }

  Future<JsonObject> closeMeeting(Command c) {
    return run(c, Meeting::close);
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

  Future<JsonObject> endSpeech(Command c) {
    return run(c, Meeting::endSpeech);
  }

  Future<JsonObject> openVote(Command c) {
    JsonObject p = c.body();
    String voteId = new ObjectId().toHexString();
    // The box exists before the vote does, so no ballot finds it missing; if the meeting refuses
    // the vote, the box is closed again and never counts.
    return room.store.meetingOf(c.roomId()).compose(current -> room.ballots.open(new BallotBoxes.Rules(voteId,
            c.roomId(), current.id(), p.getBoolean("secret"), p.getBoolean("walkInsVote"), p.getBoolean("liveTally"))))
        .compose(v -> apply(c, meeting -> {
          meeting.openVote(voteId, p.getString("motion").strip(), p.getBoolean("secret"), p.getBoolean("walkInsVote"),
              p.getBoolean("liveTally"), MajorityBase.valueOf(p.getString("base")), p.getInteger("quorum"), room.now());
          return new JsonObject().put("voteId", voteId);
        }).recover(refused -> room.ballots.close(voteId).transform(ar -> Future.failedFuture(refused))));
  }

  /**
   * Closes the ballot box first (no ballot can enter after that), counts who was entitled, then lets
   * the meeting decide the outcome. Repeating it after a crash in between finds the box closed and
   * the same counts.
   */
  Future<JsonObject> closeVote(Command c) {
    return room.store.meetingOf(c.roomId()).compose(meeting -> {
      Vote vote = meeting.openVote(meeting.vote() == null ? "" : meeting.vote().id());
      return room.ballots.close(vote.id()).compose(tally -> {
        room.tallies.forget(vote.id());
        return room.store.countEntitled(meeting.id(), vote.walkInsVote()).compose(entitled -> apply(c, m -> {
          m.openVote(vote.id());
          return new JsonObject().put("outcome", m.closeVote(tally, entitled, room.now()).toJson());
        }));
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

  /** For actions that answer nothing but "done". */
  private Future<JsonObject> run(Command c, Consumer<Meeting> change) {
    return apply(c, meeting -> {
      change.accept(meeting);
      return new JsonObject();
    });
  }

  private Future<JsonObject> apply(Command c, Function<Meeting, JsonObject> decide) {
    return room.store.change(c.roomId(), decide).compose(changed -> {
      room.clock.watch(c.roomId(), changed.meeting().floor());
      return room.store.audit(c.auditEntry(room.now()))
          .compose(v -> room.acknowledge(c.roomId(), changed.result()));
    });
  }
}
