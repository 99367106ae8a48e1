package dev.gilscope.analyzer.model;

import java.io.PrintStream;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A distribution of durations in nanoseconds: an HdrHistogram (2 significant digits, auto-resizing)
 * plus exact count, sum and max. Not thread-safe; merged after the reading threads end.
 *
 * <p>Memory grows with the values recorded, not with the number of instances: a recording of
 * 100,000 threads has four of these per thread and monitor, most with a handful of values, and an
 * empty HdrHistogram alone costs 2 KB. So up to {@link #RAW_LIMIT} values are kept as they are (8
 * bytes each, at most what an empty histogram costs) and go into a histogram of the same buckets
 * when there are more; a percentile of raw values is read from a histogram made for that question
 * and dropped. Every figure is the histogram's, whichever form holds the values. (HdrHistogram's
 * {@code PackedHistogram} was tried in between: with a second histogram class on the reader's hot
 * path the JIT stopped inlining the recording call, and the 113 MB benchmark recording took 1.4x as
 * long under load.)
 */
public final class DurationStats {
  private static final int SIGNIFICANT_DIGITS = 2;

  /** Values kept as they are before they go into a histogram. */
  static final int RAW_LIMIT = 256;

  // the values while there are at most RAW_LIMIT of them (zeros excepted); null while there is
  // one, which is then totalNanos (the sum of the raw values): most of 100,000 threads' waits and
  // holds have one value, and an array for it was a tenth of the heap. Read through rawValues().
  private long[] raw;
  private int rawCount;
  private long rawZeros; // recordZeros() while raw
  private Histogram histogram; // once past RAW_LIMIT values, or asked for a percentile
  private long count;
  private long totalNanos;
  private long maxNanos;

  public void record(long nanos) {
    long value = Math.max(0, nanos);
    // kept small so that the JIT inlines it, and the histogram's recordValue into it, on the
    // reader's hot path (two values per event)
    if (histogram != null) {
      histogram.recordValue(value);
    } else {
      recordWhileSmall(value);
    }
    count++;
    totalNanos += value;
    if (value > maxNanos) {
      maxNanos = value;
    }
  }

  private void recordWhileSmall(long value) {
    if (rawCount < RAW_LIMIT) {
      if (raw == null && rawCount == 0) {
        rawCount = 1; // kept as totalNanos, which record() adds it to (see raw)
        return;
      }
      if (raw == null) {
        raw = new long[4];
        raw[0] = totalNanos; // the one value so far: record() adds this one after
      } else if (rawCount == raw.length) {
        raw = Arrays.copyOf(raw, Math.min(RAW_LIMIT, raw.length * 2));
      }
      raw[rawCount++] = value;
    } else {
      toHistogram().recordValue(value);
    }
  }

  /** Records {@code n} zero durations (acquisitions that did not wait). */
  public void recordZeros(long n) {
    if (n > 0) {
      if (histogram == null) {
        rawZeros += n;
      } else {
        toHistogram().recordValueWithCount(0, n);
      }
      count += n;
    }
  }

  /** The raw values (the first {@code rawCount} of the array); not to be written. */
  private long[] rawValues() {
    if (raw != null) {
      return raw;
    }
    return rawCount == 1 ? new long[] {totalNanos} : NO_VALUES;
  }

  private static final long[] NO_VALUES = new long[0];

  /** The histogram, made from the raw values if need be. */
  private Histogram toHistogram() {
    if (histogram == null) {
      histogram = new Histogram(SIGNIFICANT_DIGITS);
      long[] values = rawValues();
      for (int i = 0; i < rawCount; i++) {
        histogram.recordValue(values[i]);
      }
      if (rawZeros > 0) {
        histogram.recordValueWithCount(0, rawZeros);
      }
      raw = null;
      rawCount = 0;
      rawZeros = 0;
    }
    return histogram;
  }

  public void mergeFrom(DurationStats other) {
    if (histogram == null && other.histogram == null && rawCount + other.rawCount <= RAW_LIMIT) {
      if (other.rawCount > 0) {
        long[] mine = rawValues();
        raw = Arrays.copyOf(mine, Math.max(mine.length, rawCount + other.rawCount));
        System.arraycopy(other.rawValues(), 0, raw, rawCount, other.rawCount);
        rawCount += other.rawCount;
      }
      rawZeros += other.rawZeros;
    } else if (other.histogram != null) {
      toHistogram().add(other.histogram);
    } else {
      Histogram h = toHistogram();
      long[] values = other.rawValues();
      for (int i = 0; i < other.rawCount; i++) {
        h.recordValue(values[i]);
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
    snapshot().outputPercentileDistribution(out, nanosPerUnit);
  }

  /** The value at {@code percentile} (0-100), 0 when empty. */
  public long percentileNanos(double percentile) {
    if (count == 0) {
      return 0;
    }
    if (histogram != null) {
      return histogram.getValueAtPercentile(percentile);
    }
    return rawPercentileNanos(percentile);
  }

  /** The buckets' layout, never recorded into: what a value's bucket is reported as. */
  private static final Histogram LAYOUT = new Histogram(SIGNIFICANT_DIGITS);

  /**
   * What {@code snapshot().getValueAtPercentile(percentile)} gives (HdrHistogram 2.2's rule: the
   * bucket of the value of rank ceil(p * n / 100), reported as its highest equivalent value), read
   * from the sorted raw values without making a histogram: reports and detectors ask thousands of
   * threads for percentiles.
   */
  private long rawPercentileNanos(double percentile) {
    long total = rawCount + rawZeros;
    double requested =
        Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
    long rank = Math.max(1, (long) Math.ceil(requested * total / 100.0));
    long value = 0;
    if (rank > rawZeros) {
      long[] sorted = Arrays.copyOf(rawValues(), rawCount);
      Arrays.sort(sorted);
      value = sorted[(int) (rank - rawZeros - 1)];
    }
    return percentile == 0.0
        ? LAYOUT.lowestEquivalentValue(value)
        : LAYOUT.highestEquivalentValue(value);
  }

  /**
   * The histogram, or one made from the raw values for this question only: not kept, since one per
   * thread asked about would add up (the per-victim detectors ask about thousands of threads).
   */
  private Histogram snapshot() {
    if (histogram != null) {
      return histogram;
    }
    Histogram once = new Histogram(SIGNIFICANT_DIGITS);
    long[] values = rawValues();
    for (int i = 0; i < rawCount; i++) {
      once.recordValue(values[i]);
    }
    if (rawZeros > 0) {
      once.recordValueWithCount(0, rawZeros);
    }
    return once;
  }
}
