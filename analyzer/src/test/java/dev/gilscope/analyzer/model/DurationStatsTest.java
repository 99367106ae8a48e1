package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Whatever form holds the values (raw, packed, flat), the figures are a plain histogram's. */
class DurationStatsTest {
  private static final double[] PERCENTILES = {0, 50, 90, 99, 99.9, 100};

  @Test
  void everyFormGivesThePlainHistogramsPercentiles() {
    for (int n :
        new int[] {1, 5, DurationStats.RAW_LIMIT, DurationStats.RAW_LIMIT + 1, 1000, 5000}) {
      Random random = new Random(n);
      DurationStats stats = new DurationStats();
      Histogram plain = new Histogram(2);
      for (int i = 0; i < n; i++) {
        long v = (long) Math.exp(random.nextDouble() * 20);
        stats.record(v);
        plain.recordValue(v);
      }
      stats.recordZeros(7);
      plain.recordValueWithCount(0, 7);
      assertThat(stats.count()).isEqualTo(n + 7);
      for (double p : PERCENTILES) {
        assertThat(stats.percentileNanos(p))
            .as("n=%d p%s", n, p)
            .isEqualTo(plain.getValueAtPercentile(p));
      }
    }
  }

  @Test
  void aFewRawValuesGiveTheHistogramsPercentileAtEveryRank() {
    // read from the sorted values, not a histogram: every rank, ties and zeros included
    double[] percentiles = {0, 0.1, 1, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 99.99, 100};
    for (int n = 1; n <= 40; n++) {
      for (int zeros : new int[] {0, 1, 3, 50}) {
        Random random = new Random(97L * n + zeros);
        DurationStats stats = new DurationStats();
        Histogram plain = new Histogram(2);
        for (int i = 0; i < n; i++) {
          long v = random.nextInt(4) == 0 ? 1_000 : (long) Math.exp(random.nextDouble() * 25);
          stats.record(v);
          plain.recordValue(v);
        }
        stats.recordZeros(zeros);
        if (zeros > 0) {
          plain.recordValueWithCount(0, zeros);
        }
        for (double p : percentiles) {
          assertThat(stats.percentileNanos(p))
              .as("n=%d zeros=%d p%s", n, zeros, p)
              .isEqualTo(plain.getValueAtPercentile(p));
        }
      }
    }
  }

  @Test
  void mergingAnyTwoFormsGivesTheUnionsPercentiles() {
    int[] sizes = {3, DurationStats.RAW_LIMIT, 200, 6000};
    for (int a : sizes) {
      for (int b : sizes) {
        DurationStats left = new DurationStats();
        DurationStats right = new DurationStats();
        Histogram plain = new Histogram(2);
        Random random = new Random(31L * a + b);
        for (int i = 0; i < a + b; i++) {
          long v = 1 + random.nextInt(50_000_000);
          (i < a ? left : right).record(v);
          plain.recordValue(v);
        }
        left.mergeFrom(right);
        assertThat(left.count()).isEqualTo(a + b);
        assertThat(left.maxNanos()).isEqualTo(plain.getMaxValue() == 0 ? 0 : left.maxNanos());
        for (double p : PERCENTILES) {
          assertThat(left.percentileNanos(p))
              .as("%d+%d p%s", a, b, p)
              .isEqualTo(plain.getValueAtPercentile(p));
        }
      }
    }
  }

  @Test
  void emptyIsZero() {
    assertThat(new DurationStats().percentileNanos(99)).isZero();
  }

  @Test
  void theBucketLayoutIsHdrHistogramsForEveryMagnitude() {
    Histogram layout = new Histogram(2);
    Random random = new Random(5);
    int lastIndex = -1;
    for (int shift = 0; shift < 63; shift++) {
      for (long v : new long[] {1L << shift, (1L << shift) + 1, (2L << shift) - 1}) {
        assertValueInItsBucket(layout, v);
      }
      long v = (1L << shift) + (long) (random.nextDouble() * (1L << shift));
      assertValueInItsBucket(layout, v);
      int index = DurationStats.bucketIndex(1L << shift);
      assertThat(index).isGreaterThan(lastIndex);
      lastIndex = index;
    }
    assertValueInItsBucket(layout, 0);
    assertValueInItsBucket(layout, Long.MAX_VALUE);
  }

  private static void assertValueInItsBucket(Histogram layout, long v) {
    long lowest = DurationStats.valueFromIndex(DurationStats.bucketIndex(v));
    assertThat(lowest).as("bucket of %d", v).isEqualTo(layout.lowestEquivalentValue(v));
    Histogram one = new Histogram(2);
    one.recordValue(v);
    assertThat(one.getCountAtValue(lowest)).as("bucket of %d", v).isEqualTo(1);
  }

  @Test
  void theWrittenDistributionIsThePlainHistogramsAfterRecordsAndMerges() {
    for (int n : new int[] {DurationStats.RAW_LIMIT + 1, 3000, 40_000}) {
      Random random = new Random(n);
      DurationStats left = new DurationStats();
      DurationStats right = new DurationStats();
      Histogram plain = new Histogram(2);
      for (int i = 0; i < n; i++) {
        long v =
            i % 997 == 0
                ? Long.MAX_VALUE / (1 + random.nextInt(3))
                : (long) Math.exp(random.nextDouble() * 30);
        (i % 3 == 0 ? right : left).record(v);
        plain.recordValue(v);
      }
      left.recordZeros(11);
      plain.recordValueWithCount(0, 11);
      left.mergeFrom(right);
      assertThat(written(left)).as("n=%d", n).isEqualTo(written(plain));
      for (double p : new double[] {0, 1, 50, 90, 99, 99.9, 99.99, 100}) {
        assertThat(left.percentileNanos(p)).isEqualTo(plain.getValueAtPercentile(p));
      }
    }
  }

  private static String written(DurationStats stats) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stats.writePercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), 1000.0);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String written(Histogram h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.outputPercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), 1000.0);
    return out.toString(StandardCharsets.UTF_8);
  }
}
