package org.shangliang.common;

/**
 * The staff console's command addresses, one per area (docs/API.md, "Staff console"). Each area
 * owns its commands, their schemas and their access rules; the app's {@code ConsoleVerticle}
 * serves them all. Residents' requests keep their own address, {@code request.cmd}, which kiosks
 * use too.
 */
public final class ConsoleAddresses {
  /** Notices, results and topic lists made notices, board displays, feedback. */
  public static final String NOTICES = "console.cmd";
  /** Meetings planned per room: time, hosts, agenda and its rules, invitations. */
  public static final String PLANNING = "plan.cmd";
  /** Written and online rounds of consultation (书面协商, 网络协商) on a meeting's matters. */
  public static final String ROUNDS = "round.cmd";
  /** The register of members (议事主体): the people who take part in meetings. */
  public static final String MEMBERS = "member.cmd";
  /** Past meetings and requests, searchable, and a member's history across meetings (read only). */
  public static final String ARCHIVE = "archive.cmd";
  /** Accounts, their sign-in history and the audit log (administrators; viewers read the audit log). */
  public static final String ADMIN = "admin.cmd";

  /** Each closed meeting's minutes (会议记录): drafted from the records, edited and approved by its hosts. */
  public static final String MINUTES = "minutes.cmd";
  /** Resolutions followed up until solved (跟踪落实), with residents' 不满意 on their result notices. */
  public static final String FOLLOW_UP = "followup.cmd";
  /** The evaluation of meetings (成效评估), one or a period's, computed from the records (read only). */
  public static final String EVALUATION = "evaluation.cmd";

  /** The yearly forum (邻里协商论坛): its rankings from the year's records, overrides with reasons, the honours notice. */
  public static final String FORUM = "forum.cmd";

  /** The community, its grids, rooms and devices (administrators). */
  public static final String COMMUNITY = "community.cmd";

  private ConsoleAddresses() {
  }
}
