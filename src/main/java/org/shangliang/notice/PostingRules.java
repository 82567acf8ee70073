package org.shangliang.notice;

import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.Set;

/**
 * The community's rule that a meeting's plan, process and result are posted for at least seven
 * days (不少于7天的公示), as checks on a notice's period. Ending or retracting such a notice earlier
 * needs a recorded reason, e.g. a correction; other kinds of notice may end whenever staff decide.
 */
public final class PostingRules {
  public static final long MIN_POSTING_MS = 7L * 24 * 3600_000;
  private static final Set<NoticeKind> SEVEN_DAYS = Set.of(NoticeKind.PLAN, NoticeKind.PROCESS, NoticeKind.RESULT,
      NoticeKind.FOLLOW_UP);

  private PostingRules() {
  }

  /** Whether notices of this kind stay posted seven days: a meeting's plan, process and result. */
  public static boolean keepsSevenDays(NoticeKind kind) {
    return SEVEN_DAYS.contains(kind);
  }

  /** A period must end after it starts; a meeting's notice must last seven days unless a reason is given. */
  public static void requirePeriod(NoticeKind kind, long startsAt, long endsAt, String reason) {
    if (endsAt <= startsAt) {
      throw new Failure(ErrorCode.BAD_REQUEST, "结束时间必须晚于开始时间");
    }
    if (keepsSevenDays(kind) && endsAt - startsAt < MIN_POSTING_MS && !hasReason(reason)) {
      throw new Failure(ErrorCode.POSTING_TOO_SHORT);
    }
  }

  /** Retracting a meeting's notice before its seven days are over needs a reason. */
  public static void requireRetractable(NoticeKind kind, long startsAt, long now, String reason) {
    if (keepsSevenDays(kind) && now < startsAt + MIN_POSTING_MS && !hasReason(reason)) {
      throw new Failure(ErrorCode.POSTING_TOO_SHORT);
    }
  }

  static boolean hasReason(String reason) {
    return reason != null && reason.strip().length() >= 2;
  }
}
