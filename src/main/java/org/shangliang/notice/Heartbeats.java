package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shangliang.notice.store.NoticeStore;

/**
 * The signage displays' heartbeats as this node takes them in: one from each board every
 * {@link Playlists#HEARTBEAT_SECONDS}, thousands a minute in a street. A heartbeat that only
 * stretches the intervals already open is kept in memory and stored at least every
 * {@link #STORE_EVERY_MS}; one that opens or closes an interval is stored at once. So most
 * heartbeats cost neither a read nor a write of the store, which a node of 6,000 idle boards spent
 * most of its time on, and a crash loses at most that much of an interval's end. The stores that
 * remain go out together, a second's worth at a time ({@link HeartbeatWrites}).
 *
 * <p>Nothing here is needed to rebuild anything: a node that does not know a display reads it. A
 * display that moves to another node and back finds its memory stale; every store is therefore
 * conditional on the stored last heartbeat being the one this node knows, and on a mismatch the
 * node forgets the display and takes the heartbeat again from the store. Runs on its verticle's
 * event loop only.
 */
final class Heartbeats {
  /** The longest a heartbeat that changes no interval waits in memory before it is stored. */
  static final long STORE_EVERY_MS = 60_000;
  /** A display silent this long is stored as last heard, so its intervals end where they did. */
  static final long SILENT_MS = Playlists.HEARTBEAT_SECONDS * 1500L;
  /**
   * A display silent this long is forgotten. Kept past {@link Showings#GAP_MS}, after which its
   * next heartbeat reads it again anyway, for as long as {@link #heardSince} may count it online.
   */
  static final long FORGET_MS = Math.max(Showings.GAP_MS, Showings.ONLINE_MS);

  private final NoticeStore store;
  private final HeartbeatWrites writes;
  private final Showings showings;
  private final Map<String, Known> known = new HashMap<>();

  /**
   * A display as of its latest heartbeat here, and the last heartbeat stored. The latest is
   * changed in place while heartbeats only stretch its intervals ({@link Showings#stretch}).
   */
  private static final class Known {
    JsonObject latest;
    Long storedLastSeen;
    long heardAt;

    Known(JsonObject stored, long heardAt) {
      this.latest = stored;
      this.storedLastSeen = stored.getLong("lastSeenAt");
      this.heardAt = heardAt;
    }

    boolean waiting() {
      return !Objects.equals(latest.getLong("lastSeenAt"), storedLastSeen);
    }
  }

  /** {@code gatherMs}: how long a store waits for others to be sent with it ({@link HeartbeatWrites}). */
  Heartbeats(Vertx vertx, NoticeStore store, Showings showings, long gatherMs) {
    this.store = store;
    this.writes = new HeartbeatWrites(vertx, store, gatherMs);
    this.showings = showings;
  }

  /** Takes in a heartbeat: the notice on screen now and those shown since the last one. */
  Future<Void> heartbeat(String displayId, String current, Collection<String> shown, long now) {
    return take(displayId, current, shown, now, true);
  }

  private Future<Void> take(String displayId, String current, Collection<String> shown, long now, boolean mayRetry) {
    Known k = known.get(displayId);
    Future<Known> display = k != null && now - k.heardAt <= Showings.GAP_MS ? Future.succeededFuture(k)
        : store.signageDisplay(displayId).map(doc -> {
          Known read = new Known(fieldsOf(doc), now);
          known.put(displayId, read);
          return read;
        });
    return display.compose(d -> {
      d.heardAt = now;
      List<JsonObject> closed = List.of();
      if (!Showings.stretch(d.latest, current, shown, now)) {
        Showings.Report report = Showings.report(d.latest, displayId, current, shown, now);
        d.latest = report.set();
        closed = report.closed();
      } else if (now - lastSeen(d.storedLastSeen) < STORE_EVERY_MS) {
        return Future.succeededFuture();
      }
      return store(displayId, d, closed).compose(stored -> {
        if (stored || !mayRetry) {
          return Future.succeededFuture();
        }
        known.remove(displayId);
        return take(displayId, current, shown, now, false);
      });
    });
  }

  /** Stores what the display last reported here, unless another node stored a later heartbeat. */
  private Future<Boolean> store(String displayId, Known d, List<JsonObject> closed) {
    // a copy: the write goes out up to a second later, and the latest may stretch meanwhile
    JsonObject latest = d.latest.copy();
    return writes.storeIfLastSeen(displayId, d.storedLastSeen, latest).compose(stored -> {
      if (!stored) {
        return Future.succeededFuture(false);
      }
      d.storedLastSeen = latest.getLong("lastSeenAt");
      return showings.storeClosed(closed).map(true);
    });
  }

  /** Stores the displays that fell silent as last heard, and forgets those silent for longer than the gap. */
  Future<Void> storeSilent(long now) {
    List<Future<?>> writes = new ArrayList<>();
    for (Iterator<Map.Entry<String, Known>> it = known.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Known> entry = it.next();
      Known d = entry.getValue();
      if (now - d.heardAt >= SILENT_MS && d.waiting()) {
        // stored once: a display no longer there, or stored by another node, is not tried again
        writes.add(store(entry.getKey(), d, List.of()).otherwiseEmpty());
        d.storedLastSeen = d.latest.getLong("lastSeenAt");
      }
      if (now - d.heardAt > FORGET_MS) {
        it.remove();
      }
    }
    return Future.join(writes).mapEmpty();
  }

  /**
   * How many displays this node took a heartbeat from since then: its share of the boards online,
   * counted in memory. Counting the stored heartbeats instead read every device every half minute,
   * which on the embedded store stalled a vote on a node with 6,000 boards (docs/BENCHMARKS.md).
   */
  int heardSince(long since) {
    int heard = 0;
    for (Known d : known.values()) {
      if (d.heardAt >= since) {
        heard++;
      }
    }
    return heard;
  }

  private static JsonObject fieldsOf(JsonObject doc) {
    return new JsonObject().put("lastSeenAt", doc.getLong("lastSeenAt")).put("current", doc.getString("current"))
        .put("showing", doc.getJsonObject("showing", new JsonObject()));
  }

  private static long lastSeen(Long storedLastSeen) {
    return storedLastSeen == null ? Long.MIN_VALUE / 2 : storedLastSeen;
  }
}
