package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Attendees as last read or written by this node, so a ballot does not have to read its attendee:
 * a check-in or walk-in leaves the attendee here as written. Every check-in, check-out or walk-in
 * on any node publishes the attendee's id on {@value #CHANGED}, and every other node drops its copy;
 * any entry is dropped after {@value #TTL_MS} ms whatever happens, so a missed message cannot keep a
 * stale attendee for long.
 */
final class AttendeeCache {
  /** Internal address (not bridged): an attendee document changed. */
  static final String CHANGED = "internal.attendee.changed";
  static final long TTL_MS = 60_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Future<Attendee> attendee, long until) {
  }

  private final Vertx vertx;
  private final String self = UUID.randomUUID().toString();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  AttendeeCache(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().<JsonObject>consumer(CHANGED, message -> {
      if (!self.equals(message.body().getString("from"))) {
        entries.remove(message.body().getString("attendeeId"));
      }
    });
  }

  Future<Attendee> get(String attendeeId, Function<String, Future<Attendee>> load) {
    long now = System.currentTimeMillis();
    Entry entry = entries.get(attendeeId);
    if (entry != null && entry.until() > now) {
      return entry.attendee();
    }
    if (entries.size() > MAX_ENTRIES) {
      entries.clear();
    }
    Future<Attendee> loading = load.apply(attendeeId);
    entries.put(attendeeId, new Entry(loading, now + TTL_MS));
    loading.onFailure(e -> entries.remove(attendeeId));
    return loading;
  }

  /** The attendee changed: this node keeps what it wrote (or forgets it), every other node forgets it. */
  void changed(String attendeeId, Attendee written) {
    if (written == null) {
      entries.remove(attendeeId);
    } else {
      entries.put(attendeeId, new Entry(Future.succeededFuture(written), System.currentTimeMillis() + TTL_MS));
    }
    vertx.eventBus().publish(CHANGED, new JsonObject().put("attendeeId", attendeeId).put("from", self));
  }
}
