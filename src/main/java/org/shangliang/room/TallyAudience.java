package org.shangliang.room;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pages on this node listen to each room's running tallies, counted as the bridge
 * registers and drops them: what a tally costs this node, a write per page. The publisher spaces
 * a vote's tallies by it ({@link RoomPublisher#tallyIntervalMs}). Counts only, rebuilt by the pages
 * registering again after a restart; on a cluster each node counts its own pages, and the room's
 * node spaces the tallies by its own.
 */
public final class TallyAudience {
  private final ConcurrentHashMap<String, AtomicInteger> byRoom = new ConcurrentHashMap<>();

  public void joined(String roomId) {
    byRoom.computeIfAbsent(roomId, r -> new AtomicInteger()).incrementAndGet();
  }

  public void left(String roomId) {
    byRoom.computeIfPresent(roomId, (r, pages) -> pages.decrementAndGet() <= 0 ? null : pages);
  }

  /** Pages listening to the room's tallies now. */
  public int of(String roomId) {
    AtomicInteger pages = byRoom.get(roomId);
    return pages == null ? 0 : pages.get();
  }
}
