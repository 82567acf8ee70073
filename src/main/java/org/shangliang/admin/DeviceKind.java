package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.notice.Pairings;

/**
 * The three kinds of enrolled screen, as administrators name them: a kiosk and a room display
 * stand in a room, a notice board's display in a grid. Each opens its own page with its token.
 */
public enum DeviceKind {
  KIOSK("kiosk", Identity.Role.KIOSK),
  ROOM_DISPLAY("roomDisplay", Identity.Role.DISPLAY),
  BOARD("board", Identity.Role.DISPLAY);

  private final String wire;
  private final Identity.Role role;

  DeviceKind(String wire, Identity.Role role) {
    this.wire = wire;
    this.role = role;
  }

  /** The name commands and pages use (community-commands.json). */
  public String wire() { return wire; }

  public Identity.Role role() { return role; }

  public boolean inRoom() { return this != BOARD; }

  public static DeviceKind parse(String wire) {
    for (DeviceKind kind : values()) {
      if (kind.wire.equals(wire)) {
        return kind;
      }
    }
    throw new Failure(ErrorCode.BAD_REQUEST, "设备类型不正确");
  }

  /** The kind of a stored device: a display with a room shows the room, one without stands by a board. */
  public static DeviceKind of(JsonObject device) {
    if (Identity.Role.KIOSK.name().equals(device.getString("kind"))) {
      return KIOSK;
    }
    return device.getString("roomId") != null ? ROOM_DISPLAY : BOARD;
  }

  /**
   * Where a device of this kind is put: the room for a kiosk or room display, the grid for a board.
   * The other one must not be given, so a command never means two places.
   */
  public String placeOf(String roomId, String gridId) {
    String place = inRoom() ? roomId : gridId;
    String other = inRoom() ? gridId : roomId;
    if (place == null || other != null) {
      throw new Failure(ErrorCode.BAD_REQUEST, inRoom() ? "请选择一个议事室（不选网格）" : "请选择一个网格（不选议事室）");
    }
    return place;
  }

  /** The page (a path on this server) a screen of this kind opens with its token. */
  public String page(String place, String token) {
    return switch (this) {
      case KIOSK -> "/kiosk/?token=" + token;
      case ROOM_DISPLAY -> "/display/?room=" + place + "&token=" + token;
      case BOARD -> Pairings.boardPage(token);
    };
  }
}
