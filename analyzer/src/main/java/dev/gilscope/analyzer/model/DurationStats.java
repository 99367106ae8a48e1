package dev.gilscope.analyzer.model;

import java.io.PrintStream;
import org.HdrHistogram.Histogram;

/**
 * A distribution of durations in nanoseconds: an HdrHistogram (2 significant digits, auto-resizing,
 * a few KB) plus exact count, sum and max. Not thread-safe; merged after the reading threads end.
 */
public final class DurationStats {
  private static final int SIGNIFICANT_DIGITS = 2;

  private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
  private long count;
  private long totalNanos;
  private long maxNanos;

  public void record(long nanos) {
    long value = Math.max(0, nanos);
    histogram.recordValue(value);
    count++;
    totalNanos += value;
    if (value > maxNanos) {
      maxNanos = value;
    }
  }

  /** Records {@code n} zero durations (acquisitions that did not wait). */
  public void recordZeros(long n) {
    if (n > 0) {
      histogram.recordValueWithCount(0, n);
      count += n;
    }
  }

  public void mergeFrom(DurationStats other) {
    histogram.add(other.histogram);
    count += other.count;
    totalNanos += other.totalNanos;
    maxNanos = Math.max(maxNanos, other.maxNanos);
  }

  public long count() {
    return count;
  }

  public long totalNanos() {
    return totalNanos;
  }

  public long maxNanos() {
    return maxNanos;
  }

  public double meanNanos() {
    return count == 0 ? 0 : (double) totalNanos / count;
  }

  /**
   * Writes the distribution in HdrHistogram's percentile-distribution format ({@code .hgrm}, read
   * by its plotting tools), values divided by {@code nanosPerUnit} (1000 for microseconds).
   */
  public void writePercentileDistribution(PrintStream out, double nanosPerUnit) {
    histogram.outputPercentileDistribution(out, nanosPerUnit);
  }

  /** The value at {@code percentile} (0-100), 0 when empty. */
  public long percentileNanos(double percentile) {
    return count == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }
}
