package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.qr.QrTokens;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds what the pages of a room render: the whole room state, and small tally messages. While a
 * vote is open, pages are told how many have voted out of how many may (已投 x / 应投 y); the counts
 * per choice only for a named vote with a live tally, or once the vote is closed. Who has voted is
 * never pushed to the room: a kiosk learns it of its own attendees, in the reply to its request.
 */
public final class Snapshots {
  private final RoomStore store;
  private final BallotBoxes ballots;
  private final MongoClient mongo;
  private final QrTokens tokens;
  private final SurveyAnswers surveys;

  public Snapshots(RoomStore store, BallotBoxes ballots, MongoClient mongo, QrTokens tokens) {
    this.store = store;
    this.ballots = ballots;
    this.mongo = mongo;
    this.tokens = tokens;
    this.surveys = new SurveyAnswers(mongo);
  }

  /** The state every page of the room may see: what is pushed on the room's state address. */
  public Future<JsonObject> of(String roomId) {
    return of(roomId, null);
  }

  /** The state as one caller asked for it: a kiosk also learns which of its own attendees have voted. */
  public Future<JsonObject> forCaller(String roomId, Identity who) {
    return of(roomId, who.role() == Identity.Role.KIOSK ? who.id() : null);
  }

  private Future<JsonObject> of(String roomId, String kioskId) {
    return store.room(roomId).compose(room -> {
      JsonObject roomJson = new JsonObject().put("id", room.getString("_id")).put("name", room.getString("name"));
      return store.meeting(room.getString("meetingId"))
          .compose(meeting -> withMeeting(roomJson, meeting, kioskId))
          .recover(e -> e instanceof Failure f && f.code() == ErrorCode.NOT_FOUND
              ? Future.succeededFuture(base(roomJson, System.currentTimeMillis()).put("meeting", (Object) null))
              : Future.failedFuture(e));
    });
  }

  private Future<JsonObject> withMeeting(JsonObject roomJson, Meeting meeting, String kioskId) {
    Vote vote = meeting.vote();
    Future<JsonObject> box = vote == null ? Future.succeededFuture() : ballots.publicView(vote.id());
    Future<JsonArray> phones = PhoneJoins.waiting(mongo, meeting.roomId());
    return store.attendees(meeting.id()).compose(attendees -> Future.all(box, phones, survey(meeting, attendees, kioskId)).map(read -> {
      long now = System.currentTimeMillis();
      JsonArray people = new JsonArray();
      attendees.forEach(a -> people.add(a.toPublicJson()));
      return base(roomJson, now).put("meeting", meeting.toPublicJson(now))
          .put("attendees", people).put("presence", presence(attendees, meeting.quorum()))
          .put("tally", vote == null ? null : tally(vote, read.resultAt(0), attendees, kioskId))
          .put("joinToken", meeting.status() == Meeting.Status.CLOSED ? null
              : tokens.sign(QrTokens.Purpose.JOIN, meeting.roomId(), meeting.id()))
          .put("phoneJoins", read.resultAt(1)).put("survey", read.resultAt(2));
    }));
  }

  /**
   * The questionnaire once a host opened it: its questions and how many answered; a kiosk asking
   * for itself also learns which of its own attendees have answered (never how).
   */
  private Future<JsonObject> survey(Meeting meeting, List<Attendee> attendees, String kioskId) {
    if (meeting.surveyOpenedAt() == null) {
      return Future.succeededFuture(null);
    }
    List<String> here = kioskId == null ? List.of()
        : attendees.stream().filter(a -> kioskId.equals(a.kioskId())).map(Attendee::id).toList();
    return Future.all(surveys.count(meeting.id()), surveys.answeredAmong(meeting.id(), here)).map(read -> {
      JsonObject survey = new JsonObject().put("open", meeting.surveyOpen()).put("questions", SurveyForm.toJson())
          .put("answered", read.<Long>resultAt(0));
      return kioskId == null ? survey : survey.put("answeredHere", read.<JsonArray>resultAt(1));
    });
  }

  /** A pushed snapshot whose attendee list did not change: pages keep the one they have. */
  static JsonObject withoutAttendees(JsonObject snapshot) {
    snapshot.remove("attendees");
    return snapshot.put("attendeesOmitted", true);
  }

  private static JsonObject base(JsonObject room, long now) {
    return new JsonObject().put("kind", "snapshot").put("serverTime", now).put("room", room)
        .put("attendees", new JsonArray()).put("presence", null).put("tally", null)
        .put("joinToken", (Object) null).put("phoneJoins", new JsonArray()).put("survey", (Object) null);
  }

  /** Who is here by kind, and the meeting's quorum as counted now (walk-ins only if the meeting counts them). */
  static JsonObject presence(List<Attendee> attendees, Quorum quorum) {
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
    Quorum.Attendance attendance = quorum.attendance(attendees, false);
    return new JsonObject().put("checkedIn", checkedIn).put("invited", invited)
        .put("invitedCheckedIn", invitedCheckedIn).put("quorum", attendance.required())
        .put("quorumPresent", attendance.present()).put("quorumMet", attendance.quorumMet())
        .put("quorumRule", quorum.toJson()).put("byKind", byKind);
  }

  /**
   * The tally of a vote as pages may see it: ballots cast out of those entitled, the counts per
   * choice only when {@link #countsVisible}, and for a kiosk's own request which of its attendees
   * have voted (never how: a secret ballot keeps no link, a named one's choices go to hosts only).
   */
  static JsonObject tally(Vote vote, JsonObject box, List<Attendee> attendees, String kioskId) {
    Tally counted = box == null ? Tally.EMPTY : Tally.fromCounts(box.getJsonObject("counts"));
    JsonObject tally = counts(vote.id(), countsVisible(vote.open(), vote.rules().countsVisibleWhileOpen()), counted)
        .put("entitled", (int) attendees.stream().filter(vote::entitles).count());
    if (kioskId != null) {
      Set<Object> voters = box == null ? Set.of() : new HashSet<>(box.getJsonArray("voters", new JsonArray()).getList());
      JsonArray votedHere = new JsonArray();
      attendees.stream().filter(a -> kioskId.equals(a.kioskId()) && voters.contains(a.id()))
          .forEach(a -> votedHere.add(a.id()));
      tally.put("voters", votedHere);
    }
    return tally;
  }

  /** The small message sent while ballots come in. */
  static JsonObject tallyMessage(BallotBoxes.Rules vote, Tally running) {
    return counts(vote.voteId(), countsVisible(true, vote.countsVisibleWhileOpen()), running)
        .put("kind", "tally").put("serverTime", System.currentTimeMillis());
  }

  /** Per-choice counts of an open vote are for named votes with a live tally; of a closed one, for all. */
  private static boolean countsVisible(boolean open, boolean visibleWhileOpen) {
    return !open || visibleWhileOpen;
  }

  private static JsonObject counts(String voteId, boolean countsVisible, Tally counted) {
    return new JsonObject().put("voteId", voteId).put("cast", counted.cast())
        .put("counts", countsVisible ? counted.toCounts() : null);
  }
}
