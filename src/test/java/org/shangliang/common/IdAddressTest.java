package org.shangliang.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.RoomAddresses;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pushed addresses are read without a regular expression, and agree with the bridge's anchored patterns on every address. */
class IdAddressTest {
  private static final Pattern TALLY = Pattern.compile(RoomAddresses.TALLY_PATTERN);
  private static final Pattern STATE = Pattern.compile(RoomAddresses.STATE_PATTERN);
  private static final Pattern DISPLAY = Pattern.compile(SignageAddresses.DISPLAY_PATTERN);

  @Property(tries = 5000)
  @Label("an address is a room's tally, a room's state or a display's exactly when the bridge's pattern says so")
  void agreesWithTheBridgesPatterns(@ForAll("addresses") String address) {
    assertEquals(TALLY.matcher(address).matches(), RoomAddresses.isTallyAddress(address), address);
    assertEquals(STATE.matcher(address).matches(), RoomAddresses.isStateAddress(address), address);
    assertEquals(DISPLAY.matcher(address).matches(), SignageAddresses.isDisplayAddress(address), address);
    String room = RoomAddresses.roomOfTallyAddress(address);
    assertEquals(TALLY.matcher(address).matches(), room != null, address);
    if (room != null) {
      assertEquals(address, RoomAddresses.tally(room));
    }
    String display = SignageAddresses.displayOf(address);
    if (display != null) {
      assertEquals(address, SignageAddresses.display(display));
    }
  }

  @Example
  @Label("the id is read out of an address, and near misses are not addresses")
  void readsTheId() {
    String id = "0123456789abcdef01234567";
    assertEquals(id, RoomAddresses.roomOfStateAddress("room." + id + ".state"));
    assertEquals(id, SignageAddresses.displayOf("display." + id + ".signage"));
    assertNull(RoomAddresses.roomOfStateAddress("room." + id.toUpperCase() + ".state"));
    assertNull(RoomAddresses.roomOfStateAddress("room." + id + "0.state"));
    assertNull(RoomAddresses.roomOfStateAddress(null));
    assertFalse(RoomAddresses.isTallyAddress("room." + id + ".state"));
    assertTrue(RoomAddresses.isTallyAddress("room." + id + ".tally"));
    assertFalse(SignageAddresses.isDisplayAddress("display." + id + ".signage\n"));
  }

  @Provide
  Arbitrary<String> addresses() {
    // near misses come up often: each part right, wrong or missing, ids with capitals, g, a digit too few or too many
    Arbitrary<String> prefix = Arbitraries.of("room.", "display.", "room", "Room.", "", "rooms.", ".");
    Arbitrary<String> id = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("0123456789abcdef").ofLength(24)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("0123456789abcdefABg.").ofMinLength(22).ofMaxLength(26)));
    Arbitrary<String> suffix = Arbitraries.of(".state", ".tally", ".signage", ".stat", "state", "", ".state\n", ".tally.x");
    Arbitrary<String> shaped = net.jqwik.api.Combinators.combine(prefix, id, suffix).as((p, i, s) -> p + i + s);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, shaped),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
  }
}
