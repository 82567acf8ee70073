package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bookkeeping of one socket's backlog, alone. */
class SocketOutboxTest {
  static final String STATE = "room.00000000000000000000a001.state";
  static final String TALLY = "room.00000000000000000000a001.tally";

  static JsonObject message(String address, int n) {
    return new JsonObject().put("type", "rec").put("address", address).put("body", "state " + n);
  }

  @Test
  @DisplayName("a socket is full at the limit and drains at half of it, not before")
  void fullAtTheLimitDrainedAtHalf() {
    SocketOutbox box = new SocketOutbox(1000);
    assertFalse(box.written(999, 0));
    assertTrue(box.written(1, 5), "reaching the limit starts a stall");
    assertEquals(5, box.fullSince());
    assertFalse(box.written(400, 6), "a stall starts once");
    box.sent(800);
    assertTrue(box.full(), "600 bytes left: still more than half");
    box.sent(100);
    assertFalse(box.full());
    assertEquals(500, box.unsent());
  }

  @Test
  @DisplayName("while full, only the newest pushed message per address is kept, and sent once it drains")
  void newestWins() {
    SocketOutbox box = new SocketOutbox(100);
    assertFalse(box.hold(STATE, message(STATE, 0), false), "nothing is held while there is room");
    box.written(100, 0);
    for (int n = 1; n <= 50; n++) {
      assertTrue(box.hold(STATE, message(STATE, n), false));
      assertTrue(box.hold(TALLY, message(TALLY, n), false));
    }
    assertEquals(List.of(), box.sent(10), "not drained yet");
    assertEquals(List.of(message(STATE, 50), message(TALLY, 50)), box.sent(90));
    assertEquals(List.of(), box.sent(0), "what was held went out once");
  }

  @Test
  @DisplayName("a partial message held keeps the last whole one before it, which is sent first")
  void partialKeepsItsWholeOne() {
    SocketOutbox box = new SocketOutbox(100);
    box.written(100, 0);
    box.hold(STATE, message(STATE, 1), false);
    box.hold(STATE, message(STATE, 2), false);
    box.hold(STATE, message(STATE, 3), true);
    box.hold(STATE, message(STATE, 4), true);
    assertEquals(List.of(message(STATE, 2), message(STATE, 4)), box.sent(100));

    box.written(100, 0);
    box.hold(STATE, message(STATE, 5), true);
    box.hold(STATE, message(STATE, 6), false);
    assertEquals(List.of(message(STATE, 6)), box.sent(100), "a whole message needs nothing before it");

    box.written(100, 0);
    box.hold(STATE, message(STATE, 7), true);
    assertEquals(List.of(message(STATE, 7)), box.sent(100), "its whole one had been written before");
  }
}
