package org.shangliang.web;

/**
 * How far a bridge socket may fall behind (docs/CONFIGURATION.md): at {@code queueBytes} waiting to
 * be sent, pushed states for it are held back and only the newest is kept; a socket that stays that
 * full for {@code stallSeconds} is closed.
 */
public record BridgeLimits(int queueBytes, int stallSeconds) {
  /**
   * 64 KiB holds a dozen snapshots of a small room, or one of a room of some 400 attendees (160
   * attendees make a snapshot of 24 KiB): a page that reads at all stays well under it. 15 s is
   * three of our client's pings, and long enough for a kiosk's browser to come back from a
   * garbage collection or a busy moment.
   */
  public static final BridgeLimits DEFAULT = new BridgeLimits(64 * 1024, 15);

  public BridgeLimits {
    if (queueBytes < 1024 || stallSeconds < 1) {
      throw new IllegalArgumentException("bridge limits too small: " + queueBytes + " bytes, " + stallSeconds + " s");
    }
  }

  long stallMs() {
    return stallSeconds * 1000L;
  }
}
