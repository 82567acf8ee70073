package org.shangliang.notice;

import java.util.regex.Pattern;

/** Event-bus addresses of the notice boards (docs/API.md). */
public final class SignageAddresses {
  /** A signage display's commands (playlist, heartbeat), request/reply. */
  public static final String SIGNAGE = "signage.cmd";
  /** The bridge's anchored pattern for a display's own address. */
  public static final String DISPLAY_PATTERN = "display\\.[0-9a-f]{24}\\.signage";
  private static final Pattern DISPLAY = Pattern.compile("display\\.([0-9a-f]{24})\\.signage");

  private SignageAddresses() {
  }

  /** The server sends a display its playlist here; only that display may listen. */
  public static String display(String displayId) {
    return "display." + displayId + ".signage";
  }

  /** The display named by a display address, or null if the address is not one. */
  public static String displayOf(String address) {
    var matcher = DISPLAY.matcher(address == null ? "" : address);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
