package org.shangliang.bench;

import java.util.Arrays;
import java.util.List;

/** A set of latencies in milliseconds, summarised as p50, p99 and max (nearest rank). */
record Latencies(int count, double p50, double p99, double max) {
  static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN);

  static Latencies of(double[] millis) {
    if (millis.length == 0) {
      return NONE;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
  }

  /**
   * For each message i that was sent (sentAt[i] != 0) with a known ordinal (ordinal[i] &gt; 0) and
   * that every display saw: the time from its send until the last display first held a tally with
   * cast ≥ ordinal[i], which is a tally that counts it. Several ballots may share an ordinal: the
   * first tally to reach it counts them all. Answers the latencies and how many sent messages some
   * display never saw.
   */
  static Measured toAllDisplays(long[] sentAt, int[] ordinal, String voteId, List<DisplayWatch> displays) {
    double[] out = new double[sentAt.length];
    int measured = 0;
    int unseen = 0;
    for (int i = 0; i < sentAt.length; i++) {
      if (sentAt[i] == 0 || ordinal[i] <= 0) {
        continue;
      }
      long last = Long.MIN_VALUE;
      for (DisplayWatch display : displays) {
        long seen = display.firstSeen(voteId, ordinal[i]);
        if (seen < 0) {
          last = Long.MIN_VALUE;
          break;
        }
        last = Math.max(last, seen);
      }
      if (last == Long.MIN_VALUE) {
        unseen++;
      } else {
        out[measured++] = (last - sentAt[i]) / 1e6;
      }
    }
    return new Measured(of(Arrays.copyOf(out, measured)), unseen);
  }

  /** Ordinals 1..n for frames sent as sentAt[1..n] (slot 0 unused). */
  static int[] sequence(int length) {
    int[] ordinal = new int[length];
    for (int k = 1; k < length; k++) {
      ordinal[k] = k;
    }
    return ordinal;
  }

  /** Latencies to all displays, and the number of ballots (or frames) some display never got. */
  record Measured(Latencies latencies, int unseen) {
  }

  static double median(double[] values) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double rank(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  String format() {
    return String.format("p50 %.1f ms p99 %.1f ms max %.1f ms", p50, p99, max);
  }

  String formatShort() {
    return String.format("p50 %.1f p99 %.1f max %.1f", p50, p99, max);
  }
}
