package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.qr.QrTokens;

import java.util.List;

/** Builds what the pages of a room render: the whole room state, and small tally messages. */
public final class Snapshots {
  private final RoomStore store;
  private final BallotBoxes ballots;
  private final MongoClient mongo;
  private final QrTokens tokens;

  public Snapshots(RoomStore store, BallotBoxes ballots, MongoClient mongo, QrTokens tokens) {
    this.store = store;
    this.ballots = ballots;
    this.mongo = mongo;
    this.tokens = tokens;
  }

  public Future<JsonObject> of(String roomId) {
    return store.room(roomId).compose(room -> {
      JsonObject roomJson = new JsonObject().put("id", room.getString("_id")).put("name", room.getString("name"));
      return store.meeting(room.getString("meetingId"))
          .compose(meeting -> withMeeting(roomJson, meeting))
          .recover(e -> e instanceof Failure f && f.code() == ErrorCode.NOT_FOUND
              ? Future.succeededFuture(base(roomJson, System.currentTimeMillis()).put("meeting", (Object) null))
              : Future.failedFuture(e));
    });
  }

  private Future<JsonObject> withMeeting(JsonObject roomJson, Meeting meeting) {
    Vote vote = meeting.vote();
    Future<JsonObject> box = vote == null ? Future.succeededFuture() : ballots.publicView(vote.id());
    Future<JsonArray> phones = PhoneJoins.waiting(mongo, meeting.roomId());
    return store.attendees(meeting.id()).compose(attendees -> Future.all(box, phones).map(read -> {
      long now = System.currentTimeMillis();
      JsonArray people = new JsonArray();
      attendees.forEach(a -> people.add(a.toPublicJson()));
      return base(roomJson, now).put("meeting", meeting.toPublicJson(now))
          .put("attendees", people).put("presence", presence(attendees, meeting.quorum()))
          .put("tally", vote == null ? null : tally(vote, read.resultAt(0), true))
          .put("joinToken", meeting.status() == Meeting.Status.CLOSED ? null
              : tokens.sign(QrTokens.Purpose.JOIN, meeting.roomId(), meeting.id()))
          .put("phoneJoins", read.resultAt(1));
    }));
  }

  /** A pushed snapshot whose attendee list did not change: pages keep the one they have. */
  static JsonObject withoutAttendees(JsonObject snapshot) {
    snapshot.remove("attendees");
    return snapshot.put("attendeesOmitted", true);
  }

  private static JsonObject base(JsonObject room, long now) {
    return new JsonObject().put("kind", "snapshot").put("serverTime", now).put("room", room)
        .put("attendees", new JsonArray()).put("presence", null).put("tally", null)
        .put("joinToken", (Object) null).put("phoneJoins", new JsonArray());
  }

  static JsonObject presence(List<Attendee> attendees, int quorum) {
    JsonObject byKind = new JsonObject();
    int checkedIn = 0;
    int invitedCheckedIn = 0;
    int invited = 0;
    for (Attendee a : attendees) {
      invited += a.walkIn() ? 0 : 1;
      if (a.checkedIn()) {
        checkedIn++;
        invitedCheckedIn += a.walkIn() ? 0 : 1;
        byKind.put(a.kind().name(), byKind.getInteger(a.kind().name(), 0) + 1);
      }
    }
    return new JsonObject().put("checkedIn", checkedIn).put("invited", invited)
        .put("invitedCheckedIn", invitedCheckedIn).put("quorum", quorum)
        .put("quorumMet", invitedCheckedIn >= quorum).put("byKind", byKind);
  }

  /**
   * The tally of a vote as pages may see it: counts are hidden while an open vote keeps its tally
   * off the screens; who has voted is shown, never how (the choices of named ballots stay stored).
   */
  static JsonObject tally(Vote vote, JsonObject box, boolean withVoters) {
    Tally counted = box == null ? Tally.EMPTY : Tally.fromCounts(box.getJsonObject("counts"));
    JsonObject tally = counts(vote.id(), !vote.open() || vote.liveTally(), counted);
    if (withVoters) {
      tally.put("voters", box == null ? new JsonArray() : box.getJsonArray("voters", new JsonArray()));
    }
    return tally;
  }

  /** The small message sent while ballots come in. */
  static JsonObject tallyMessage(BallotBoxes.Rules vote, Tally running) {
    return counts(vote.voteId(), vote.liveTally(), running).put("kind", "tally").put("serverTime", System.currentTimeMillis());
  }

  private static JsonObject counts(String voteId, boolean countsVisible, Tally counted) {
    return new JsonObject().put("voteId", voteId).put("cast", counted.cast())
        .put("counts", countsVisible ? counted.toCounts() : null);
  }
}
