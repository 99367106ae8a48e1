package dev.gilscope.analyzer.model;

import java.io.PrintStream;
import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * A distribution of durations in nanoseconds: an HdrHistogram (2 significant digits, auto-resizing)
 * plus exact count, sum and max. Not thread-safe; merged after the reading threads end.
 *
 * <p>Memory grows with the values recorded, not with the number of instances: a recording of
 * 100,000 threads has four of these per thread and monitor, most with a handful of values, and an
 * empty HdrHistogram alone costs 2 KB (a packed one with its iterators over 1 KB). So the values
 * are kept in three forms, each chosen for its size:
 *
 * <ol>
 *   <li>up to {@link #RAW_LIMIT} values: the values themselves (8 bytes each);
 *   <li>up to {@link #PACKED_LIMIT}: a {@link PackedHistogram} (bytes per non-empty bucket);
 *   <li>more: a flat {@link Histogram} (a few to 15 KB, the fastest to record into).
 * </ol>
 *
 * <p>All three give the same percentiles: the raw values go into a histogram of the same buckets
 * the first time a percentile is asked for (the reports ask for a few threads only).
 */
public final class DurationStats {
  private static final int SIGNIFICANT_DIGITS = 2;

  /** Values kept as they are before they go into a histogram. */
  static final int RAW_LIMIT = 64;

  /** Values recorded into the packed histogram before it is exchanged for a flat one. */
  static final long PACKED_LIMIT = 4096;

  private long[] raw; // the values while there are at most RAW_LIMIT of them (zeros excepted)
  private int rawCount;
  private long rawZeros; // recordZeros() while raw
  private AbstractHistogram histogram; // once past RAW_LIMIT values, or asked for a percentile
  private long count;
  private long totalNanos;
  private long maxNanos;

  public void record(long nanos) {
    long value = Math.max(0, nanos);
    if (histogram == null && rawCount < RAW_LIMIT) {
      if (raw == null) {
        raw = new long[4];
      } else if (rawCount == raw.length) {
        raw = Arrays.copyOf(raw, Math.min(RAW_LIMIT, raw.length * 2));
      }
      raw[rawCount++] = value;
    } else {
      toHistogram(1).recordValue(value);
    }
    count++;
    totalNanos += value;
    if (value > maxNanos) {
      maxNanos = value;
    }
  }

  /** Records {@code n} zero durations (acquisitions that did not wait). */
  public void recordZeros(long n) {
    if (n > 0) {
      if (histogram == null) {
        rawZeros += n;
      } else {
        toHistogram(n).recordValueWithCount(0, n);
      }
      count += n;
    }
  }

  /** The histogram, made from the raw values if need be, with room for {@code more} values. */
  private AbstractHistogram toHistogram(long more) {
    long needed = (histogram != null ? histogram.getTotalCount() : rawCount + rawZeros) + more;
    if (histogram == null) {
      histogram =
          needed > PACKED_LIMIT
              ? new Histogram(SIGNIFICANT_DIGITS)
              : new PackedHistogram(SIGNIFICANT_DIGITS);
      for (int i = 0; i < rawCount; i++) {
        histogram.recordValue(raw[i]);
      }
      if (rawZeros > 0) {
        histogram.recordValueWithCount(0, rawZeros);
      }
      raw = null;
      rawCount = 0;
      rawZeros = 0;
    } else if (histogram instanceof PackedHistogram && needed > PACKED_LIMIT) {
      Histogram flat = new Histogram(SIGNIFICANT_DIGITS);
      flat.add(histogram);
      histogram = flat;
    }
    return histogram;
  }

  public void mergeFrom(DurationStats other) {
    if (histogram == null && other.histogram == null && rawCount + other.rawCount <= RAW_LIMIT) {
      if (other.rawCount > 0) {
        raw = raw == null ? new long[other.rawCount] : raw;
        raw = Arrays.copyOf(raw, Math.max(raw.length, rawCount + other.rawCount));
        System.arraycopy(other.raw, 0, raw, rawCount, other.rawCount);
        rawCount += other.rawCount;
      }
      rawZeros += other.rawZeros;
    } else if (other.histogram != null) {
      toHistogram(other.histogram.getTotalCount()).add(other.histogram);
    } else {
      AbstractHistogram h = toHistogram(other.rawCount + other.rawZeros);
      for (int i = 0; i < other.rawCount; i++) {
        h.recordValue(other.raw[i]);
      }
      if (other.rawZeros > 0) {
        h.recordValueWithCount(0, other.rawZeros);
      }
    }
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
    toHistogram(0).outputPercentileDistribution(out, nanosPerUnit);
  }

  /** The value at {@code percentile} (0-100), 0 when empty. */
  public long percentileNanos(double percentile) {
    return count == 0 ? 0 : toHistogram(0).getValueAtPercentile(percentile);
  }
}
