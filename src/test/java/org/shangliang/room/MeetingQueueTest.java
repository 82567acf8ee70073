package org.shangliang.room;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 举手发言: who waits for the floor, in which order, and who gets it. */
class MeetingQueueTest {
  private static final String MEETING_ID = String.format("%024x", 0xA0);
  private static final long NOW = 1_000_000L;

  private final Attendee wang = present(1, "王阿姨");
  private final Attendee li = present(2, "李师傅");
  private final Attendee zhao = present(3, "赵老师");
  private Meeting meeting;

  @BeforeEach
  void openMeeting() {
    meeting = new Meeting(MEETING_ID, String.format("%024x", 0xB0), "仓后街议事会", Quorum.ofCount(3),
        List.of(new Matter("m1", "楼道堆物清理", 120, Matter.DEFAULT_SPEECHES_PER_PERSON)));
    meeting.open(NOW);
  }

  @Test
  @DisplayName("hands of first-time speakers are served in the order they were raised")
  void firstRaisedFirstServed() {
    meeting.raiseHand(li, NOW + 10);
    meeting.raiseHand(wang, NOW + 20);
    meeting.raiseHand(zhao, NOW + 30);

    assertEquals(List.of(li.id(), wang.id(), zhao.id()), idsInOrder());
  }

  @Test
  @DisplayName("the queue orders by the time a hand was raised, not by when it was recorded")
  void orderedByRaisedAtNotInsertion() {
    meeting.raiseHand(wang, NOW + 50);
    meeting.raiseHand(li, NOW + 10);

    assertEquals(List.of(li.id(), wang.id()), idsInOrder());
  }

  @Test
  @DisplayName("someone who has already spoken on this matter waits behind everyone who has not, even if they raised first")
  void repeatSpeakersGoBehindFirstTimers() {
    speakOnce(wang);

    meeting.raiseHand(wang, NOW + 100);
    meeting.raiseHand(li, NOW + 200);
    meeting.raiseHand(zhao, NOW + 300);

    assertEquals(List.of(li.id(), zhao.id(), wang.id()), idsInOrder());
  }

  @Test
  @DisplayName("among repeat speakers, the one who raised first is served first")
  void repeatSpeakersByTimeRaised() {
    speakOnce(wang);
    speakOnce(li);

    meeting.raiseHand(li, NOW + 100);
    meeting.raiseHand(wang, NOW + 200);
    meeting.raiseHand(zhao, NOW + 300);

    assertEquals(List.of(zhao.id(), li.id(), wang.id()), idsInOrder());
  }

  @Test
  @DisplayName("on a matter with first-time speakers first switched off, hands are served first come, first served, repeat speakers included")
  void plainFirstComeWhenFirstTimersFirstIsOff() {
    meeting = new Meeting(MEETING_ID, String.format("%024x", 0xB0), "仓后街议事会", Quorum.ofCount(3),
        List.of(new Matter("m1", "楼道堆物清理", 120, 3, VoteRules.DEFAULT, new MatterSetup(false, List.of(), null))));
    meeting.open(NOW);
    speakOnce(wang);

    assertEquals(1, meeting.raiseHand(wang, NOW + 100));
    assertEquals(2, meeting.raiseHand(li, NOW + 200));
    assertEquals(3, meeting.raiseHand(zhao, NOW + 300));
    assertEquals(List.of(wang.id(), li.id(), zhao.id()), idsInOrder());

    Floor floor = meeting.giveFloor(null, "s2", NOW + 400);
    assertEquals(wang.id(), floor.attendeeId(), "the repeat speaker raised first and speaks first");
    assertEquals(2, meeting.currentMatter().orElseThrow().speechesBy(wang.id()));
  }

  @Test
  @DisplayName("raising a hand returns the 1-based place it will be served at, counting first-timers ahead of repeat speakers")
  void raiseHandReturnsServingPosition() {
    speakOnce(wang);

    assertEquals(1, meeting.raiseHand(wang, NOW + 100));
    assertEquals(1, meeting.raiseHand(li, NOW + 200));
    assertEquals(2, meeting.raiseHand(zhao, NOW + 300));
    assertEquals(3, meeting.positionOf(wang.id()));
  }

  @Test
  @DisplayName("someone without a raised hand has position 0")
  void noHandHasPositionZero() {
    meeting.raiseHand(li, NOW);

    assertEquals(0, meeting.positionOf(wang.id()));
  }

  @Test
  @DisplayName("giving the floor without a choice goes to the first hand in serving order and takes it off the queue")
  void giveFloorToNextInOrder() {
    speakOnce(wang);
    meeting.raiseHand(wang, NOW + 100);
    meeting.raiseHand(li, NOW + 200);

    Floor floor = meeting.giveFloor(null, "s2", NOW + 300);

    assertEquals(li.id(), floor.attendeeId());
    assertEquals("李师傅", floor.name());
    assertEquals("s2", floor.speechId());
    assertEquals(floor, meeting.floor());
    assertEquals(List.of(wang.id()), idsInOrder());
  }

  @Test
  @DisplayName("the host may give the floor to a chosen raised hand ahead of the queue order")
  void hostPicksChosenHand() {
    meeting.raiseHand(wang, NOW + 10);
    meeting.raiseHand(li, NOW + 20);
    meeting.raiseHand(zhao, NOW + 30);

    Floor floor = meeting.giveFloor(zhao.id(), "s1", NOW + 40);

    assertEquals(zhao.id(), floor.attendeeId());
    assertEquals(List.of(wang.id(), li.id()), idsInOrder());
    assertEquals(1, meeting.currentMatter().orElseThrow().speechesBy(zhao.id()));
    assertEquals(0, meeting.currentMatter().orElseThrow().speechesBy(wang.id()));
  }

  @Test
  @DisplayName("giving the floor when nobody has raised a hand is refused with QUEUE_EMPTY")
  void giveFloorWithNoHands() {
    assertRefused(ErrorCode.QUEUE_EMPTY, () -> meeting.giveFloor(null, "s1", NOW));
    assertNull(meeting.floor());
  }

  @Test
  @DisplayName("giving the floor to someone whose hand is not raised is refused with NOT_IN_QUEUE and changes nothing")
  void giveFloorToHandNotRaised() {
    meeting.raiseHand(wang, NOW);
    String before = meeting.toDocument().encode();

    assertRefused(ErrorCode.NOT_IN_QUEUE, () -> meeting.giveFloor(li.id(), "s1", NOW + 10));
    assertNull(meeting.floor());
    assertEquals(before, meeting.toDocument().encode());
  }

  @Test
  @DisplayName("raising a hand twice is refused with ALREADY_RAISED and keeps the first hand")
  void raisingTwiceIsRefused() {
    meeting.raiseHand(wang, NOW);

    assertRefused(ErrorCode.ALREADY_RAISED, () -> meeting.raiseHand(wang, NOW + 10));
    assertEquals(1, meeting.orderedQueue().size());
    assertEquals(NOW, meeting.orderedQueue().get(0).raisedAt());
  }

  @Test
  @DisplayName("the speaker cannot raise a hand while holding the floor (ALREADY_RAISED)")
  void speakerCannotRaiseHand() {
    meeting.raiseHand(wang, NOW);
    meeting.giveFloor(null, "s1", NOW + 10);

    assertRefused(ErrorCode.ALREADY_RAISED, () -> meeting.raiseHand(wang, NOW + 20));
    assertTrue(meeting.orderedQueue().isEmpty());
  }

  @Test
  @DisplayName("an attendee who has not checked in cannot raise a hand (NOT_CHECKED_IN)")
  void notCheckedInCannotRaise() {
    Attendee absent = new Attendee(String.format("%024x", 9), MEETING_ID, "缺席者", AttendeeKind.RESIDENT, false,
        null, null);

    assertRefused(ErrorCode.NOT_CHECKED_IN, () -> meeting.raiseHand(absent, NOW));
    assertTrue(meeting.orderedQueue().isEmpty());
  }

  @Test
  @DisplayName("withdrawing a hand takes it off the queue and moves those behind up")
  void withdrawMovesOthersUp() {
    meeting.raiseHand(wang, NOW + 10);
    meeting.raiseHand(li, NOW + 20);
    meeting.raiseHand(zhao, NOW + 30);

    meeting.withdrawHand(wang.id());

    assertEquals(List.of(li.id(), zhao.id()), idsInOrder());
    assertEquals(1, meeting.positionOf(li.id()));
    assertEquals(0, meeting.positionOf(wang.id()));
  }

  @Test
  @DisplayName("withdrawing without a raised hand is refused with NOT_IN_QUEUE")
  void withdrawWithoutHand() {
    meeting.raiseHand(li, NOW);

    assertRefused(ErrorCode.NOT_IN_QUEUE, () -> meeting.withdrawHand(wang.id()));
    assertEquals(List.of(li.id()), idsInOrder());
  }

  @Test
  @DisplayName("after withdrawing, a hand raised again goes to the back by its new time")
  void raiseAgainAfterWithdraw() {
    meeting.raiseHand(wang, NOW + 10);
    meeting.raiseHand(li, NOW + 20);
    meeting.withdrawHand(wang.id());

    assertEquals(2, meeting.raiseHand(wang, NOW + 30));
    assertEquals(List.of(li.id(), wang.id()), idsInOrder());
  }

  @Test
  @DisplayName("dropping the hand of someone who checks out removes it and reports true")
  void dropHandRemoves() {
    meeting.raiseHand(wang, NOW + 10);
    meeting.raiseHand(li, NOW + 20);

    assertTrue(meeting.dropHand(wang.id()));
    assertEquals(List.of(li.id()), idsInOrder());
  }

  @Test
  @DisplayName("dropping a hand that is not raised reports false and leaves the queue alone")
  void dropHandWithoutHand() {
    meeting.raiseHand(li, NOW);

    assertFalse(meeting.dropHand(wang.id()));
    assertEquals(List.of(li.id()), idsInOrder());
  }

  // ---- helpers ----

  private static Attendee present(int n, String name) {
    return new Attendee(String.format("%024x", n), MEETING_ID, name, AttendeeKind.RESIDENT_REP, false,
        NOW - 60_000, String.format("%024x", 0x100 + n));
  }

  private void speakOnce(Attendee who) {
    meeting.raiseHand(who, NOW - 1_000);
    meeting.giveFloor(who.id(), "earlier-" + who.id(), NOW - 900);
    meeting.endSpeech(NOW);
  }

  private List<String> idsInOrder() {
    return meeting.orderedQueue().stream().map(Hand::attendeeId).toList();
  }

  private static void assertRefused(ErrorCode expected, Executable action) {
    assertEquals(expected, assertThrows(Failure.class, action).code());
  }
}
