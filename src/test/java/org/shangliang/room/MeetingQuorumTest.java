package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 法定人数 and the rules of a vote: what the meeting refuses before a vote can go wrong. */
class MeetingQuorumTest {
  private static final String MEETING_ID = String.format("%024x", 0xA0);
  private static final long NOW = 1_000_000L;
  private static final String MOTION = "同意在3号楼北侧加装电动车充电棚";
  private static final VoteRules NAMED = VoteRules.DEFAULT;

  private Meeting meeting;

  @BeforeEach
  void openMeeting() {
    meeting = new Meeting(MEETING_ID, "room", "仓后街议事会", Quorum.ofCount(5),
        new ArrayList<>(List.of(new Matter("m1", "电动车充电棚", 120, 2))));
    meeting.open(NOW);
  }

  // ---- counting the quorum ----

  @Test
  @DisplayName("a quorum given as a fraction of those invited rounds up: half of 9 invited is 5")
  void fractionRoundsUp() {
    Quorum half = new Quorum(null, 0.5, false);
    assertEquals(5, half.required(9));
    assertEquals(5, half.required(10));
    assertEquals(7, new Quorum(null, 2.0 / 3, false).required(10));
    assertEquals(0, Quorum.NONE.required(10));
  }

  @Test
  @DisplayName("walk-ins count towards the quorum only when the meeting says so; the invited who have not checked in never do")
  void walkInsCountOnlyWhenAllowed() {
    List<Attendee> people = List.of(invited(1, true), invited(2, true), invited(3, false), walkIn(4), walkIn(5));

    Quorum.Attendance without = Quorum.ofCount(3).attendance(people, false);
    Quorum.Attendance with = new Quorum(3, null, true).attendance(people, false);

    assertEquals(2, without.present());
    assertFalse(without.quorumMet());
    assertEquals(4, with.present());
    assertTrue(with.quorumMet());
    assertEquals(2, with.entitled());
    assertEquals(4, Quorum.ofCount(3).attendance(people, true).entitled());
  }

  @Test
  @DisplayName("a quorum stored as a plain number by an older version reads as that number of people")
  void storedNumberReads() {
    assertEquals(Quorum.ofCount(5), Quorum.fromJson(5));
    assertEquals(new Quorum(null, 0.5, true),
        Quorum.fromJson(new JsonObject().put("fraction", 0.5).put("walkInsCount", true)));
  }

  // ---- opening and closing below the quorum ----

  @Test
  @DisplayName("with 4 of 5 required present a vote is refused with QUORUM_NOT_MET and nothing opens")
  void belowQuorumRefused() {
    Failure refused = assertThrows(Failure.class, () -> open(present(4), null));

    assertEquals(ErrorCode.QUORUM_NOT_MET, refused.code());
    assertTrue(refused.getMessage().contains("4") && refused.getMessage().contains("5"), refused.getMessage());
    assertNull(meeting.vote());
  }

  @Test
  @DisplayName("a host may hold the vote below the quorum with a reason, which stays with the vote and its outcome")
  void overrideRecorded() {
    QuorumOverride override = new QuorumOverride("暴雨，部分代表无法到场，经到会代表同意照常表决", "王主任", NOW, present(4));
    open(present(4), override);

    assertEquals(override, meeting.vote().quorumOverride());
    Outcome outcome = meeting.closeVote(new Tally(3, 1, 0), present(4), null, NOW + 60_000);

    assertTrue(outcome.belowQuorum());
    assertEquals(override, outcome.quorumOverride());
    JsonObject json = outcome.toJson();
    assertTrue(json.getBoolean("belowQuorum"));
    assertEquals(override.reason(), json.getJsonObject("quorumOverride").getString("reason"));
    assertEquals(4, json.getJsonObject("quorumOverride").getInteger("present"));
    assertEquals(5, json.getJsonObject("quorumOverride").getInteger("required"));
  }

  @Test
  @DisplayName("a vote met at opening is checked again at closing: people who left make closing need a reason too")
  void checkedAgainAtClose() {
    open(present(5), null);
    assertNull(meeting.vote().quorumOverride());

    assertRefused(ErrorCode.QUORUM_NOT_MET, () -> meeting.closeVote(new Tally(3, 0, 0), present(3), null, NOW + 10));
    assertRefused(ErrorCode.QUORUM_NOT_MET, () -> meeting.requireQuorumToClose(present(3), null));
    assertTrue(meeting.vote().open());

    QuorumOverride reason = new QuorumOverride("两位代表因急事离场，表决已过半", "李网格员", NOW + 20, present(3));
    Outcome outcome = meeting.closeVote(new Tally(3, 0, 0), present(3), reason, NOW + 20);
    assertTrue(outcome.belowQuorum());
    assertEquals(3, outcome.attendance().present());
  }

  @Test
  @DisplayName("a vote that met its quorum throughout records no override, even if the host sent a reason")
  void noOverrideWhenMet() {
    QuorumOverride needless = new QuorumOverride("以防万一", "王主任", NOW, present(6));
    open(present(6), needless);
    Outcome outcome = meeting.closeVote(new Tally(4, 2, 0), present(6), needless, NOW + 10);

    assertNull(meeting.vote().quorumOverride());
    assertFalse(outcome.belowQuorum());
    assertTrue(outcome.attendance().quorumMet());
  }

  @Test
  @DisplayName("the quorum can be changed before the meeting opens, never after")
  void quorumFixedOnceOpen() {
    Meeting scheduled = new Meeting(MEETING_ID, "room", "议事会", Quorum.ofCount(5), new ArrayList<>());
    scheduled.changeQuorum(new Quorum(null, 0.5, true));
    assertEquals(new Quorum(null, 0.5, true), scheduled.quorum());

    assertRefused(ErrorCode.MEETING_ALREADY_OPEN, () -> meeting.changeQuorum(Quorum.ofCount(1)));
    assertEquals(Quorum.ofCount(5), meeting.quorum());
  }

  // ---- vote settings that can never work ----

  @Test
  @DisplayName("a minimum of 6 ballots with 5 entitled present is refused with MINIMUM_BALLOTS_UNREACHABLE")
  void unreachableMinimum() {
    VoteRules six = new VoteRules(false, false, true, MajorityBase.CAST, 6);

    assertRefused(ErrorCode.MINIMUM_BALLOTS_UNREACHABLE,
        () -> meeting.openVote("v1", MOTION, six, new Quorum.Attendance(5, 5, 5), null, NOW));
    assertNull(meeting.vote());
    meeting.openVote("v1", MOTION, new VoteRules(false, false, true, MajorityBase.CAST, 5),
        new Quorum.Attendance(5, 5, 5), null, NOW);
  }

  @Test
  @DisplayName("a secret vote with a live tally is refused with LIVE_TALLY_NAMED_ONLY")
  void secretLiveTallyRefused() {
    JsonObject asked = new JsonObject().put("secret", true).put("walkInsVote", false).put("liveTally", true)
        .put("base", "FOR_AGAINST");

    assertRefused(ErrorCode.LIVE_TALLY_NAMED_ONLY, () -> VoteRules.requested(asked));
    assertTrue(VoteRules.requested(asked.put("liveTally", false)).secret());
  }

  @Test
  @DisplayName("a secret vote stored with a live tally by an older version reads as without one")
  void storedSecretLiveTallyReadsHidden() {
    VoteRules stored = VoteRules.fromJson(new JsonObject().put("secret", true).put("liveTally", true).put("base", "CAST"));

    assertTrue(stored.secret());
    assertFalse(stored.liveTally());
    assertFalse(stored.countsVisibleWhileOpen());
  }

  @Test
  @DisplayName("a matter keeps its own vote rules through its stored form")
  void matterRulesRoundTrip() {
    VoteRules secret = new VoteRules(true, true, false, MajorityBase.PRESENT, 3);
    Matter matter = new Matter("m2", "楼道堆物清理", 120, 2, secret);

    assertEquals(secret, Matter.fromJson(new JsonObject(matter.toJson().encode())).voteRules());
    assertEquals(VoteRules.DEFAULT, Matter.fromJson(new JsonObject().put("id", "m3").put("title", "旧议题")).voteRules());
  }

  // ---- helpers ----

  private void open(Quorum.Attendance attendance, QuorumOverride override) {
    meeting.openVote("v1", MOTION, NAMED, attendance, override, NOW);
  }

  /** This many present against the meeting's quorum of 5, all entitled to vote. */
  private static Quorum.Attendance present(int n) {
    return new Quorum.Attendance(n, 5, n);
  }

  private static Attendee invited(int n, boolean checkedIn) {
    return new Attendee(String.format("%024x", n), MEETING_ID, "代表" + n, AttendeeKind.RESIDENT_REP, false,
        checkedIn ? NOW : null, checkedIn ? "kiosk" : null);
  }

  private static Attendee walkIn(int n) {
    return new Attendee(String.format("%024x", n), MEETING_ID, "居民" + n, AttendeeKind.RESIDENT, true, NOW, "kiosk");
  }

  private static void assertRefused(ErrorCode expected, Executable action) {
    assertEquals(expected, assertThrows(Failure.class, action).code());
  }
}
