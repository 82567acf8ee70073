package org.shangliang.request;

import java.time.Period;

/** The kind of a topic (议题), which sets how often it is followed up until solved. */
public enum TopicKind {
  /** 协商类. */
  CONSULTATION(Period.ofDays(15)),
  /** 决策类. */
  DECISION(Period.ofDays(15)),
  /** 咨询类. */
  INQUIRY(Period.ofMonths(1)),
  /** 听证类. */
  HEARING(Period.ofMonths(1));

  private final Period followUpEvery;

  TopicKind(Period followUpEvery) {
    this.followUpEvery = followUpEvery;
  }

  /** 协商类 and 决策类 every half month, 咨询类 and 听证类 every month. */
  public Period followUpEvery() {
    return followUpEvery;
  }
}
