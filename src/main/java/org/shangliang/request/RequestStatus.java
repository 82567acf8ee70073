package org.shangliang.request;

/** Where a resident's request stands in 三即三提一转. */
public enum RequestStatus {
  /** 待受理: filed, nobody has taken it yet. */
  NEW,
  /** 已派单 (支部派单): the branch gave it to one grid worker, who is to take it (网格接单). */
  DISPATCHED,
  /** 协商中 (接诉即商): a grid worker took it and consults the parties. */
  CONSULTING,
  /** 已商定 (商定即办): an action was agreed and confirmed by both sides, with a responsible party and a due date. */
  AGREED,
  /** 已办结: the agreed action was done; the resident is still to be told. */
  DONE,
  /** 已反馈 (办完即反): the resident was told and asked to rate. */
  INFORMED,
  /** 已结案: the resident was satisfied or basically satisfied. */
  CLOSED,
  /** 已上提 (三提): beyond the grid's remit, with one of the escalation levels. */
  ESCALATED,
  /** 已转办 (一转): sent to a unit in the area or to another community. */
  TRANSFERRED,
  /** 已转议题: promoted to a topic (议题) for a meeting. */
  TOPIC
}
