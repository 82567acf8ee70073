package org.shangliang.room;

import java.util.regex.Pattern;

/** Event-bus addresses of the live room (docs/API.md). */
public final class RoomAddresses {
  /** Pages send every room command here, request/reply. */
  public static final String COMMANDS = "room.cmd";
  /** Internal address (not bridged): something outside the room's commands changed a room (body: its id). */
  public static final String CHANGED = "internal.room.changed";
  /** The bridge's anchored pattern for a room's state address: one kind of address, a fixed id shape. */
  public static final String STATE_PATTERN = "room\\.[0-9a-f]{24}\\.state";
  private static final Pattern STATE = Pattern.compile("room\\.([0-9a-f]{24})\\.state");

  private RoomAddresses() {
  }

  /** The server publishes every change of a room's state here. */
  public static String state(String roomId) {
    return "room." + roomId + ".state";
  }

  /** The room named by a state address, or null if the address is not one. */
  public static String roomOfStateAddress(String address) {
    var matcher = STATE.matcher(address == null ? "" : address);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
