package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which display showed which notice, and when, from the displays' heartbeats: the proof that a
 * result was posted on a board for its seven days. While a display keeps reporting a notice, its
 * open interval (kept on the display's document) is stretched; a gap of more than
 * {@link #GAP_MS} closes it into the {@value #SHOWINGS} collection and a later report opens a new one.
 * The heartbeats themselves are taken in by {@link Heartbeats}.
 */
public final class Showings {
  public static final String SHOWINGS = "showings";
  /** Three missed heartbeats: the display was off or showed something else. */
  static final long GAP_MS = 3L * Playlists.HEARTBEAT_SECONDS * 1000;
  /**
   * A display counts as online while its stored last heartbeat is this recent: a node stores a
   * board's heartbeat at least every {@link Heartbeats#STORE_EVERY_MS}, and the board sends one
   * every {@link Playlists#HEARTBEAT_SECONDS}. The meters count a node's boards by the same
   * measure, from the heartbeats it took in ({@link Heartbeats#heardSince}).
   */
  public static final long ONLINE_MS = 120_000;

  private final MongoClient mongo;

  public Showings(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * What a heartbeat changes on a display's document: the fields to set (lastSeenAt, current,
   * showing), the intervals it closes, and whether it opens one.
   */
  record Report(JsonObject set, List<JsonObject> closed, boolean opens) {
    /** Whether it changes more than how long the open intervals last. */
    boolean changesIntervals() {
      return opens || !closed.isEmpty();
    }
  }

  /**
   * Applies a heartbeat that changes no interval to the display in place: its open intervals that
   * the heartbeat saw now end at {@code now}, and its last heartbeat and the notice on screen are
   * the heartbeat's. Answers false, changing nothing, when the heartbeat would open or close an
   * interval; {@link #report} then says how. In place because most heartbeats only stretch, and a
   * new copy of every board's intervals each half minute would outlive a few young collections.
   * Same rules as {@link #report}, which a property test holds it to.
   */
  static boolean stretch(JsonObject display, String current, Collection<String> shown, long now) {
    JsonObject open = display.getJsonObject("showing");
    if (open == null || (current != null && !continues(open, current, now))) {
      return false;
    }
    for (String id : shown) {
      if (!continues(open, id, now)) {
        return false;
      }
    }
    for (String id : open.fieldNames()) {
      if (now - open.getJsonObject(id).getLong("to") > GAP_MS) {
        return false;
      }
    }
    if (current != null) {
      open.getJsonObject(current).put("to", now);
    }
    for (String id : shown) {
      open.getJsonObject(id).put("to", now);
    }
    display.put("lastSeenAt", now).put("current", current);
    return true;
  }

  private static boolean continues(JsonObject open, String noticeId, long now) {
    JsonObject interval = open.getJsonObject(noticeId);
    return interval != null && now - interval.getLong("to") <= GAP_MS;
  }

  /** What a heartbeat makes of a display as stored: the notice on screen now and those shown since the last one. */
  static Report report(JsonObject display, String displayId, String current, Collection<String> shown, long now) {
    Set<String> seen = new LinkedHashSet<>(shown);
    if (current != null) {
      seen.add(current);
    }
    Long last = display.getLong("lastSeenAt");
    long continuedFrom = last != null && now - last <= GAP_MS ? last : now;
    JsonObject open = display.getJsonObject("showing", new JsonObject());
    JsonObject next = new JsonObject();
    List<JsonObject> closed = new ArrayList<>();
    open.forEach(e -> {
      JsonObject interval = (JsonObject) e.getValue();
      boolean continues = seen.contains(e.getKey()) && now - interval.getLong("to") <= GAP_MS;
      if (continues) {
        next.put(e.getKey(), interval.copy().put("to", now));
      } else if (now - interval.getLong("to") > GAP_MS || seen.contains(e.getKey())) {
        closed.add(closedInterval(displayId, e.getKey(), interval));
      } else {
        next.put(e.getKey(), interval);
      }
    });
    boolean opens = seen.stream().anyMatch(id -> !next.containsKey(id));
    seen.stream().filter(id -> !next.containsKey(id))
        .forEach(id -> next.put(id, new JsonObject().put("from", continuedFrom).put("to", now)));
    JsonObject set = new JsonObject().put("lastSeenAt", now).put("current", current).put("showing", next);
    return new Report(set, closed, opens);
  }

  /** Stores the intervals a heartbeat closed. */
  Future<Void> storeClosed(List<JsonObject> closed) {
    List<Future<?>> writes = new ArrayList<>();
    closed.forEach(doc -> writes.add(mongo.insert(SHOWINGS, doc)));
    return Future.all(writes).mapEmpty();
  }

  /** Every interval in which a notice was on screen, per display, oldest first. */
  public Future<JsonArray> postings(String noticeId, List<JsonObject> displays) {
    return mongo.find(SHOWINGS, new JsonObject().put("noticeId", noticeId)).map(closed -> {
      List<JsonObject> all = new ArrayList<>();
      closed.forEach(doc -> all.add(new JsonObject().put("displayId", doc.getString("displayId"))
          .put("from", doc.getLong("from")).put("to", doc.getLong("to"))));
      for (JsonObject display : displays) {
        JsonObject interval = display.getJsonObject("showing", new JsonObject()).getJsonObject(noticeId);
        if (interval != null) {
          all.add(new JsonObject().put("displayId", display.getString("_id"))
              .put("from", interval.getLong("from")).put("to", interval.getLong("to")));
        }
      }
      all.sort((a, b) -> Long.compare(a.getLong("from"), b.getLong("from")));
      return new JsonArray(all);
    });
  }

  private static JsonObject closedInterval(String displayId, String noticeId, JsonObject interval) {
    return new JsonObject().put("displayId", displayId).put("noticeId", noticeId)
        .put("from", interval.getLong("from")).put("to", interval.getLong("to"));
  }

  static boolean online(JsonObject display, long now) {
    Long last = display.getLong("lastSeenAt");
    return last != null && now - last <= ONLINE_MS;
  }

}
