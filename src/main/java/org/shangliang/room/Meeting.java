package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A meeting (协商议事会) and the rules of the room: one matter at a time (一事一议), the floor only
 * after a raised hand (举手发言), limited time and number of speeches (限时限次), and a vote decided by
 * simple majority (简单多数). Every method either changes the meeting or throws a {@link Failure}
 * and leaves it as it was; persistence and messaging live elsewhere.
 */
public final class Meeting {
  /** Where a meeting is in its life. */
  public enum Status { SCHEDULED, OPEN, CLOSED }

  private final String id;
  private final String roomId;
  private String title;
  private MeetingPlan plan;
  private Quorum quorum;
  private final List<Matter> agenda;
  private Status status;
  private long version;
  private int currentMatter;
  private final List<Hand> queue;
  private Floor floor;
  private Vote vote;
  /** When the host opened and closed it; null before. */
  private Long openedAt;
  private Long closedAt;
  /** When a host opened the attendees' questionnaire (问卷); it closes with the meeting. */
  private Long surveyOpenedAt;

  public Meeting(String id, String roomId, String title, Quorum quorum, List<Matter> agenda) {
    this(id, roomId, title, MeetingPlan.NONE, quorum, agenda);
  }

  public Meeting(String id, String roomId, String title, MeetingPlan plan, Quorum quorum, List<Matter> agenda) {
    this(id, roomId, title, plan, quorum, new ArrayList<>(agenda), Status.SCHEDULED, 0, -1, new ArrayList<>(), null, null);
  }

  private Meeting(String id, String roomId, String title, MeetingPlan plan, Quorum quorum, List<Matter> agenda,
                  Status status, long version, int currentMatter, List<Hand> queue, Floor floor, Vote vote) {
    this.id = id;
    this.roomId = roomId;
    this.title = title;
    this.plan = plan;
    this.quorum = quorum;
    this.agenda = agenda;
    this.status = status;
    this.version = version;
    this.currentMatter = currentMatter;
    this.queue = queue;
    this.floor = floor;
    this.vote = vote;
  }

  public String id() { return id; }
  public String roomId() { return roomId; }
  public String title() { return title; }
  public MeetingPlan plan() { return plan; }
  public Status status() { return status; }
  public long version() { return version; }
  public Quorum quorum() { return quorum; }
  public Floor floor() { return floor; }
  public Vote vote() { return vote; }
  public List<Matter> agenda() { return List.copyOf(agenda); }
  public Long openedAt() { return openedAt; }
  public Long closedAt() { return closedAt; }
  public Long surveyOpenedAt() { return surveyOpenedAt; }

  /** Attendees may answer the questionnaire from its opening until the meeting closes. */
  public boolean surveyOpen() { return surveyOpenedAt != null && status == Status.OPEN; }

  public Optional<Matter> currentMatter() {
    return currentMatter >= 0 && currentMatter < agenda.size() ? Optional.of(agenda.get(currentMatter)) : Optional.empty();
  }

  /** Marks the meeting as saved under the next version. */
  public void bumpVersion() { version++; }

  // ---- opening, closing, the agenda ----

  public void open(long now) {
    if (status != Status.SCHEDULED) {
      throw new Failure(ErrorCode.MEETING_ALREADY_OPEN);
    }
    status = Status.OPEN;
    openedAt = now;
    currentMatter = agenda.isEmpty() ? -1 : 0;
  }

  /**
   * Ends the meeting; refused while someone speaks or a vote is open (the host ends them first, so
   * each leaves its own record). Answers how many raised hands were still waiting: they lapse.
   */
  public int close(long now) {
    requireOpen();
    if (floor != null) {
      throw new Failure(ErrorCode.MATTER_BUSY, "有人正在发言，请先结束发言再结束会议");
    }
    if (vote != null && vote.open()) {
      throw new Failure(ErrorCode.MATTER_BUSY, "表决正在进行，请先结束表决再结束会议");
    }
    requireMatterIdle();
    int waiting = queue.size();
    status = Status.CLOSED;
    closedAt = now;
    queue.clear();
    return waiting;
  }

  /**
   * Opens the questionnaire at the end of the meeting, under the guards of {@link #close}: nobody
   * speaks, no vote is open, the last result was announced. Opened once; closing the meeting ends it.
   */
  public void openSurvey(long now) {
    requireOpen();
    if (surveyOpenedAt != null) {
      throw new Failure(ErrorCode.SURVEY_ALREADY_OPEN);
    }
    if (floor != null) {
      throw new Failure(ErrorCode.MATTER_BUSY, "有人正在发言，请先结束发言再开始问卷");
    }
    if (vote != null && vote.open()) {
      throw new Failure(ErrorCode.MATTER_BUSY, "表决正在进行，请先结束表决再开始问卷");
    }
    requireMatterIdle();
    surveyOpenedAt = now;
  }

  /** The quorum is a rule fixed before the meeting: it cannot be moved to suit a vote. */
  public void changeQuorum(Quorum changed) {
    if (status != Status.SCHEDULED) {
      throw new Failure(status == Status.CLOSED ? ErrorCode.MEETING_CLOSED : ErrorCode.MEETING_ALREADY_OPEN,
          "会议开始后不能再改法定人数");
    }
    quorum = changed;
  }

  /**
   * Changes the plan of a meeting that has not begun: title, time, hosts, forms, quorum and agenda.
   * A matter kept from the old agenda (same id) keeps what it already holds; the meeting's live
   * state is untouched, since a scheduled meeting has none.
   */
  public void replan(String newTitle, MeetingPlan newPlan, Quorum newQuorum, List<Matter> newAgenda) {
    if (status != Status.SCHEDULED) {
      throw new Failure(status == Status.CLOSED ? ErrorCode.MEETING_CLOSED : ErrorCode.MEETING_ALREADY_OPEN,
          "会议开始后不能再改会议安排");
    }
    title = newTitle;
    plan = newPlan;
    quorum = newQuorum;
    agenda.clear();
    agenda.addAll(newAgenda);
  }

  public void gotoMatter(int index) {
    requireOpen();
    if (index < 0 || index >= agenda.size()) {
      throw new Failure(ErrorCode.NOT_FOUND, "议程中没有这个议题");
    }
    requireMatterIdle();
    currentMatter = index;
    queue.clear();
    vote = null;
  }

  // ---- hands and the floor ----

  /** Raises the attendee's hand; returns their 1-based place in the queue as it will be served. */
  public int raiseHand(Attendee attendee, long now) {
    Matter matter = requireMatter();
    if (!attendee.checkedIn()) {
      throw new Failure(ErrorCode.NOT_CHECKED_IN);
    }
    if (handOf(attendee.id()).isPresent() || (floor != null && floor.attendeeId().equals(attendee.id()))) {
      throw new Failure(ErrorCode.ALREADY_RAISED);
    }
    if (!matter.mayStillSpeak(attendee.id())) {
      throw new Failure(ErrorCode.SPEECH_LIMIT_REACHED);
    }
    queue.add(new Hand(attendee.id(), attendee.name(), attendee.kind(), now));
    return positionOf(attendee.id());
  }

  public void withdrawHand(String attendeeId) {
    requireOpen();
    Hand hand = handOf(attendeeId).orElseThrow(() -> new Failure(ErrorCode.NOT_IN_QUEUE));
    queue.remove(hand);
  }

  /** Drops a hand if there is one: used when its owner checks out. */
  public boolean dropHand(String attendeeId) {
    return queue.removeIf(h -> h.attendeeId().equals(attendeeId));
  }

  /**
   * The order in which hands get the floor: unless the matter says otherwise, those who have not
   * spoken on it come before repeat speakers; within each group, first raised, first served.
   */
  public List<Hand> orderedQueue() {
    Matter matter = currentMatter().orElse(null);
    boolean firstTimeFirst = matter == null || matter.setup().firstTimeFirst();
    Comparator<Hand> firstTimersFirst = Comparator.comparingInt(
        h -> firstTimeFirst && matter != null && matter.speechesBy(h.attendeeId()) > 0 ? 1 : 0);
    List<Hand> ordered = new ArrayList<>(queue);
    ordered.sort(firstTimersFirst.thenComparingLong(Hand::raisedAt));
    return ordered;
  }

  public int positionOf(String attendeeId) {
    List<Hand> ordered = orderedQueue();
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).attendeeId().equals(attendeeId)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Gives the floor to a chosen raised hand, or to the next in queue order when none is chosen. */
  public Floor giveFloor(String chosenAttendeeId, String speechId, long now) {
    Matter matter = requireMatter();
    if (floor != null) {
      throw new Failure(ErrorCode.FLOOR_TAKEN);
    }
    if (vote != null && vote.open()) {
      throw new Failure(ErrorCode.MATTER_BUSY);
    }
    Hand hand = chosenAttendeeId == null
        ? orderedQueue().stream().findFirst().orElseThrow(() -> new Failure(ErrorCode.QUEUE_EMPTY))
        : handOf(chosenAttendeeId).orElseThrow(() -> new Failure(ErrorCode.NOT_IN_QUEUE));
    if (!matter.mayStillSpeak(hand.attendeeId())) {
      throw new Failure(ErrorCode.SPEECH_LIMIT_REACHED);
    }
    queue.remove(hand);
    matter.speechCounts.merge(hand.attendeeId(), 1, Integer::sum);
    floor = new Floor(speechId, hand.attendeeId(), hand.name(), now, matter.speechSeconds * 1000L, null, 0);
    return floor;
  }

  public void pauseSpeech(long now) {
    if (requireFloor().paused()) {
      throw new Failure(ErrorCode.SPEECH_PAUSED);
    }
    floor = floor.pause(now);
  }

  public void resumeSpeech(long now) {
    if (!requireFloor().paused()) {
      throw new Failure(ErrorCode.SPEECH_RUNNING);
    }
    floor = floor.resume(now);
  }

  public void extendSpeech(int seconds) {
    floor = requireFloor().extend(seconds * 1000L);
  }

  /** The host ends the speech on the floor; answers it, as it stood when it ended. */
  public Floor endSpeech(long now) {
    Floor ended = requireFloor();
    requireMatter().record.speechEnded(ended, now, "HOST");
    floor = null;
    return ended;
  }

  /**
   * Keeps, for the minutes, that the attendee's raised hand was refused by 限次 on the current
   * matter; the hand itself stays refused (see {@link #raiseHand}).
   */
  public void recordSpeechLimitRefusal(Attendee attendee, long now) {
    requireMatter().record.refused(attendee, now);
  }

  /**
   * The host's summary of the matter before its vote (主持人先总结), shown on the room display
   * while it is read. The host may rewrite it while the matter is current; an empty text removes
   * it. The minutes take it as their draft and the host may still edit it there.
   */
  public void summarise(String text, String byName, long now) {
    Matter matter = requireMatter();
    matter.record.summary = text.isBlank() ? null : new JsonObject().put("text", text.strip()).put("at", now).put("by", byName);
  }

  /** Ends the given speech if its time is up and answers it; null (and no change) otherwise. Safe to repeat. */
  public Floor expireSpeech(String speechId, long now) {
    if (floor == null || !floor.speechId().equals(speechId) || floor.paused() || floor.remainingMs(now) > 0) {
      return null;
    }
    Floor ended = floor;
    // it ended when its time ran out, whenever the clock noticed
    currentMatter().ifPresent(m -> m.record.speechEnded(ended, ended.endsAt(), "CLOCK"));
    floor = null;
    return ended;
  }

  // ---- votes ----

  /**
   * Opens a vote on the current matter. Refused below the meeting's quorum unless the host decides
   * to hold it anyway with a reason ({@code override}, kept with the vote), and refused when its
   * minimum of ballots is more than those entitled to vote could cast.
   */
  public Vote openVote(String voteId, String motion, VoteRules rules, Quorum.Attendance attendance,
                       QuorumOverride override, long now) {
    Matter matter = requireMatter();
    if (vote != null && vote.open()) {
      throw new Failure(ErrorCode.VOTE_OPEN);
    }
    if (floor != null) {
      throw new Failure(ErrorCode.MATTER_BUSY);
    }
    if (vote != null && !vote.announced()) {
      throw new Failure(ErrorCode.RESULT_NOT_ANNOUNCED);
    }
    if (rules.minimumBallots() != null && rules.minimumBallots() > attendance.entitled()) {
      throw new Failure(ErrorCode.MINIMUM_BALLOTS_UNREACHABLE, "最少投票人数 " + rules.minimumBallots()
          + " 人，超过了到会有表决权的 " + attendance.entitled() + " 人");
    }
    QuorumOverride heldBelowQuorum = requireQuorum(attendance, override);
    vote = new Vote(voteId, matter.id(), motion, rules, true, now, null, null, false, heldBelowQuorum);
    return vote;
  }

  /** The open vote a ballot names; refused when it is not the one open now. */
  public Vote openVote(String voteId) {
    if (vote == null || !vote.open() || !vote.id().equals(voteId)) {
      throw new Failure(ErrorCode.NO_VOTE_OPEN);
    }
    return vote;
  }

  /**
   * Closes the open vote with the counts from its ballot box. The quorum is checked again: if
   * people left during the vote, closing needs the host's reason too, unless the vote was already
   * opened below the quorum with one.
   */
  public Outcome closeVote(Tally tally, Quorum.Attendance attendance, QuorumOverride override, long now) {
    if (vote == null || !vote.open()) {
      throw new Failure(ErrorCode.NO_VOTE_OPEN);
    }
    QuorumOverride heldBelowQuorum = vote.quorumOverride() != null ? vote.quorumOverride()
        : requireQuorum(attendance, override);
    Outcome outcome = Outcome.decide(tally, vote.base(), attendance.entitled(), vote.minimumBallots())
        .heldWith(attendance, heldBelowQuorum);
    vote = vote.close(outcome, now);
    return outcome;
  }

  /** Refuses, as {@link #closeVote} would, to close the open vote below the quorum without a reason. */
  public void requireQuorumToClose(Quorum.Attendance attendance, QuorumOverride override) {
    if (vote != null && vote.open() && vote.quorumOverride() == null) {
      requireQuorum(attendance, override);
    }
  }

  /** Null when the quorum is met; else the host's override, without which the vote cannot go on. */
  private static QuorumOverride requireQuorum(Quorum.Attendance attendance, QuorumOverride override) {
    if (attendance.quorumMet()) {
      return null;
    }
    if (override == null) {
      throw new Failure(ErrorCode.QUORUM_NOT_MET, "到会 " + attendance.present() + " 人，未达到法定人数 "
          + attendance.required() + " 人");
    }
    return override;
  }

  /** Puts a matter (e.g. a resident's request made a topic) at the end of the agenda; not once the meeting is closed. */
  public void addMatter(Matter matter) {
    if (status == Status.CLOSED) {
      throw new Failure(ErrorCode.MEETING_CLOSED, "会议已结束，不能再加议题");
    }
    if (agenda.size() >= 100) {
      throw new Failure(ErrorCode.BAD_REQUEST, "议程已满");
    }
    agenda.add(matter);
  }

  /**
   * Renames a matter, in any state of the meeting: a topic from a resident's request is shown by
   * its public title, and when staff change that title the agenda follows (the room display, the
   * kiosks and the record of a past meeting never keep a resident's own words). False if no such matter.
   */
  public boolean retitleMatter(String matterId, String newTitle) {
    for (int i = 0; i < agenda.size(); i++) {
      if (agenda.get(i).id().equals(matterId)) {
        agenda.set(i, agenda.get(i).retitled(newTitle));
        return true;
      }
    }
    return false;
  }

  /** The host announces the result; it becomes the matter's resolution (协商决议). */
  public void announceResult(long now) {
    if (vote == null || vote.open() || vote.outcome() == null || vote.announced()) {
      throw new Failure(ErrorCode.NO_RESULT);
    }
    Matter matter = agenda.stream().filter(m -> m.id().equals(vote.matterId())).findFirst()
        .orElseThrow(() -> new Failure(ErrorCode.NO_RESULT));
    matter.resolution = new JsonObject().put("voteId", vote.id()).put("motion", vote.motion())
        .put("outcome", vote.outcome().toJson()).put("announcedAt", now);
    vote = vote.announce();
    matter.record.votes.add(vote.toJson().put("announcedAt", now));
  }

  // ---- guards ----

  /** People may check in before a meeting opens (they arrive early), never after it has ended. */
  public void requireNotClosed() {
    if (status == Status.CLOSED) {
      throw new Failure(ErrorCode.MEETING_CLOSED);
    }
  }

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw new Failure(ErrorCode.MEETING_CLOSED);
    }
    if (status != Status.OPEN) {
      throw new Failure(ErrorCode.MEETING_NOT_OPEN);
    }
  }

  private Matter requireMatter() {
    requireOpen();
    return currentMatter().orElseThrow(() -> new Failure(ErrorCode.NO_CURRENT_MATTER));
  }

  private Floor requireFloor() {
    requireOpen();
    if (floor == null) {
      throw new Failure(ErrorCode.NO_SPEECH);
    }
    return floor;
  }

  /** 一事一议: a matter is left only when nobody speaks, no vote is open and its result was announced. */
  private void requireMatterIdle() {
    if (floor != null || (vote != null && vote.open())) {
      throw new Failure(ErrorCode.MATTER_BUSY);
    }
    if (vote != null && !vote.announced()) {
      throw new Failure(ErrorCode.RESULT_NOT_ANNOUNCED);
    }
  }

  private Optional<Hand> handOf(String attendeeId) {
    return queue.stream().filter(h -> h.attendeeId().equals(attendeeId)).findFirst();
  }

  // ---- storage form ----

  public static Meeting fromDocument(JsonObject doc) {
    List<Matter> agenda = new ArrayList<>();
    doc.getJsonArray("agenda", new JsonArray()).forEach(m -> agenda.add(Matter.fromJson((JsonObject) m)));
    List<Hand> queue = new ArrayList<>();
    doc.getJsonArray("queue", new JsonArray()).forEach(h -> queue.add(Hand.fromJson((JsonObject) h)));
    Meeting meeting = new Meeting(doc.getString("_id"), doc.getString("roomId"), doc.getString("title"),
        MeetingPlan.fromDocument(doc), Quorum.fromJson(doc.getValue("quorum")), agenda, Status.valueOf(doc.getString("status")),
        doc.getLong("version", 0L), doc.getInteger("currentMatter", -1), queue,
        Floor.fromJson(doc.getJsonObject("floor")), Vote.fromJson(doc.getJsonObject("vote")));
    meeting.openedAt = doc.getLong("openedAt");
    meeting.closedAt = doc.getLong("closedAt");
    meeting.surveyOpenedAt = doc.getLong("surveyOpenedAt");
    return meeting;
  }

  public JsonObject toDocument() {
    JsonArray agendaJson = new JsonArray();
    agenda.forEach(m -> agendaJson.add(m.toJson()));
    JsonArray queueJson = new JsonArray();
    queue.forEach(h -> queueJson.add(h.toJson()));
    Long endsAt = floor == null ? null : floor.endsAt();
    JsonObject doc = new JsonObject().put("_id", id).put("roomId", roomId).put("title", title).put("quorum", quorum.toJson())
        .put("status", status.name()).put("version", version).put("currentMatter", currentMatter)
        .put("agenda", agendaJson).put("queue", queueJson)
        .put("floor", floor == null ? null : floor.toJson()).put("floorEndsAt", endsAt)
        .put("vote", vote == null ? null : vote.toJson()).put("openedAt", openedAt).put("closedAt", closedAt)
        .put("surveyOpenedAt", surveyOpenedAt);
    plan.writeTo(doc);
    return doc;
  }

  /** What the pages of the room see: the stored form with the queue in serving order and times resolved. */
  public JsonObject toPublicJson(long now) {
    JsonObject json = toDocument();
    json.put("id", json.remove("_id"));
    json.remove("floorEndsAt");
    // the record of speeches, refusals and votes is for the minutes; the pages need none of it
    json.getJsonArray("agenda").forEach(m -> {
      JsonObject matter = (JsonObject) m;
      matter.remove("speeches");
      matter.remove("refusals");
      matter.remove("votes");
    });
    JsonArray ordered = new JsonArray();
    Matter matter = currentMatter().orElse(null);
    orderedQueue().forEach(h -> ordered.add(h.toJson()
        .put("speechesMade", matter == null ? 0 : matter.speechesBy(h.attendeeId()))));
    json.put("queue", ordered);
    if (floor != null) {
      json.getJsonObject("floor").put("remainingMs", floor.remainingMs(now));
    }
    return json;
  }
}
