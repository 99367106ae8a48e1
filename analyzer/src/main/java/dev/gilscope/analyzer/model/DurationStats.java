package dev.gilscope.analyzer.model;

import java.io.PrintStream;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A distribution of durations in nanoseconds: the counts of an HdrHistogram (2 significant digits,
 * auto-resizing) plus exact count, sum and max. Not thread-safe while written; merged after the
 * reading threads end, then read by several.
 *
 * <p>Memory grows with the values recorded, not with the number of instances: a recording of
 * 100,000 threads has four of these per thread and monitor, most with a handful of values, and an
 * empty HdrHistogram alone costs 2 KB. So up to {@link #RAW_LIMIT} values are kept as they are (8
 * bytes each, at most what an empty histogram costs) and go into bucket counts when there are more;
 * a percentile of raw values is read from them sorted. (HdrHistogram's {@code PackedHistogram} was
 * tried in between: with a second histogram class on the reader's hot path the JIT stopped inlining
 * the recording call, and the 113 MB benchmark recording took 1.4x as long under load.)
 *
 * <p>The bucket counts are HdrHistogram's own, in its layout ({@link #bucketIndex}), counted here
 * rather than in a {@code Histogram}: recording into one is a chain of small calls (index, bucket,
 * sub-bucket, bounds, minimum and maximum, total) that C1, which the launcher runs, does not
 * inline, and the reader records two values per event (a sixth of reading 3 million events). Every
 * figure is the histogram's: percentiles are read from the counts by HdrHistogram's rule, and the
 * percentile distribution is written by a histogram made from them.
 */
public final class DurationStats {
  private static final int SIGNIFICANT_DIGITS = 2;

  /** Values kept as they are before they go into bucket counts. */
  static final int RAW_LIMIT = 256;

  // HdrHistogram's layout for 2 significant digits from 1 ns (its lowest discernible value): 256
  // sub-buckets in the first bucket, the upper half of 256 in each later one, each later bucket
  // twice as wide. Index i < 256 counts the value i; DurationStatsTest holds these to the library's
  private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 7;
  private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF_COUNT - 1;
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  // the values while there are at most RAW_LIMIT of them (zeros excepted); null while there is
  // one, which is then totalNanos (the sum of the raw values): most of 100,000 threads' waits and
  // holds have one value, and an array for it was a tenth of the heap. Read through rawValues().
  private long[] raw;
  private int rawCount;
  private long rawZeros; // recordZeros() while raw
  // once past RAW_LIMIT values: the count of each bucket by its index, up to the last bucket used
  private long[] buckets;
  private long count;
  private long totalNanos;
  private long maxNanos;

  public void record(long nanos) {
    long value = Math.max(0, nanos);
    if (buckets != null) {
      countInBucket(value, 1);
    } else {
      recordWhileSmall(value);
    }
    count++;
    totalNanos += value;
    if (value > maxNanos) {
      maxNanos = value;
    }
  }

  /** HdrHistogram's index of the bucket that counts {@code value} (not negative). */
  static int bucketIndex(long value) {
    if (value <= SUB_BUCKET_MASK) {
      return (int) value; // the first bucket counts each value at its own index
    }
    // floor(log2(value)): a double's exponent is exact below 2^53 and, unlike
    // Long.numberOfLeadingZeros, needs no call under C1 (a twentieth of recording a value)
    int log2 =
        value < EXACT_IN_DOUBLE
            ? Math.getExponent((double) value)
            : Long.SIZE - 1 - Long.numberOfLeadingZeros(value);
    int bucket = log2 - SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF_COUNT);
  }

  /** The lowest value that the bucket of index {@code index} counts (HdrHistogram's). */
  static long valueFromIndex(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  private void countInBucket(long value, long n) {
    int i = bucketIndex(value);
    long[] b = buckets;
    if (i >= b.length) {
      b = grownTo(i);
    }
    b[i] += n;
  }

  /** The bucket counts, grown to hold index {@code i} (to the end of its bucket). */
  private long[] grownTo(int i) {
    int length = ((i >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    buckets = Arrays.copyOf(buckets, Math.max(length, 2 * SUB_BUCKET_HALF_COUNT));
    return buckets;
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
      toBuckets();
      countInBucket(value, 1);
    }
  }

  /** Records {@code n} zero durations (acquisitions that did not wait). */
  public void recordZeros(long n) {
    if (n > 0) {
      if (buckets == null) {
        rawZeros += n;
      } else {
        countInBucket(0, n);
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

  /** The raw values (and zeros) into bucket counts, from which on all values go there. */
  private void toBuckets() {
    if (buckets != null) {
      return;
    }
    buckets = new long[2 * SUB_BUCKET_HALF_COUNT];
    long[] values = rawValues();
    for (int i = 0; i < rawCount; i++) {
      countInBucket(values[i], 1);
    }
    if (rawZeros > 0) {
      countInBucket(0, rawZeros);
    }
    raw = null;
    rawCount = 0;
    rawZeros = 0;
  }

  public void mergeFrom(DurationStats other) {
    if (buckets == null && other.buckets == null && rawCount + other.rawCount <= RAW_LIMIT) {
      if (other.rawCount > 0) {
        long[] mine = rawValues();
        raw = Arrays.copyOf(mine, Math.max(mine.length, rawCount + other.rawCount));
        System.arraycopy(other.rawValues(), 0, raw, rawCount, other.rawCount);
        rawCount += other.rawCount;
      }
      rawZeros += other.rawZeros;
    } else {
      toBuckets();
      if (other.buckets != null) {
        long[] theirs = other.buckets;
        if (theirs.length > buckets.length) {
          grownTo(theirs.length - 1);
        }
        for (int i = 0; i < theirs.length; i++) {
          buckets[i] += theirs[i];
        }
      } else {
        long[] values = other.rawValues();
        for (int i = 0; i < other.rawCount; i++) {
          countInBucket(values[i], 1);
        }
        if (other.rawZeros > 0) {
          countInBucket(0, other.rawZeros);
        }
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
    if (buckets != null) {
      return bucketPercentileNanos(percentile);
    }
    return rawPercentileNanos(percentile);
  }

  /**
   * What a histogram of the counts gives for {@code getValueAtPercentile(percentile)} (HdrHistogram
   * 2.2's rule: the first bucket at which the counts reach the rank ceil(p * n / 100), reported as
   * its highest equivalent value, its lowest for p0).
   */
  private long bucketPercentileNanos(double percentile) {
    double requested =
        Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
    long rank = Math.max(1, (long) Math.ceil(requested * count / 100.0));
    long[] b = buckets;
    long seen = 0;
    for (int i = 0; i < b.length; i++) {
      seen += b[i];
      if (seen >= rank) {
        long value = valueFromIndex(i);
        return percentile == 0.0
            ? LAYOUT.lowestEquivalentValue(value)
            : LAYOUT.highestEquivalentValue(value);
      }
    }
    return 0;
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
   * A histogram of the values, made for this question only: not kept, since one per thread asked
   * about would add up (the per-victim detectors ask about thousands of threads). Made from the
   * bucket counts, one value per bucket: every figure a histogram gives depends only on the buckets
   * of its values (DurationStatsTest compares the written distributions).
   */
  private Histogram snapshot() {
    Histogram once = new Histogram(SIGNIFICANT_DIGITS);
    if (buckets != null) {
      for (int i = 0; i < buckets.length; i++) {
        if (buckets[i] > 0) {
          once.recordValueWithCount(valueFromIndex(i), buckets[i]);
        }
      }
      return once;
    }
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
