package org.shangliang.room;

import java.util.regex.Pattern;

/** Event-bus addresses of the live room (docs/API.md). */
public final class RoomAddresses {
  /** Pages send every room command here, request/reply. */
  public static final String COMMANDS = "room.cmd";
  /** Internal address (not bridged): something outside the room's commands changed a room (body: its id). */
  public static final String CHANGED = "internal.room.changed";
  /**
   * Internal address (not bridged): a room now shows another meeting, or its meeting's plan or
   * invited changed (body: the room's id). Its pages get a whole snapshot, attendees included.
   */
  public static final String MEETING_CHANGED = "internal.room.meetingChanged";
  /** Internal address: a matter's result was announced (body: {meetingId, matterId, resolution}). */
  public static final String MATTER_RESOLVED = "internal.matter.resolved";
  /** The bridge's anchored pattern for a room's state address: one kind of address, a fixed id shape. */
  public static final String STATE_PATTERN = "room\\.[0-9a-f]{24}\\.state";
  /** The anchored pattern for a room's live-tally address. */
  public static final String TALLY_PATTERN = "room\\.[0-9a-f]{24}\\.tally";
  private static final Pattern STATE = Pattern.compile("room\\.([0-9a-f]{24})\\.state");
  private static final Pattern TALLY = Pattern.compile("room\\.([0-9a-f]{24})\\.tally");

  private RoomAddresses() {
  }

  /** The server publishes every change of a room's state here. */
  public static String state(String roomId) {
    return "room." + roomId + ".state";
  }

  /**
   * The running tally of an open vote goes here, at most every 25 ms: only the pages that show it
   * (room displays, hosts) listen, so a vote storm is not also sent to every kiosk.
   */
  public static String tally(String roomId) {
    return "room." + roomId + ".tally";
  }

  /** The room named by a tally address, or null if the address is not one. */
  public static String roomOfTallyAddress(String address) {
    var matcher = TALLY.matcher(address == null ? "" : address);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** The room named by a state address, or null if the address is not one. */
  public static String roomOfStateAddress(String address) {
    var matcher = STATE.matcher(address == null ? "" : address);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
