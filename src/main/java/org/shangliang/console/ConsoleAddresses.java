package org.shangliang.console;

import org.shangliang.notice.SignageAddresses;

/**
 * The staff console's command addresses, one per area (docs/API.md, "Staff console"). Each area
 * owns its commands, their schemas and their access rules; {@link ConsoleVerticle} serves them all.
 * Residents' requests keep their own address, {@code request.cmd}, which kiosks use too.
 */
public final class ConsoleAddresses {
  /** Notices, results and topic lists made notices, board displays, feedback. */
  public static final String NOTICES = SignageAddresses.CONSOLE;

  /** The community, its grids, rooms and devices (administrators). */
  public static final String COMMUNITY = "community.cmd";

  private ConsoleAddresses() {
  }
}
