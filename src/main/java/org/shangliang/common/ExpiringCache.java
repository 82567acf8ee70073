package org.shangliang.common;

import io.vertx.core.Future;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What a node read from the store, kept for a while by key so that the next ballot or frame need
 * not read it again. An entry lives {@code lifetimeMs}; a failed read is not kept. Expired entries
 * are swept on a later call, at most once per lifetime, so the cache holds about what one or two
 * lifetimes brought — not every attendee, token or vote since the start — without a timer of its
 * own; past {@code maxEntries} it starts afresh.
 */
public final class ExpiringCache<K, V> {
  private record Entry<V>(Future<V> value, long until) {
  }

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long lifetimeMs;
  private final int maxEntries;
  private final LongSupplier clock;
  private volatile long nextSweepAt;

  public ExpiringCache(long lifetimeMs, int maxEntries) {
    this(lifetimeMs, maxEntries, System::currentTimeMillis);
  }

  /** With a clock of the caller's (milliseconds), for tests that let time pass. */
  public ExpiringCache(long lifetimeMs, int maxEntries, LongSupplier clock) {
    this.lifetimeMs = lifetimeMs;
    this.maxEntries = maxEntries;
    this.clock = clock;
    this.nextSweepAt = clock.getAsLong() + lifetimeMs;
  }

  /** The kept value if it has not expired, otherwise {@code load}'s, kept from now on unless it fails. */
  public Future<V> get(K key, Function<K, Future<V>> load) {
    long now = clock.getAsLong();
    sweepIfDue(now);
    Entry<V> hit = entries.get(key);
    if (hit != null && hit.until() > now) {
      return hit.value();
    }
    makeRoom(now);
    // compute, not get-then-put: two event loops asking at once share one read
    Entry<V> entry = entries.compute(key, (k, kept) -> kept != null && kept.until() > now ? kept
        : new Entry<>(load.apply(k), now + lifetimeMs));
    entry.value().onFailure(e -> entries.remove(key, entry));
    return entry.value();
  }

  /** Keeps a value just written, for a lifetime from now. */
  public void put(K key, V value) {
    long now = clock.getAsLong();
    sweepIfDue(now);
    makeRoom(now);
    entries.put(key, new Entry<>(Future.succeededFuture(value), now + lifetimeMs));
  }

  public void remove(K key) {
    entries.remove(key);
  }

  /** Drops every entry whose value (read or still being read) matches. */
  public void removeIf(Predicate<Future<V>> stale) {
    entries.values().removeIf(entry -> stale.test(entry.value()));
  }

  /** Entries held, expired ones not yet swept included. */
  public int size() {
    return entries.size();
  }

  /** Costs a comparison, except once per lifetime: this is on every ballot's and frame's way. */
  private void sweepIfDue(long now) {
    if (now >= nextSweepAt) {
      nextSweepAt = now + lifetimeMs;
      entries.values().removeIf(entry -> entry.until() <= now);
    }
  }

  /** Before an entry is added: past the bound, start afresh. */
  private void makeRoom(long now) {
    if (entries.size() >= maxEntries) {
      entries.clear();
      nextSweepAt = now + lifetimeMs;
    }
  }
}
