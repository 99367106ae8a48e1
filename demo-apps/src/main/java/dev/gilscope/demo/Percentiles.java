package dev.gilscope.demo;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of recorded durations. The demos record at most a few thousand
 * response times, so sorting a copy is cheaper and simpler than a histogram.
 */
public final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /** Percentiles of the first {@code count} values (the array is copied, not changed). */
  public static Percentiles of(long[] values, int count) {
    long[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  public int count() {
    return sorted.length;
  }

  /** The value at {@code percentile} (0-100) by nearest rank; 0 when there are no values. */
  public long at(double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public long p50() {
    return at(50);
  }

  public long p90() {
    return at(90);
  }

  public long p99() {
    return at(99);
  }

  public long max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  public double mean() {
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return sorted.length == 0 ? 0 : sum / sorted.length;
  }
}
