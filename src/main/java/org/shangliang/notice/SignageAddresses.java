package org.shangliang.notice;

import org.shangliang.common.IdAddress;

/** Event-bus addresses of the notice boards (docs/API.md). */
public final class SignageAddresses {
  /** A signage display's commands (playlist, heartbeat), request/reply. */
  public static final String SIGNAGE = "signage.cmd";
  /** The bridge's anchored pattern for a display's own address. */
  public static final String DISPLAY_PATTERN = "display\\.[0-9a-f]{24}\\.signage";
  private static final IdAddress DISPLAY = new IdAddress("display.", ".signage");

  private SignageAddresses() {
  }

  /** The server sends a display its playlist here; only that display may listen. */
  public static String display(String displayId) {
    return DISPLAY.of(displayId);
  }

  /** Whether the address is a display's own address (as {@link #DISPLAY_PATTERN}). */
  public static boolean isDisplayAddress(String address) {
    return DISPLAY.matches(address);
  }

  /** The display named by a display address, or null if the address is not one. */
  public static String displayOf(String address) {
    return DISPLAY.idOf(address);
  }
}
