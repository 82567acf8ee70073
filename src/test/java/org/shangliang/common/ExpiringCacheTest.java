package org.shangliang.common;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caches of attendees, tokens and votes' rules: a node running for months keeps only what is recent. */
class ExpiringCacheTest {
  private static final long LIFETIME = 60_000;
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicInteger reads = new AtomicInteger();
  private final ExpiringCache<String, String> cache = new ExpiringCache<>(LIFETIME, 10_000, now::get);

  private Future<String> read(String key) {
    reads.incrementAndGet();
    return Future.succeededFuture("value of " + key);
  }

  @Test
  @DisplayName("a value is read once per lifetime, then read again")
  void readOncePerLifetime() {
    assertEquals("value of a", cache.get("a", this::read).result());
    now.addAndGet(LIFETIME - 1);
    cache.get("a", this::read);
    assertEquals(1, reads.get(), "kept for its lifetime");
    now.addAndGet(1);
    cache.get("a", this::read);
    assertEquals(2, reads.get(), "read again once expired");
  }

  @Test
  @DisplayName("300 kiosks asking for the same vote while its read is under way share that one read")
  void askersShareARead() {
    Promise<String> stored = Promise.promise();
    List<Future<String>> asked = new ArrayList<>();
    for (int kiosk = 0; kiosk < 300; kiosk++) {
      asked.add(cache.get("vote", key -> {
        reads.incrementAndGet();
        return stored.future();
      }));
    }
    stored.complete("rules");
    assertEquals(1, reads.get());
    assertTrue(asked.stream().allMatch(f -> "rules".equals(f.result())));
  }

  @Test
  @DisplayName("a failed read is not kept; a written value is")
  void failuresAreNotKept() {
    cache.get("a", key -> Future.failedFuture("store unreachable"));
    assertEquals(0, cache.size());
    cache.put("b", "written");
    assertEquals("written", cache.get("b", this::read).result());
    assertEquals(0, reads.get());
  }

  @Test
  @DisplayName("the attendees of past meetings are swept: after months, only the last lifetimes' entries remain")
  void pastEntriesAreSwept() {
    // a meeting a day of 300 new attendees, for 200 days
    for (int day = 0; day < 200; day++) {
      for (int a = 0; a < 300; a++) {
        cache.get("day " + day + " attendee " + a, this::read);
      }
      now.addAndGet(24 * 3600_000L);
    }
    cache.get("today", this::read);
    assertEquals(1, cache.size(), "only today's entry: the 60,000 of the past are gone");
  }

  @Test
  @DisplayName("removeIf drops what matches, read or still being read")
  void removeIfDropsMatches() {
    cache.get("a", this::read);
    cache.get("b", key -> Future.future(promise -> { }));
    cache.removeIf(value -> !value.isComplete());
    assertEquals(1, cache.size());
    cache.removeIf(value -> value.succeeded() && value.result().equals("value of a"));
    assertEquals(0, cache.size());
  }

  /**
   * Whatever the keys and pauses between reads, the cache never holds more than what the last two
   * lifetimes brought (expired entries wait at most one lifetime for the next sweep).
   */
  @Property(tries = 200)
  void holdsAtMostTwoLifetimes(@ForAll @Size(max = 400) List<@IntRange(max = 50) Integer> keys,
                               @ForAll @Size(max = 400) List<@IntRange(max = 40_000) Integer> pauses) {
    AtomicLong clock = new AtomicLong();
    ExpiringCache<Integer, Integer> kept = new ExpiringCache<>(LIFETIME, 10_000, clock::get);
    List<long[]> asked = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      clock.addAndGet(i < pauses.size() ? pauses.get(i) : 0);
      kept.get(keys.get(i), Future::succeededFuture);
      asked.add(new long[] {keys.get(i), clock.get()});
      long since = clock.get() - 2 * LIFETIME;
      long recentKeys = asked.stream().filter(a -> a[1] > since).mapToLong(a -> a[0]).distinct().count();
      assertTrue(kept.size() <= recentKeys, kept.size() + " entries, " + recentKeys + " keys asked in two lifetimes");
    }
  }
}
