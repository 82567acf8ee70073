package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ExpiringCache;

import java.util.UUID;
import java.util.function.Function;

/**
 * Attendees as last read or written by this node, so a ballot does not have to read its attendee:
 * a check-in or walk-in leaves the attendee here as written. Every check-in, check-out or walk-in
 * on any node publishes the attendee's id on {@value #CHANGED}, and every other node drops its copy;
 * any entry is dropped after {@value #TTL_MS} ms whatever happens, so a missed message cannot keep a
 * stale attendee for long, and the attendees of past meetings do not stay in memory.
 */
final class AttendeeCache {
  /** Internal address (not bridged): an attendee document changed. */
  static final String CHANGED = "internal.attendee.changed";
  static final long TTL_MS = 60_000;
  private static final int MAX_ENTRIES = 10_000;

  private final Vertx vertx;
  private final String self = UUID.randomUUID().toString();
  private final ExpiringCache<String, Attendee> entries = new ExpiringCache<>(TTL_MS, MAX_ENTRIES);

  AttendeeCache(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().<JsonObject>consumer(CHANGED, message -> {
      if (!self.equals(message.body().getString("from"))) {
        entries.remove(message.body().getString("attendeeId"));
      }
    });
  }

  Future<Attendee> get(String attendeeId, Function<String, Future<Attendee>> load) {
    return entries.get(attendeeId, load);
  }

  /** The attendee changed: this node keeps what it wrote (or forgets it), every other node forgets it. */
  void changed(String attendeeId, Attendee written) {
    if (written == null) {
      entries.remove(attendeeId);
    } else {
      entries.put(attendeeId, written);
    }
    vertx.eventBus().publish(CHANGED, new JsonObject().put("attendeeId", attendeeId).put("from", self));
  }
}
