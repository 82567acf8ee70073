package org.shangliang.room;

import org.shangliang.common.IdAddress;

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
  private static final IdAddress STATE = new IdAddress("room.", ".state");
  private static final IdAddress TALLY = new IdAddress("room.", ".tally");

  private RoomAddresses() {
  }

  /** The server publishes every change of a room's state here. */
  public static String state(String roomId) {
    return STATE.of(roomId);
  }

  /**
   * The running tally of an open vote goes here, at most every 25 ms: only the pages that show it
   * (room displays, hosts) listen, so a vote storm is not also sent to every kiosk.
   */
  public static String tally(String roomId) {
    return TALLY.of(roomId);
  }

  /** The room named by a tally address, or null if the address is not one. */
  public static String roomOfTallyAddress(String address) {
    return TALLY.idOf(address);
  }

  /** Whether the address is a room's tally address (as {@link #TALLY_PATTERN}). */
  public static boolean isTallyAddress(String address) {
    return TALLY.matches(address);
  }

  /** Whether the address is a room's state address (as {@link #STATE_PATTERN}). */
  public static boolean isStateAddress(String address) {
    return STATE.matches(address);
  }

  /** The room named by a state address, or null if the address is not one. */
  public static String roomOfStateAddress(String address) {
    return STATE.idOf(address);
  }
}
