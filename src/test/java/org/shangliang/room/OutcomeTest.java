package org.shangliang.room;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 简单多数: a motion passes when the votes for are more than half of the chosen base. */
class OutcomeTest {

  // ---- FOR_AGAINST ----

  @Test
  @DisplayName("over votes for and against, more for than against passes")
  void forAgainstPasses() {
    Outcome outcome = Outcome.decide(new Tally(3, 2, 0), MajorityBase.FOR_AGAINST, 9, null);

    assertPassed(outcome);
    assertEquals(5, outcome.base());
  }

  @Test
  @DisplayName("over votes for and against, fewer for than against fails as NOT_MAJORITY")
  void forAgainstFails() {
    Outcome outcome = Outcome.decide(new Tally(2, 3, 0), MajorityBase.FOR_AGAINST, 9, null);

    assertFailed(Outcome.Reason.NOT_MAJORITY, outcome);
  }

  @Test
  @DisplayName("over votes for and against, as many for as against is a TIE and fails")
  void forAgainstTie() {
    Outcome outcome = Outcome.decide(new Tally(2, 2, 4), MajorityBase.FOR_AGAINST, 9, null);

    assertFailed(Outcome.Reason.TIE, outcome);
    assertEquals(4, outcome.base());
  }

  @Test
  @DisplayName("over votes for and against, abstentions change nothing")
  void forAgainstIgnoresAbstentions() {
    Outcome without = Outcome.decide(new Tally(3, 2, 0), MajorityBase.FOR_AGAINST, 20, null);
    Outcome with = Outcome.decide(new Tally(3, 2, 10), MajorityBase.FOR_AGAINST, 20, null);

    assertPassed(with);
    assertEquals(without.base(), with.base());
    assertEquals(without.reason(), with.reason());
  }

  // ---- CAST ----

  @Test
  @DisplayName("over ballots cast, more than half for passes")
  void castPasses() {
    Outcome outcome = Outcome.decide(new Tally(4, 2, 1), MajorityBase.CAST, 9, null);

    assertPassed(outcome);
    assertEquals(7, outcome.base());
  }

  @Test
  @DisplayName("over ballots cast, abstentions count: more for than against can still fail as NOT_MAJORITY")
  void castCountsAbstentions() {
    Tally tally = new Tally(3, 2, 2);

    assertPassed(Outcome.decide(tally, MajorityBase.FOR_AGAINST, 9, null));
    Outcome outcome = Outcome.decide(tally, MajorityBase.CAST, 9, null);
    assertFailed(Outcome.Reason.NOT_MAJORITY, outcome);
    assertEquals(7, outcome.base());
  }

  @Test
  @DisplayName("over ballots cast, exactly half for is a TIE and fails")
  void castTie() {
    Outcome outcome = Outcome.decide(new Tally(3, 1, 2), MajorityBase.CAST, 9, null);

    assertFailed(Outcome.Reason.TIE, outcome);
    assertEquals(6, outcome.base());
  }

  // ---- PRESENT ----

  @Test
  @DisplayName("over entitled attendees present, more than half of them for passes")
  void presentPasses() {
    Outcome outcome = Outcome.decide(new Tally(5, 0, 0), MajorityBase.PRESENT, 9, null);

    assertPassed(outcome);
    assertEquals(9, outcome.base());
    assertEquals(9, outcome.entitled());
  }

  @Test
  @DisplayName("over entitled attendees present, those who did not vote count against a pass")
  void presentCountsNonVoters() {
    Tally tally = new Tally(5, 1, 0);

    assertPassed(Outcome.decide(tally, MajorityBase.CAST, 11, null));
    Outcome outcome = Outcome.decide(tally, MajorityBase.PRESENT, 11, null);
    assertFailed(Outcome.Reason.NOT_MAJORITY, outcome);
    assertEquals(11, outcome.base());
  }

  @Test
  @DisplayName("over entitled attendees present, exactly half of them for is a TIE and fails")
  void presentTie() {
    Outcome outcome = Outcome.decide(new Tally(5, 3, 1), MajorityBase.PRESENT, 10, null);

    assertFailed(Outcome.Reason.TIE, outcome);
    assertEquals(10, outcome.base());
  }

  // ---- quorum ----

  @Test
  @DisplayName("fewer ballots than the quorum fails as NO_QUORUM even when every ballot is for")
  void belowQuorum() {
    Outcome outcome = Outcome.decide(new Tally(4, 0, 0), MajorityBase.FOR_AGAINST, 9, 5);

    assertFailed(Outcome.Reason.NO_QUORUM, outcome);
  }

  @Test
  @DisplayName("exactly the quorum of ballots is decided by the majority: a pass")
  void exactQuorumPasses() {
    Outcome outcome = Outcome.decide(new Tally(3, 2, 0), MajorityBase.CAST, 9, 5);

    assertPassed(outcome);
  }

  @Test
  @DisplayName("exactly the quorum of ballots is decided by the majority: a tie still fails as TIE")
  void exactQuorumTie() {
    Outcome outcome = Outcome.decide(new Tally(2, 2, 1), MajorityBase.FOR_AGAINST, 9, 5);

    assertFailed(Outcome.Reason.TIE, outcome);
  }

  @Test
  @DisplayName("abstentions count towards the quorum of ballots cast")
  void abstentionsMakeQuorum() {
    Outcome outcome = Outcome.decide(new Tally(3, 0, 2), MajorityBase.FOR_AGAINST, 9, 5);

    assertPassed(outcome);
  }

  // ---- zero ballots ----

  @Test
  @DisplayName("with no ballots at all nothing passes, on any base")
  void zeroBallots() {
    for (MajorityBase base : MajorityBase.values()) {
      Outcome outcome = Outcome.decide(Tally.EMPTY, base, 4, null);
      assertFailed(Outcome.Reason.NOT_MAJORITY, outcome);
    }
  }

  @Test
  @DisplayName("with no ballots and nobody entitled present, the motion fails rather than passing or tying")
  void zeroBallotsNobodyPresent() {
    Outcome outcome = Outcome.decide(Tally.EMPTY, MajorityBase.PRESENT, 0, null);

    assertFailed(Outcome.Reason.NOT_MAJORITY, outcome);
    assertEquals(0, outcome.base());
  }

  @Test
  @DisplayName("with no ballots and a quorum, the motion fails as NO_QUORUM")
  void zeroBallotsWithQuorum() {
    Outcome outcome = Outcome.decide(Tally.EMPTY, MajorityBase.CAST, 4, 1);

    assertFailed(Outcome.Reason.NO_QUORUM, outcome);
  }

  // ---- stored form ----

  @Test
  @DisplayName("an outcome reads back from its stored form unchanged")
  void jsonRoundTrip() {
    Outcome outcome = Outcome.decide(new Tally(4, 2, 1), MajorityBase.PRESENT, 9, 5);

    assertEquals(outcome, Outcome.fromJson(outcome.toJson()));
    assertEquals(7, outcome.toJson().getInteger("cast"));
  }

  // ---- helpers ----

  private static void assertPassed(Outcome outcome) {
    assertTrue(outcome.passed(), () -> "expected a pass: " + outcome);
    assertEquals(Outcome.Reason.PASSED, outcome.reason());
  }

  private static void assertFailed(Outcome.Reason reason, Outcome outcome) {
    assertFalse(outcome.passed(), () -> "expected a failure: " + outcome);
    assertEquals(reason, outcome.reason(), () -> outcome.toString());
  }
}
