package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shangliang.notice.store.NoticeStore;

/**
 * The boards' heartbeat stores of one node, gathered for a moment and sent as one bulk write. Each
 * conditional update on its own costs the driver and the embedded store a command, and 6,000
 * boards make 100 of them a second; sent together they cost about two thirds as much
 * (docs/BENCHMARKS.md, "Heartbeat stores"). A board reports every half minute, so the moment's
 * wait is nothing to it.
 *
 * <p>A second store of the same board within the moment that builds on the first (expects the
 * heartbeat the first stores) replaces the first's fields under the first's condition: both then
 * succeed or fail together, as they would have one after the other. One that does not build on it
 * would find its condition broken by the first, so it is answered "not stored" once the first is
 * done, and its caller reads the store again. One bulk write is under way at a time, so a later
 * one never overtakes an earlier. Runs on its verticle's event loop only.
 */
final class HeartbeatWrites {
  /** How long a store waits for others to go with it. */
  static final long GATHER_MS = 1_000;
  /** A gathering this large is sent at once. */
  static final int MAX_GATHERED = 1_000;

  private final Vertx vertx;
  private final NoticeStore store;
  private final long gatherMs;
  private Map<String, Gathered> gathering = new LinkedHashMap<>();
  private long sendTimer = -1;
  private boolean sending;

  private record Gathered(NoticeStore.DisplayUpdate update, Promise<Boolean> stored) {
  }

  HeartbeatWrites(Vertx vertx, NoticeStore store, long gatherMs) {
    this.vertx = vertx;
    this.store = store;
    this.gatherMs = gatherMs;
  }

  /**
   * Sets the display's fields unless its stored last heartbeat is no longer {@code lastSeenAt}:
   * answers whether it was stored.
   */
  Future<Boolean> storeIfLastSeen(String displayId, Long lastSeenAt, JsonObject set) {
    Gathered earlier = gathering.get(displayId);
    if (earlier != null) {
      if (!Objects.equals(lastSeenAt, earlier.update().set().getLong("lastSeenAt"))) {
        return earlier.stored().future().map(false);
      }
      NoticeStore.DisplayUpdate merged = new NoticeStore.DisplayUpdate(displayId, earlier.update().lastSeenAt(), set);
      gathering.put(displayId, new Gathered(merged, earlier.stored()));
      return earlier.stored().future();
    }
    Gathered write = new Gathered(new NoticeStore.DisplayUpdate(displayId, lastSeenAt, set), Promise.promise());
    gathering.put(displayId, write);
    if (gathering.size() >= MAX_GATHERED) {
      send();
    } else if (sendTimer < 0) {
      sendTimer = vertx.setTimer(gatherMs, t -> {
        sendTimer = -1;
        send();
      });
    }
    return write.stored().future();
  }

  /** Sends what was gathered, unless a bulk write is under way: then once it is done. */
  private void send() {
    if (sendTimer >= 0) {
      vertx.cancelTimer(sendTimer);
      sendTimer = -1;
    }
    if (sending || gathering.isEmpty()) {
      return;
    }
    sending = true;
    List<Gathered> sent = new ArrayList<>(gathering.values());
    gathering = new LinkedHashMap<>();
    List<NoticeStore.DisplayUpdate> updates = new ArrayList<>(sent.size());
    sent.forEach(g -> updates.add(g.update()));
    store.updateDisplaysIfLastSeen(updates)
        .compose(matched -> matched == sent.size() ? Future.succeededFuture(null) : storedNow(sent))
        .onComplete(outcome -> {
          sending = false;
          for (Gathered g : sent) {
            if (outcome.failed()) {
              g.stored().fail(outcome.cause());
            } else {
              Map<String, Long> lastSeen = outcome.result();
              g.stored().complete(lastSeen == null || isStored(g.update(), lastSeen));
            }
          }
          if (!gathering.isEmpty() && sendTimer < 0) {
            send();
          }
        });
  }

  /**
   * Reads back which of the displays now carry the heartbeat sent: some did not match, their
   * board having moved to another node that stored a later one (or no longer being a board).
   */
  private Future<Map<String, Long>> storedNow(List<Gathered> sent) {
    List<String> ids = new ArrayList<>(sent.size());
    sent.forEach(g -> ids.add(g.update().displayId()));
    return store.lastSeenOf(ids);
  }

  private static boolean isStored(NoticeStore.DisplayUpdate update, Map<String, Long> lastSeen) {
    return Objects.equals(lastSeen.get(update.displayId()), update.set().getLong("lastSeenAt"));
  }
}
