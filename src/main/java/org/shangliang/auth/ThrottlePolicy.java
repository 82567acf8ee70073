package org.shangliang.auth;

/**
 * How failed sign-ins slow down further attempts for one key, an account name or a network address:
 * a few failures are free, then each further attempt waits twice as long as the one before, and the
 * failure that reaches {@code lockAfter} locks the key for {@code lockMs} (and every failure after
 * it, until the count is forgotten, locks it again). Plain rules over plain state, tested alone.
 */
public record ThrottlePolicy(int freeFailures, long firstDelayMs, int lockAfter, long lockMs, long forgetMs) {
  /** Per account: 5 failures free, then waits of 1, 2, 4, 8 and 16 s; the 10th locks it for 15 minutes. */
  public static final ThrottlePolicy ACCOUNT = new ThrottlePolicy(5, 1_000, 10, 15 * 60_000L, 24 * 3600_000L);
  /**
   * Per network address: several people may sign in from one office (or through one proxy), and a
   * password tried against many accounts is caught here; 20 failures free, the 30th locks.
   */
  public static final ThrottlePolicy ADDRESS = new ThrottlePolicy(20, 1_000, 30, 15 * 60_000L, 3600_000L);

  /**
   * One key's record: attempts counted as failures, when the last was let in, the earliest time the
   * next may come, and the end of a lock (0: none).
   */
  public record Strikes(int failures, long lastAt, long nextAt, long lockedUntil) {
    public static final Strikes NONE = new Strikes(0, 0, 0, 0);
  }

  /** The strikes as they stand at {@code now}: forgotten once no attempt came for {@code forgetMs} and no lock holds. */
  public Strikes current(Strikes strikes, long now) {
    return strikes.lockedUntil() <= now && now - strikes.lastAt() > forgetMs ? Strikes.NONE : strikes;
  }

  /** How long an attempt at {@code now} must still wait; 0 lets it in. */
  public long waitMs(Strikes strikes, long now) {
    return Math.max(0, Math.max(strikes.nextAt(), strikes.lockedUntil()) - now);
  }

  /**
   * The strikes once an attempt is let in. It counts as a failure from the start, so attempts sent
   * at the same moment cannot all slip through before the first answer; a right password takes it back.
   */
  public Strikes admit(Strikes strikes, long now) {
    int failures = strikes.failures() + 1;
    long lockedUntil = failures >= lockAfter ? now + lockMs : strikes.lockedUntil();
    return new Strikes(failures, now, now + delayAfter(failures), lockedUntil);
  }

  /** The wait after this many failures: none for the free ones, then doubling, never longer than a lock. */
  public long delayAfter(int failures) {
    if (failures < freeFailures) {
      return 0;
    }
    int doublings = Math.min(failures - freeFailures, 30);
    return Math.min(firstDelayMs << doublings, lockMs);
  }

  /** Whether letting an attempt in took {@code before} to a new lock. */
  public boolean locks(Strikes before, Strikes after) {
    return after.lockedUntil() != before.lockedUntil();
  }
}
