package org.shangliang.notice;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingRulesTest {
  static final long DAY = 24 * 3600_000L;
  static final long T0 = 1_800_000_000_000L;

  @Test
  @DisplayName("a result notice shorter than 7 days is refused without a reason and accepted with one")
  void resultNeedsSevenDays() {
    Failure f = assertThrows(Failure.class, () -> PostingRules.requirePeriod(NoticeKind.RESULT, T0, T0 + 7 * DAY - 1, null));
    assertEquals(ErrorCode.POSTING_TOO_SHORT, f.code());
    assertThrows(Failure.class, () -> PostingRules.requirePeriod(NoticeKind.RESULT, T0, T0 + DAY, " "));
    assertDoesNotThrow(() -> PostingRules.requirePeriod(NoticeKind.RESULT, T0, T0 + 7 * DAY, null));
    assertDoesNotThrow(() -> PostingRules.requirePeriod(NoticeKind.RESULT, T0, T0 + DAY, "更正表决票数"));
  }

  @Test
  @DisplayName("publicity and topic notices may last any time, but must end after they start")
  void otherKindsAreFree() {
    assertDoesNotThrow(() -> PostingRules.requirePeriod(NoticeKind.PUBLICITY, T0, T0 + 1, null));
    assertDoesNotThrow(() -> PostingRules.requirePeriod(NoticeKind.TOPIC, T0, T0 + DAY, null));
    Failure f = assertThrows(Failure.class, () -> PostingRules.requirePeriod(NoticeKind.TOPIC, T0, T0, null));
    assertEquals(ErrorCode.BAD_REQUEST, f.code());
  }

  @Test
  @DisplayName("retracting a result notice inside its 7 days needs a reason; after them it does not")
  void retractingResults() {
    Failure f = assertThrows(Failure.class, () -> PostingRules.requireRetractable(NoticeKind.RESULT, T0, T0 + 6 * DAY, null));
    assertEquals(ErrorCode.POSTING_TOO_SHORT, f.code());
    assertDoesNotThrow(() -> PostingRules.requireRetractable(NoticeKind.RESULT, T0, T0 + 6 * DAY, "更正"));
    assertDoesNotThrow(() -> PostingRules.requireRetractable(NoticeKind.RESULT, T0, T0 + 7 * DAY, null));
    assertDoesNotThrow(() -> PostingRules.requireRetractable(NoticeKind.PUBLICITY, T0, T0 + 1, null));
  }

  @Test
  @DisplayName("a meeting's plan and process notices keep the same 7 days as its result, and their early end needs a reason")
  void planAndProcessKeepSevenDays() {
    for (NoticeKind kind : new NoticeKind[] {NoticeKind.PLAN, NoticeKind.PROCESS}) {
      Failure shorter = assertThrows(Failure.class, () -> PostingRules.requirePeriod(kind, T0, T0 + 7 * DAY - 1, null));
      assertEquals(ErrorCode.POSTING_TOO_SHORT, shorter.code());
      Failure early = assertThrows(Failure.class, () -> PostingRules.requireRetractable(kind, T0, T0 + 6 * DAY, " x "));
      assertEquals(ErrorCode.POSTING_TOO_SHORT, early.code());
      assertDoesNotThrow(() -> PostingRules.requireRetractable(kind, T0, T0 + 6 * DAY, "会议改期"));
      assertDoesNotThrow(() -> PostingRules.requireRetractable(kind, T0, T0 + 7 * DAY, null));
      assertDoesNotThrow(() -> PostingRules.requirePeriod(kind, T0, T0 + 7 * DAY, null));
    }
  }
}
