package org.shangliang.bench;

import java.util.Arrays;

/** The time per operation of each round of a one-thread micro-benchmark, in µs: median and spread. */
record RoundTimes(double[] micros) {
  static RoundTimes of(int rounds) {
    return new RoundTimes(new double[rounds]);
  }

  void set(int round, double micros) {
    this.micros[round] = micros;
  }

  double median() {
    double[] sorted = micros.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  double min() {
    return Arrays.stream(micros).min().orElse(0);
  }

  double max() {
    return Arrays.stream(micros).max().orElse(0);
  }
}
