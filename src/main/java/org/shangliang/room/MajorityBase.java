package org.shangliang.room;

/** What a simple majority (简单多数) is counted over. */
public enum MajorityBase {
  /** More votes for than against; abstentions do not count. */
  FOR_AGAINST,
  /** More than half of all ballots cast, abstentions included. */
  CAST,
  /** More than half of the entitled attendees present, whether they voted or not. */
  PRESENT
}
