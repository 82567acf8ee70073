package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.admin.CommunityStore;
import org.shangliang.admin.DeviceKind;
import org.shangliang.common.Failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where each kind of device stands and which page it opens. */
class DeviceKindTest {
  static final String ROOM = "00000000000000000000a001";
  static final String GRID = "000000000000000000001001";

  @Test
  @DisplayName("a kiosk and a room display stand in a room, a board in a grid, never in both")
  void places() {
    assertEquals(ROOM, DeviceKind.KIOSK.placeOf(ROOM, null));
    assertEquals(ROOM, DeviceKind.ROOM_DISPLAY.placeOf(ROOM, null));
    assertEquals(GRID, DeviceKind.BOARD.placeOf(null, GRID));
    assertThrows(Failure.class, () -> DeviceKind.KIOSK.placeOf(null, GRID));
    assertThrows(Failure.class, () -> DeviceKind.KIOSK.placeOf(ROOM, GRID));
    assertThrows(Failure.class, () -> DeviceKind.BOARD.placeOf(ROOM, null));
    assertThrows(Failure.class, () -> DeviceKind.BOARD.placeOf(null, null));
  }

  @Test
  @DisplayName("each kind opens its own page with its token")
  void pages() {
    assertEquals("/kiosk/?token=abc", DeviceKind.KIOSK.page(ROOM, "abc"));
    assertEquals("/display/?room=" + ROOM + "&token=abc", DeviceKind.ROOM_DISPLAY.page(ROOM, "abc"));
    assertEquals("/display/?token=abc", DeviceKind.BOARD.page(GRID, "abc"));
  }

  @Test
  @DisplayName("a stored display with a room is a room display, one without is a board; names round-trip")
  void storedKinds() {
    assertEquals(DeviceKind.KIOSK, DeviceKind.of(new JsonObject().put("kind", "KIOSK").put("roomId", ROOM)));
    assertEquals(DeviceKind.ROOM_DISPLAY, DeviceKind.of(new JsonObject().put("kind", "DISPLAY").put("roomId", ROOM)));
    assertEquals(DeviceKind.BOARD, DeviceKind.of(new JsonObject().put("kind", "DISPLAY").putNull("roomId")));
    for (DeviceKind kind : DeviceKind.values()) {
      assertEquals(kind, DeviceKind.parse(kind.wire()));
    }
    assertThrows(Failure.class, () -> DeviceKind.parse("phone"));
  }

  @Test
  @DisplayName("a time zone must be a region java.time knows")
  void timeZones() {
    assertEquals("Asia/Shanghai", CommunityStore.timeZone("Asia/Shanghai"));
    assertThrows(Failure.class, () -> CommunityStore.timeZone("Mars/Olympus"));
    assertThrows(Failure.class, () -> CommunityStore.timeZone("+08:00"));
    assertThrows(Failure.class, () -> CommunityStore.timeZone(null));
  }
}
