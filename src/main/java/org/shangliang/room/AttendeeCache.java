package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Recently read attendees, so a burst of ballots costs one database read per attendee instead of
 * one per ballot. Every check-in, check-out or walk-in on any node publishes the attendee's id on
 * {@value #CHANGED}; each node drops it then, and any entry is dropped after {@value #TTL_MS} ms
 * whatever happens, so a missed message cannot keep a stale attendee for long.
 */
final class AttendeeCache {
  /** Internal address (not bridged): an attendee document changed. */
  static final String CHANGED = "internal.attendee.changed";
  static final long TTL_MS = 3_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Future<Attendee> attendee, long until) {
  }

  private final Vertx vertx;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  AttendeeCache(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().<String>consumer(CHANGED, message -> entries.remove(message.body()));
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

  /** Tells every node (this one included) that the attendee changed. */
  void changed(String attendeeId) {
    entries.remove(attendeeId);
    vertx.eventBus().publish(CHANGED, attendeeId);
  }
}
