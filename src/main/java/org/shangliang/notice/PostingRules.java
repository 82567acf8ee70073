package org.shangliang.notice;

import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

/**
 * The community's rule that a meeting's result is posted for at least seven days (不少于7天的公示),
 * as checks on a notice's period. Ending or retracting a result notice earlier needs a recorded
 * reason, e.g. a correction; other kinds of notice may end whenever staff decide.
 */
public final class PostingRules {
  public static final long MIN_RESULT_POSTING_MS = 7L * 24 * 3600_000;

  private PostingRules() {
  }

  /** A period must end after it starts; a result notice must last seven days unless a reason is given. */
  public static void requirePeriod(NoticeKind kind, long startsAt, long endsAt, String reason) {
    if (endsAt <= startsAt) {
      throw new Failure(ErrorCode.BAD_REQUEST, "结束时间必须晚于开始时间");
    }
    if (kind == NoticeKind.RESULT && endsAt - startsAt < MIN_RESULT_POSTING_MS && !hasReason(reason)) {
      throw new Failure(ErrorCode.POSTING_TOO_SHORT);
    }
  }

  /** Retracting a result notice before its seven days are over needs a reason. */
  public static void requireRetractable(NoticeKind kind, long startsAt, long now, String reason) {
    if (kind == NoticeKind.RESULT && now < startsAt + MIN_RESULT_POSTING_MS && !hasReason(reason)) {
      throw new Failure(ErrorCode.POSTING_TOO_SHORT);
    }
  }

  static boolean hasReason(String reason) {
    return reason != null && reason.strip().length() >= 2;
  }
}
