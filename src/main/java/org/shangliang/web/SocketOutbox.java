package org.shangliang.web;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bridge socket's bytes written but not yet taken by the network, and, while those reach the
 * limit, the newest pushed messages held back for it. Full at {@code limit} bytes, drained again
 * at half of it; what was held is then due, the newest per address (and the last whole message
 * before it when the newest is partial). Plain Java, used on one event loop.
 */
final class SocketOutbox {
  private final long limit;
  private long unsent;
  private long fullSince = -1;
  private final Map<String, Held> held = new LinkedHashMap<>();
  /** The timer that closes the socket if it stays full; -1 when none runs. */
  long stallTimer = -1;
  boolean closing;

  SocketOutbox(long limit) {
    this.limit = limit;
  }

  /** The newest message and the newest whole one held for one address. */
  private static final class Held {
    JsonObject whole;
    JsonObject newest;
  }

  boolean full() {
    return fullSince >= 0;
  }

  /** When it became full (ms), or -1. */
  long fullSince() {
    return fullSince;
  }

  long unsent() {
    return unsent;
  }

  /** Bytes handed to the socket; answers whether they made it full (a stall begins). */
  boolean written(long bytes, long now) {
    unsent += bytes;
    if (fullSince < 0 && unsent >= limit) {
      fullSince = now;
      return true;
    }
    return false;
  }

  /**
   * Holds a pushed message instead of writing it, while full; answers whether it did. A newer one
   * for the same address replaces it, except that the last whole message stays under a partial one.
   */
  boolean hold(String address, JsonObject envelope, boolean partial) {
    if (fullSince < 0) {
      return false;
    }
    Held h = held.computeIfAbsent(address, a -> new Held());
    if (!partial) {
      h.whole = envelope;
    }
    h.newest = envelope;
    return true;
  }

  /**
   * Bytes taken by the network (or dropped with the connection). Once that drains it to half the
   * limit, answers what was held, to be written now in this order; otherwise an empty list.
   */
  List<JsonObject> sent(long bytes) {
    unsent -= bytes;
    if (fullSince < 0 || unsent > limit / 2) {
      return List.of();
    }
    fullSince = -1;
    List<JsonObject> due = new ArrayList<>();
    for (Held h : held.values()) {
      if (h.whole != null && h.whole != h.newest) {
        due.add(h.whole);
      }
      due.add(h.newest);
    }
    held.clear();
    return due;
  }

  /** Forgets what was held: the socket is closing. */
  void clear() {
    held.clear();
  }
}
