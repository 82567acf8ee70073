package org.shangliang.room;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 限时限次 and 一事一议: limits on speeches, the speech clock, and one thing at a time. */
class MeetingLimitsTest {
  private static final String MEETING_ID = String.format("%024x", 0xA0);
  private static final long NOW = 1_000_000L;
  private static final int SPEECH_SECONDS = 90;

  private final Attendee wang = present(1, "王阿姨");
  private final Attendee li = present(2, "李师傅");
  private Meeting meeting;

  @BeforeEach
  void openMeeting() {
    meeting = scheduledMeeting();
    meeting.open(NOW);
  }

  // ---- 限次: speeches per person per matter ----

  @Test
  @DisplayName("by default a person may speak twice on a matter; a third raised hand is refused with SPEECH_LIMIT_REACHED")
  void thirdHandRefusedByDefault() {
    spokeOnce(wang, "s1", NOW);
    spokeOnce(wang, "s2", NOW + 1_000);

    assertEquals(2, Matter.DEFAULT_SPEECHES_PER_PERSON);
    assertEquals(2, currentMatter().speechesBy(wang.id()));
    assertRefused(ErrorCode.SPEECH_LIMIT_REACHED, () -> meeting.raiseHand(wang, NOW + 2_000));
    assertTrue(meeting.orderedQueue().isEmpty());
  }

  @Test
  @DisplayName("the second speech of a person is still allowed under the default limit")
  void secondHandAllowed() {
    spokeOnce(wang, "s1", NOW);

    assertEquals(1, meeting.raiseHand(wang, NOW + 1_000));
    assertTrue(currentMatter().mayStillSpeak(wang.id()));
  }

  @Test
  @DisplayName("a matter's own limit applies: with one speech per person the second hand is refused")
  void matterLimitOfOne() {
    meeting = new Meeting(MEETING_ID, "room", "议事会", Quorum.NONE, List.of(new Matter("m1", "加装电梯", 60, 1)));
    meeting.open(NOW);
    spokeOnce(wang, "s1", NOW);

    assertRefused(ErrorCode.SPEECH_LIMIT_REACHED, () -> meeting.raiseHand(wang, NOW + 1_000));
  }

  @Test
  @DisplayName("the limit counts only the person who spoke: others may still raise a hand")
  void limitIsPerPerson() {
    spokeOnce(wang, "s1", NOW);
    spokeOnce(wang, "s2", NOW + 1_000);

    assertEquals(1, meeting.raiseHand(li, NOW + 2_000));
    assertEquals(0, currentMatter().speechesBy(li.id()));
  }

  @Test
  @DisplayName("speech counts are kept per matter: moving to a new matter lets the person speak again")
  void newMatterResetsCount() {
    spokeOnce(wang, "s1", NOW);
    spokeOnce(wang, "s2", NOW + 1_000);

    meeting.gotoMatter(1);

    assertEquals(0, currentMatter().speechesBy(wang.id()));
    assertEquals(1, meeting.raiseHand(wang, NOW + 2_000));
    assertEquals(2, meeting.agenda().get(0).speechesBy(wang.id()));
  }

  @Test
  @DisplayName("returning to a matter keeps the speeches already made on it")
  void returningKeepsCount() {
    spokeOnce(wang, "s1", NOW);
    spokeOnce(wang, "s2", NOW + 1_000);
    meeting.gotoMatter(1);
    meeting.gotoMatter(0);

    assertRefused(ErrorCode.SPEECH_LIMIT_REACHED, () -> meeting.raiseHand(wang, NOW + 2_000));
  }

  // ---- 限时: the speech clock ----

  @Test
  @DisplayName("a speech is allowed the current matter's speechSeconds and ends that long after it started")
  void speechTimeFromMatter() {
    Floor floor = speak(wang, "s1", NOW);

    assertEquals(SPEECH_SECONDS * 1000L, floor.allowedMs());
    assertEquals(NOW, floor.startedAt());
    assertEquals(NOW + 90_000, floor.endsAt());
    assertEquals(90_000, floor.remainingMs(NOW));
    assertEquals(60_000, floor.remainingMs(NOW + 30_000));
    assertEquals(0, floor.remainingMs(NOW + 120_000));
  }

  @Test
  @DisplayName("each matter times speeches by its own speechSeconds")
  void speechTimeOfSecondMatter() {
    meeting.gotoMatter(1);

    assertEquals(Matter.DEFAULT_SPEECH_SECONDS * 1000L, speak(wang, "s1", NOW).allowedMs());
  }

  @Test
  @DisplayName("pausing freezes the remaining time and resuming pushes the end back by the pause")
  void pauseAndResume() {
    speak(wang, "s1", NOW);

    meeting.pauseSpeech(NOW + 10_000);
    assertTrue(meeting.floor().paused());
    assertNull(meeting.floor().endsAt());
    assertEquals(80_000, meeting.floor().remainingMs(NOW + 10_000));
    assertEquals(80_000, meeting.floor().remainingMs(NOW + 500_000));

    meeting.resumeSpeech(NOW + 40_000);
    assertFalse(meeting.floor().paused());
    assertEquals(80_000, meeting.floor().remainingMs(NOW + 40_000));
    assertEquals(NOW + 120_000, meeting.floor().endsAt());
    assertEquals(30_000, meeting.floor().remainingMs(NOW + 90_000));
  }

  @Test
  @DisplayName("extending a speech adds the seconds to its remaining time and moves its end")
  void extend() {
    speak(wang, "s1", NOW);

    meeting.extendSpeech(30);

    assertEquals(120_000, meeting.floor().allowedMs());
    assertEquals(110_000, meeting.floor().remainingMs(NOW + 10_000));
    assertEquals(NOW + 120_000, meeting.floor().endsAt());
  }

  @Test
  @DisplayName("extending a paused speech adds time and keeps it paused")
  void extendWhilePaused() {
    speak(wang, "s1", NOW);
    meeting.pauseSpeech(NOW + 10_000);

    meeting.extendSpeech(60);

    assertTrue(meeting.floor().paused());
    assertEquals(140_000, meeting.floor().remainingMs(NOW + 70_000));
  }

  @Test
  @DisplayName("a speech does not expire before its time is up")
  void noExpiryBeforeTime() {
    speak(wang, "s1", NOW);

    assertNull(meeting.expireSpeech("s1", NOW + 89_999));
    assertEquals("s1", meeting.floor().speechId());
  }

  @Test
  @DisplayName("a speech expires when its time is up, and expiring it again changes nothing")
  void expiryAtTimeIsIdempotent() {
    speak(wang, "s1", NOW);

    assertNotNull(meeting.expireSpeech("s1", NOW + 90_000));
    assertNull(meeting.floor());
    assertNull(meeting.expireSpeech("s1", NOW + 90_001));
    assertNull(meeting.floor());
  }

  @Test
  @DisplayName("a paused speech never expires, however late")
  void pausedDoesNotExpire() {
    speak(wang, "s1", NOW);
    meeting.pauseSpeech(NOW + 10_000);

    assertNull(meeting.expireSpeech("s1", NOW + 1_000_000));
    assertEquals("s1", meeting.floor().speechId());
  }

  @Test
  @DisplayName("a speech the host paused just as its time ran out is left to the host, not ended by the clock")
  void pausedAtZeroDoesNotExpire() {
    speak(wang, "s1", NOW);
    meeting.pauseSpeech(NOW + 90_000);

    assertEquals(0, meeting.floor().remainingMs(NOW + 95_000));
    assertNull(meeting.expireSpeech("s1", NOW + 95_000));
    assertTrue(meeting.floor().paused());
  }

  @Test
  @DisplayName("after a pause the speech expires at its shifted end, not its original one")
  void expiryAfterResumeUsesShiftedEnd() {
    speak(wang, "s1", NOW);
    meeting.pauseSpeech(NOW + 10_000);
    meeting.resumeSpeech(NOW + 40_000);

    assertNull(meeting.expireSpeech("s1", NOW + 90_000));
    assertNotNull(meeting.expireSpeech("s1", NOW + 120_000));
  }

  @Test
  @DisplayName("an extended speech does not expire at its original end")
  void extendedDoesNotExpireEarly() {
    speak(wang, "s1", NOW);
    meeting.extendSpeech(30);

    assertNull(meeting.expireSpeech("s1", NOW + 90_000));
    assertNotNull(meeting.expireSpeech("s1", NOW + 120_000));
  }

  @Test
  @DisplayName("a late timer for an earlier speech does not end the next speaker's speech")
  void expiryOnlyForSameSpeech() {
    speak(wang, "s1", NOW);
    meeting.endSpeech(NOW);
    speak(li, "s2", NOW + 1_000);

    assertNull(meeting.expireSpeech("s1", NOW + 500_000));
    assertEquals("s2", meeting.floor().speechId());
  }

  @Test
  @DisplayName("giving the floor while someone speaks is refused with FLOOR_TAKEN and the waiting hand stays queued")
  void floorTaken() {
    speak(wang, "s1", NOW);
    meeting.raiseHand(li, NOW + 1_000);

    assertRefused(ErrorCode.FLOOR_TAKEN, () -> meeting.giveFloor(null, "s2", NOW + 2_000));
    assertEquals(wang.id(), meeting.floor().attendeeId());
    assertEquals(1, meeting.positionOf(li.id()));
  }

  @Test
  @DisplayName("pausing, resuming, extending or ending with nobody speaking is refused with NO_SPEECH")
  void noSpeech() {
    assertRefused(ErrorCode.NO_SPEECH, () -> meeting.pauseSpeech(NOW));
    assertRefused(ErrorCode.NO_SPEECH, () -> meeting.resumeSpeech(NOW));
    assertRefused(ErrorCode.NO_SPEECH, () -> meeting.extendSpeech(30));
    assertRefused(ErrorCode.NO_SPEECH, () -> meeting.endSpeech(NOW));
  }

  @Test
  @DisplayName("pausing a paused speech is refused with SPEECH_PAUSED and keeps the first pause time")
  void pauseTwice() {
    speak(wang, "s1", NOW);
    meeting.pauseSpeech(NOW + 10_000);

    assertRefused(ErrorCode.SPEECH_PAUSED, () -> meeting.pauseSpeech(NOW + 20_000));
    assertEquals(NOW + 10_000, meeting.floor().pausedAt());
  }

  @Test
  @DisplayName("resuming a running speech is refused with SPEECH_RUNNING")
  void resumeRunning() {
    speak(wang, "s1", NOW);

    assertRefused(ErrorCode.SPEECH_RUNNING, () -> meeting.resumeSpeech(NOW + 10_000));
    assertEquals(0, meeting.floor().pausedMs());
  }

  // ---- 一事一议: one matter at a time ----

  @Test
  @DisplayName("moving to another matter while someone speaks is refused with MATTER_BUSY")
  void gotoWhileSpeaking() {
    speak(wang, "s1", NOW);

    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.gotoMatter(1));
    assertEquals("m1", currentMatter().id());
  }

  @Test
  @DisplayName("moving to another matter while a vote is open is refused with MATTER_BUSY")
  void gotoWhileVoting() {
    openVote("v1");

    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.gotoMatter(1));
    assertEquals("m1", currentMatter().id());
  }

  @Test
  @DisplayName("closing the meeting while someone speaks or a vote is open is refused with MATTER_BUSY")
  void closeWhileBusy() {
    speak(wang, "s1", NOW);
    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.close(NOW));
    meeting.endSpeech(NOW);
    openVote("v1");
    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.close(NOW));

    assertEquals(Meeting.Status.OPEN, meeting.status());
  }

  @Test
  @DisplayName("opening a vote while someone speaks is refused with MATTER_BUSY")
  void voteWhileSpeaking() {
    speak(wang, "s1", NOW);

    assertRefused(ErrorCode.MATTER_BUSY, () -> openVote("v1"));
    assertNull(meeting.vote());
  }

  @Test
  @DisplayName("giving the floor while a vote is open is refused with MATTER_BUSY")
  void floorWhileVoting() {
    meeting.raiseHand(wang, NOW);
    openVote("v1");

    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.giveFloor(null, "s1", NOW + 1_000));
    assertNull(meeting.floor());
    assertEquals(0, currentMatter().speechesBy(wang.id()));
  }

  @Test
  @DisplayName("once the vote is closed and its result announced the meeting may move on to the next matter")
  void gotoAfterVoteClosed() {
    openVote("v1");
    meeting.closeVote(new Tally(2, 0, 0), new Quorum.Attendance(3, 3, 2), null, NOW + 1_000);
    meeting.announceResult(NOW + 2_000);

    meeting.gotoMatter(1);

    assertEquals("m2", currentMatter().id());
  }

  @Test
  @DisplayName("every room action on a meeting not yet opened is refused with MEETING_NOT_OPEN")
  void notOpenYet() {
    Meeting scheduled = scheduledMeeting();

    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.raiseHand(wang, NOW));
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.withdrawHand(wang.id()));
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.giveFloor(null, "s1", NOW));
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.pauseSpeech(NOW));
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.gotoMatter(0));
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> scheduled.close(NOW));
    assertRefused(ErrorCode.MEETING_NOT_OPEN,
        () -> scheduled.openVote("v1", "动议", VoteRules.DEFAULT, new Quorum.Attendance(3, 3, 3), null, NOW));
  }

  @Test
  @DisplayName("after the meeting is closed, every room action is refused with MEETING_CLOSED, not as if it had not begun")
  void closedMeeting() {
    meeting.raiseHand(li, NOW);
    assertEquals(1, meeting.close(NOW));

    assertEquals(Meeting.Status.CLOSED, meeting.status());
    assertTrue(meeting.orderedQueue().isEmpty());
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.raiseHand(wang, NOW + 1_000));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.withdrawHand(li.id()));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.giveFloor(null, "s1", NOW + 1_000));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.gotoMatter(1));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.endSpeech(NOW));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> openVote("v1"));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.close(NOW));
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.addMatter(new Matter("m9", "新议题", 60, 1)));
  }

  @Test
  @DisplayName("opening starts at the first matter of the agenda")
  void openStartsAtFirstMatter() {
    Meeting scheduled = scheduledMeeting();
    assertTrue(scheduled.currentMatter().isEmpty());

    scheduled.open(NOW);

    assertEquals(Meeting.Status.OPEN, scheduled.status());
    assertEquals("m1", scheduled.currentMatter().orElseThrow().id());
  }

  @Test
  @DisplayName("opening an open or a closed meeting is refused with MEETING_ALREADY_OPEN")
  void openTwice() {
    assertRefused(ErrorCode.MEETING_ALREADY_OPEN, () -> meeting.open(NOW));
    meeting.close(NOW);
    assertRefused(ErrorCode.MEETING_ALREADY_OPEN, () -> meeting.open(NOW));
    assertEquals(Meeting.Status.CLOSED, meeting.status());
  }

  @Test
  @DisplayName("a meeting with an empty agenda has no current matter to raise hands on (NO_CURRENT_MATTER)")
  void emptyAgenda() {
    Meeting empty = new Meeting(MEETING_ID, "room", "议事会", Quorum.NONE, List.of());
    empty.open(NOW);

    assertRefused(ErrorCode.NO_CURRENT_MATTER, () -> empty.raiseHand(wang, NOW));
  }

  @Test
  @DisplayName("moving to a matter outside the agenda is refused with NOT_FOUND and keeps the current matter")
  void gotoOutOfRange() {
    meeting.gotoMatter(1);

    assertRefused(ErrorCode.NOT_FOUND, () -> meeting.gotoMatter(2));
    assertRefused(ErrorCode.NOT_FOUND, () -> meeting.gotoMatter(-1));
    assertEquals("m2", currentMatter().id());
  }

  @Test
  @DisplayName("moving to another matter clears the raised hands of the previous one")
  void gotoClearsQueue() {
    meeting.raiseHand(wang, NOW);
    meeting.raiseHand(li, NOW + 10);

    meeting.gotoMatter(1);

    assertTrue(meeting.orderedQueue().isEmpty());
    assertEquals(0, meeting.positionOf(wang.id()));
  }

  // ---- helpers ----

  private static Meeting scheduledMeeting() {
    return new Meeting(MEETING_ID, String.format("%024x", 0xB0), "仓后街议事会", Quorum.ofCount(3), List.of(
        new Matter("m1", "楼道堆物清理", SPEECH_SECONDS, Matter.DEFAULT_SPEECHES_PER_PERSON),
        new Matter("m2", "电动车充电棚", Matter.DEFAULT_SPEECH_SECONDS, Matter.DEFAULT_SPEECHES_PER_PERSON)));
  }

  private static Attendee present(int n, String name) {
    return new Attendee(String.format("%024x", n), MEETING_ID, name, AttendeeKind.RESIDENT_REP, false,
        NOW - 60_000, String.format("%024x", 0x100 + n));
  }

  /** Raises the attendee's hand and gives them the floor at {@code at}; the speech keeps running. */
  private Floor speak(Attendee who, String speechId, long at) {
    meeting.raiseHand(who, at);
    return meeting.giveFloor(who.id(), speechId, at);
  }

  /** A whole speech: the hand, the floor, and the host ending it. */
  private void spokeOnce(Attendee who, String speechId, long at) {
    speak(who, speechId, at);
    meeting.endSpeech(NOW);
  }

  private void openVote(String voteId) {
    meeting.openVote(voteId, "同意清理楼道堆物", VoteRules.DEFAULT, new Quorum.Attendance(3, 3, 3), null, NOW);
  }

  private Matter currentMatter() {
    return meeting.currentMatter().orElseThrow();
  }

  private static void assertRefused(ErrorCode expected, Executable action) {
    assertEquals(expected, assertThrows(Failure.class, action).code());
  }
}
