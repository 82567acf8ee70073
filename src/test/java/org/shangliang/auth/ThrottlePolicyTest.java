package org.shangliang.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.auth.ThrottlePolicy.Strikes;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in throttle's rules on their own. */
class ThrottlePolicyTest {
  static final ThrottlePolicy ACCOUNT = ThrottlePolicy.ACCOUNT;
  static final long MINUTE = 60_000;

  /** Fails {@code n} times, each as soon as it is let in; answers the waits seen after each failure. */
  static List<Long> failQuickly(ThrottlePolicy policy, Strikes[] state, long[] clock, int n) {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clock[0] += policy.waitMs(state[0], clock[0]);
      state[0] = policy.admit(policy.current(state[0], clock[0]), clock[0]);
      waits.add(policy.waitMs(state[0], clock[0]));
    }
    return waits;
  }

  @Test
  @DisplayName("an account gets five failures free, then waits of 1, 2, 4, 8 and 16 s, and the tenth failure locks it for 15 minutes")
  void accountSchedule() {
    Strikes[] state = {Strikes.NONE};
    long[] clock = {1_000_000};
    List<Long> waits = failQuickly(ACCOUNT, state, clock, 10);
    assertEquals(List.of(0L, 0L, 0L, 0L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 15 * MINUTE), waits);
  }

  @Test
  @DisplayName("after a lock runs out one more failure locks again, and the lock begins only on the failure that reaches it")
  void relock() {
    Strikes[] state = {Strikes.NONE};
    long[] clock = {1_000_000};
    failQuickly(ACCOUNT, state, clock, 9);
    Strikes beforeTenth = state[0];
    clock[0] += ACCOUNT.waitMs(beforeTenth, clock[0]);
    Strikes tenth = ACCOUNT.admit(beforeTenth, clock[0]);
    assertTrue(ACCOUNT.locks(beforeTenth, tenth));
    clock[0] = tenth.lockedUntil();
    assertEquals(0, ACCOUNT.waitMs(tenth, clock[0]), "the lock is over");
    Strikes eleventh = ACCOUNT.admit(ACCOUNT.current(tenth, clock[0]), clock[0]);
    assertTrue(ACCOUNT.locks(tenth, eleventh));
    assertEquals(15 * MINUTE, ACCOUNT.waitMs(eleventh, clock[0]));
    assertFalse(ACCOUNT.locks(Strikes.NONE, ACCOUNT.admit(Strikes.NONE, clock[0])));
  }

  @Test
  @DisplayName("failures are forgotten after a day without attempts, never while a lock holds")
  void forgetting() {
    Strikes[] state = {Strikes.NONE};
    long[] clock = {1_000_000};
    failQuickly(ACCOUNT, state, clock, 7);
    assertEquals(state[0], ACCOUNT.current(state[0], clock[0] + 23 * 60 * MINUTE));
    assertEquals(Strikes.NONE, ACCOUNT.current(state[0], clock[0] + 25 * 60 * MINUTE));
    Strikes locked = new Strikes(10, 0, 0, clock[0] + 30 * 60 * MINUTE);
    assertEquals(locked, ACCOUNT.current(locked, clock[0] + 25 * 60 * MINUTE));
  }

  @Test
  @DisplayName("an address gets twenty failures free and never waits longer than a lock")
  void addressSchedule() {
    Strikes[] state = {Strikes.NONE};
    long[] clock = {1_000_000};
    List<Long> waits = failQuickly(ThrottlePolicy.ADDRESS, state, clock, 30);
    assertTrue(waits.subList(0, 19).stream().allMatch(w -> w == 0));
    assertEquals(1_000L, waits.get(19));
    assertEquals(512_000L, waits.get(28));
    assertEquals(15 * MINUTE, waits.get(29));
    assertEquals(15 * MINUTE, ThrottlePolicy.ADDRESS.delayAfter(1_000));
  }
}
