package org.shangliang.room;

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

/** The questionnaire (问卷) in the meeting's rules: opened at the end under close's guards, closed with the meeting. */
class MeetingSurveyTest {
  private static final long NOW = 1_000_000L;
  private final Meeting meeting = new Meeting(String.format("%024x", 0xA0), String.format("%024x", 0xB0), "仓后街议事会",
      Quorum.ofCount(1), List.of(new Matter("m1", "楼道堆物清理", 90, 2)));
  private final Attendee wang = new Attendee(String.format("%024x", 1), meeting.id(), "王阿姨", AttendeeKind.RESIDENT_REP, false,
      NOW - 60_000, String.format("%024x", 0x101));

  @Test
  @DisplayName("a survey opens only in an open meeting, once, and stays in the stored form")
  void opensOnceInAnOpenMeeting() {
    assertRefused(ErrorCode.MEETING_NOT_OPEN, () -> meeting.openSurvey(NOW));
    meeting.open(NOW);
    assertFalse(meeting.surveyOpen());
    meeting.openSurvey(NOW + 1);
    assertTrue(meeting.surveyOpen());
    assertRefused(ErrorCode.SURVEY_ALREADY_OPEN, () -> meeting.openSurvey(NOW + 2));
    Meeting stored = Meeting.fromDocument(meeting.toDocument());
    assertEquals(NOW + 1, stored.surveyOpenedAt());
    assertTrue(stored.surveyOpen());
    assertEquals(NOW + 1, meeting.toPublicJson(NOW).getLong("surveyOpenedAt"));
  }

  @Test
  @DisplayName("closing the meeting closes the survey; a closed meeting cannot open one")
  void closesWithTheMeeting() {
    meeting.open(NOW);
    meeting.openSurvey(NOW + 1);
    meeting.close(NOW + 2);
    assertFalse(meeting.surveyOpen());
    assertFalse(Meeting.fromDocument(meeting.toDocument()).surveyOpen());
    assertRefused(ErrorCode.MEETING_CLOSED, () -> meeting.openSurvey(NOW + 3));
  }

  @Test
  @DisplayName("while someone speaks, a vote is open or its result is not announced, the survey waits (MATTER_BUSY, RESULT_NOT_ANNOUNCED)")
  void waitsForTheMatterToBeIdle() {
    meeting.open(NOW);
    meeting.raiseHand(wang, NOW);
    meeting.giveFloor(wang.id(), "s1", NOW);
    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.openSurvey(NOW));
    meeting.endSpeech(NOW + 1_000);
    meeting.openVote("v1", "同意清理楼道堆物", VoteRules.DEFAULT, new Quorum.Attendance(1, 1, 1), null, NOW);
    assertRefused(ErrorCode.MATTER_BUSY, () -> meeting.openSurvey(NOW));
    meeting.closeVote(Tally.EMPTY, new Quorum.Attendance(1, 1, 1), null, NOW + 2_000);
    assertRefused(ErrorCode.RESULT_NOT_ANNOUNCED, () -> meeting.openSurvey(NOW));
    assertNull(meeting.surveyOpenedAt());
    meeting.announceResult(NOW + 3_000);
    meeting.openSurvey(NOW + 4_000);
    assertTrue(meeting.surveyOpen());
  }

  private static void assertRefused(ErrorCode expected, Executable action) {
    assertEquals(expected, assertThrows(Failure.class, action).code());
  }
}
