package org.shangliang.request;

/** 三提, in rising order: a request may only be escalated upward. */
public enum EscalationLevel {
  /** 两办两中心: the community's internal offices. */
  COMMUNITY_OFFICES,
  /** 社区协商议事会: the community consultation council. */
  COMMUNITY_COUNCIL,
  /** 街道协商议事工作站: the street's consultation workstation. */
  STREET_WORKSTATION
}
