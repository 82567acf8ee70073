package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 表决: opening, closing and announcing a vote, who may vote, and the stored form of a meeting. */
class MeetingVoteTest {
  private static final String MEETING_ID = String.format("%024x", 0xA0);
  private static final long NOW = 1_000_000L;
  private static final String MOTION = "同意在3号楼北侧加装电动车充电棚";

  private Meeting meeting;

  @BeforeEach
  void openMeeting() {
    meeting = new Meeting(MEETING_ID, String.format("%024x", 0xB0), "仓后街议事会", Quorum.ofCount(3), List.of(
        new Matter("m1", "电动车充电棚", 120, Matter.DEFAULT_SPEECHES_PER_PERSON),
        new Matter("m2", "楼道堆物清理", 120, Matter.DEFAULT_SPEECHES_PER_PERSON)));
    meeting.open(NOW);
  }

  @Test
  @DisplayName("opening a vote records its rules on the current matter and leaves it open")
  void openVoteRecordsRules() {
    Vote vote = meeting.openVote("v1", MOTION, new VoteRules(true, false, false, MajorityBase.PRESENT, 5), attended(7), null, NOW);

    assertSame(vote, meeting.vote());
    assertTrue(vote.open());
    assertEquals("m1", vote.matterId());
    assertEquals(MOTION, vote.motion());
    assertTrue(vote.secret());
    assertFalse(vote.walkInsVote());
    assertFalse(vote.liveTally());
    assertEquals(MajorityBase.PRESENT, vote.base());
    assertEquals(5, vote.minimumBallots());
    assertNull(vote.quorumOverride());
    assertEquals(NOW, vote.openedAt());
    assertNull(vote.outcome());
    assertFalse(vote.announced());
  }

  @Test
  @DisplayName("opening a second vote while one is open is refused with VOTE_OPEN and keeps the first")
  void secondOpenRefused() {
    openVote("v1", MajorityBase.CAST, null);

    assertRefused(ErrorCode.VOTE_OPEN,
        () -> meeting.openVote("v2", "另一动议", VoteRules.DEFAULT, attended(3), null, NOW + 10));
    assertEquals("v1", meeting.vote().id());
  }

  @Test
  @DisplayName("a ballot naming the open vote finds it")
  void openVoteById() {
    openVote("v1", MajorityBase.CAST, null);

    assertEquals("v1", meeting.openVote("v1").id());
  }

  @Test
  @DisplayName("a ballot naming another vote, or any vote when none is open, is refused with NO_VOTE_OPEN")
  void wrongVoteId() {
    assertRefused(ErrorCode.NO_VOTE_OPEN, () -> meeting.openVote("v1"));
    openVote("v1", MajorityBase.CAST, null);
    assertRefused(ErrorCode.NO_VOTE_OPEN, () -> meeting.openVote("v0"));
    meeting.closeVote(new Tally(1, 0, 0), attended(3), null, NOW + 10);
    assertRefused(ErrorCode.NO_VOTE_OPEN, () -> meeting.openVote("v1"));
  }

  @Test
  @DisplayName("closing a vote decides it by its own base and quorum and records when it closed")
  void closeDecides() {
    openVote("v1", MajorityBase.PRESENT, 3);
    Tally tally = new Tally(3, 1, 0);

    Outcome outcome = meeting.closeVote(tally, attended(7), null, NOW + 60_000);

    assertEquals(Outcome.decide(tally, MajorityBase.PRESENT, 7, 3).heldWith(attended(7), null), outcome);
    assertFalse(outcome.passed());
    assertEquals(7, outcome.base());
    Vote closed = meeting.vote();
    assertFalse(closed.open());
    assertEquals(NOW + 60_000, closed.closedAt());
    assertEquals(outcome, closed.outcome());
    assertFalse(closed.announced());
  }

  @Test
  @DisplayName("closing when no vote is open, or closing twice, is refused with NO_VOTE_OPEN")
  void closeWithoutOpenVote() {
    assertRefused(ErrorCode.NO_VOTE_OPEN, () -> meeting.closeVote(Tally.EMPTY, attended(0), null, NOW));
    openVote("v1", MajorityBase.CAST, null);
    meeting.closeVote(new Tally(2, 1, 0), attended(3), null, NOW + 10);

    assertRefused(ErrorCode.NO_VOTE_OPEN, () -> meeting.closeVote(new Tally(0, 3, 0), attended(3), null, NOW + 20));
    assertTrue(meeting.vote().outcome().passed());
  }

  @Test
  @DisplayName("announcing with no vote, or before the vote is closed, is refused with NO_RESULT")
  void noResultBeforeClose() {
    assertRefused(ErrorCode.NO_RESULT, () -> meeting.announceResult(NOW));
    openVote("v1", MajorityBase.CAST, null);

    assertRefused(ErrorCode.NO_RESULT, () -> meeting.announceResult(NOW + 10));
    assertNull(meeting.currentMatter().orElseThrow().resolution());
    assertFalse(meeting.vote().announced());
  }

  @Test
  @DisplayName("announcing a closed vote stores the resolution on its matter and marks the vote announced")
  void announceStoresResolution() {
    openVote("v1", MajorityBase.FOR_AGAINST, null);
    Outcome outcome = meeting.closeVote(new Tally(4, 1, 1), attended(6), null, NOW + 10);

    meeting.announceResult(NOW + 20);

    JsonObject resolution = meeting.agenda().get(0).resolution();
    assertEquals("v1", resolution.getString("voteId"));
    assertEquals(MOTION, resolution.getString("motion"));
    assertEquals(outcome.toJson(), resolution.getJsonObject("outcome"));
    assertTrue(resolution.getJsonObject("outcome").getBoolean("passed"));
    assertEquals(NOW + 20, resolution.getLong("announcedAt"));
    assertTrue(meeting.vote().announced());
    assertNull(meeting.agenda().get(1).resolution());
  }

  @Test
  @DisplayName("a resolution stays with its matter after the meeting moves on")
  void resolutionSurvivesGoto() {
    openVote("v1", MajorityBase.CAST, null);
    meeting.closeVote(new Tally(1, 2, 0), attended(3), null, NOW + 10);
    meeting.announceResult(NOW + 20);

    meeting.gotoMatter(1);

    assertNull(meeting.vote());
    assertFalse(meeting.agenda().get(0).resolution().getJsonObject("outcome").getBoolean("passed"));
  }

  @Test
  @DisplayName("a closed vote must be announced before the meeting moves on, closes or votes again")
  void announceBeforeMovingOn() {
    openVote("v1", MajorityBase.CAST, null);
    meeting.closeVote(new Tally(2, 1, 0), attended(3), null, NOW + 10);

    assertRefused(ErrorCode.RESULT_NOT_ANNOUNCED, () -> meeting.gotoMatter(1));
    assertRefused(ErrorCode.RESULT_NOT_ANNOUNCED, () -> meeting.close(NOW));
    assertRefused(ErrorCode.RESULT_NOT_ANNOUNCED, () -> openVote("v2", MajorityBase.CAST, null));

    meeting.announceResult(NOW + 20);
    openVote("v2", MajorityBase.CAST, null);
    assertEquals("v2", meeting.vote().id());
  }

  @Test
  @DisplayName("a result is announced once; announcing again is refused and keeps the first resolution")
  void announceOnce() {
    openVote("v1", MajorityBase.CAST, null);
    meeting.closeVote(new Tally(2, 1, 0), attended(3), null, NOW + 10);
    meeting.announceResult(NOW + 20);

    assertRefused(ErrorCode.NO_RESULT, () -> meeting.announceResult(NOW + 30));
    assertEquals(NOW + 20, meeting.agenda().get(0).resolution().getLong("announcedAt"));
  }

  @Test
  @DisplayName("after a vote closes, the floor may be given again on the same matter")
  void floorAfterClose() {
    Attendee wang = attendee(1, false, true);
    meeting.raiseHand(wang, NOW);
    openVote("v1", MajorityBase.CAST, null);
    meeting.closeVote(new Tally(1, 0, 0), attended(1), null, NOW + 10);

    assertEquals(wang.id(), meeting.giveFloor(null, "s1", NOW + 20).attendeeId());
  }

  @Test
  @DisplayName("an invited attendee who has checked in may vote, whether or not walk-ins vote")
  void invitedCheckedInEntitled() {
    Attendee invited = attendee(1, false, true);

    assertTrue(vote(false).entitles(invited));
    assertTrue(vote(true).entitles(invited));
  }

  @Test
  @DisplayName("a checked-in walk-in may vote only when the vote lets walk-ins vote")
  void walkInEntitledOnlyWhenAllowed() {
    Attendee walkIn = attendee(2, true, true);

    assertFalse(vote(false).entitles(walkIn));
    assertTrue(vote(true).entitles(walkIn));
  }

  @Test
  @DisplayName("nobody who is not checked in may vote, invited or walk-in")
  void notCheckedInNeverEntitled() {
    assertFalse(vote(true).entitles(attendee(3, false, false)));
    assertFalse(vote(true).entitles(attendee(4, true, false)));
    assertFalse(vote(false).entitles(attendee(3, false, false)));
  }

  @Test
  @DisplayName("a meeting with a speech, a queue, speech counts and a closed vote reads back from its stored form unchanged")
  void documentRoundTrip() {
    Meeting original = busyMeeting();
    JsonObject doc = original.toDocument();

    Meeting restored = Meeting.fromDocument(doc.copy());

    assertEquals(doc, restored.toDocument());
    assertEquals(original.orderedQueue(), restored.orderedQueue());
    assertEquals(original.floor(), restored.floor());
    assertEquals(original.vote(), restored.vote());
  }

  @Test
  @DisplayName("the stored form survives being written out as JSON text and parsed again")
  void documentRoundTripThroughText() {
    Meeting original = busyMeeting();

    Meeting restored = Meeting.fromDocument(new JsonObject(original.toDocument().encode()));

    assertEquals(original.toDocument(), restored.toDocument());
    assertEquals(original.floor().remainingMs(NOW + 70_000), restored.floor().remainingMs(NOW + 70_000));
    assertEquals(1, restored.currentMatter().orElseThrow().speechesBy(String.format("%024x", 1)));
    assertEquals(8, restored.version());
  }

  // ---- helpers ----

  /** An open meeting mid-matter: a closed vote, a paused then resumed speech, two hands waiting. */
  private Meeting busyMeeting() {
    Attendee wang = attendee(1, false, true);
    Attendee li = attendee(2, true, true);
    Attendee zhao = attendee(3, false, true);
    meeting.openVote("v1", MOTION, new VoteRules(true, true, false, MajorityBase.PRESENT, 2), attended(5), null, NOW);
    meeting.closeVote(new Tally(2, 1, 1), attended(5), null, NOW + 10_000);
    meeting.raiseHand(wang, NOW + 11_000);
    meeting.giveFloor(null, "s1", NOW + 12_000);
    meeting.pauseSpeech(NOW + 20_000);
    meeting.resumeSpeech(NOW + 25_000);
    meeting.raiseHand(zhao, NOW + 30_000);
    meeting.raiseHand(li, NOW + 31_000);
    for (int i = 0; i < 8; i++) {
      meeting.bumpVersion();
    }
    return meeting;
  }

  private static Attendee attendee(int n, boolean walkIn, boolean checkedIn) {
    return new Attendee(String.format("%024x", n), MEETING_ID, "居民" + n,
        walkIn ? AttendeeKind.RESIDENT : AttendeeKind.OWNERS_COMMITTEE, walkIn,
        checkedIn ? NOW - 60_000 : null, checkedIn ? String.format("%024x", 0x100 + n) : null);
  }

  private static Vote vote(boolean walkInsVote) {
    return new Vote("v1", "m1", MOTION, new VoteRules(false, walkInsVote, true, MajorityBase.CAST, null), true, NOW,
        null, null, false, null);
  }

  private void openVote(String voteId, MajorityBase base, Integer minimumBallots) {
    meeting.openVote(voteId, MOTION, new VoteRules(false, false, true, base, minimumBallots), attended(10), null, NOW);
  }

  /** The meeting's quorum of 3 met, with this many present entitled to vote. */
  private static Quorum.Attendance attended(int entitled) {
    return new Quorum.Attendance(3, 3, entitled);
  }

  private static void assertRefused(ErrorCode expected, Executable action) {
    assertEquals(expected, assertThrows(Failure.class, action).code());
  }
}
