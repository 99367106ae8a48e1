package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThreadStatsTest {

  @Test
  void blameReadsInTheOrderAndWithTheSumsOfAHashMapMergedEventByEvent() {
    Random random = new Random(14);
    // few holders (kept in arrays), the arrays' limit, and many (a map past it), with ties
    for (int holders : new int[] {1, 2, 3, Blame.INLINE_HOLDERS, Blame.INLINE_HOLDERS + 1, 40}) {
      for (int round = 0; round < 50; round++) {
        ThreadStats t = new ThreadStats("victim");
        Map<String, Long> expected = new HashMap<>();
        for (int event = 0; event < 3 * holders; event++) {
          String holder = "VirtualThread[#" + random.nextInt(100_000) % (holders * 7) + "]";
          long nanos = 1 + random.nextInt(3); // small: many equal sums, read in map order
          t.blame(holder, nanos);
          expected.merge(holder, nanos, Long::sum);
        }
        assertThat(entries(t.blameNanosByHolder())).isEqualTo(entries(expected));
      }
    }
  }

  @Test
  void mergedBlameReadsAsOneThreadBlamedWithBothThreadsEvents() {
    ThreadStats a = new ThreadStats("victim");
    ThreadStats b = new ThreadStats("victim");
    Map<String, Long> bOnly = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      a.blame("A" + i % 5, 10);
      b.blame("B" + i, 5);
      bOnly.merge("B" + i, 5L, Long::sum);
    }
    Map<String, Long> expected = new HashMap<>();
    a.blameNanosByHolder().forEach((k, v) -> expected.merge(k, v, Long::sum));
    bOnly.forEach((k, v) -> expected.merge(k, v, Long::sum));

    a.mergeFrom(b);

    assertThat(entries(a.blameNanosByHolder())).isEqualTo(entries(expected));
  }

  @Test
  void blameIgnoresTheThreadItselfNoHolderAndNoTime() {
    ThreadStats t = new ThreadStats("self");
    t.blame("self", 10);
    t.blame(null, 10);
    t.blame("", 10);
    t.blame("other", 0);
    assertThat(t.blameNanosByHolder()).isEmpty();
  }

  @Test
  void totalsAreTheSumOfTheWindowsAlsoAfterLaterWrites() {
    ThreadStats t = new ThreadStats("worker");
    t.window(3).add(Metric.ACQUISITIONS, 5);
    t.window(3).max(Metric.MAX_WAIT_NANOS, 70);
    assertThat(t.totals().get(Metric.ACQUISITIONS)).isEqualTo(5);

    // a second window and more in the first, after the totals were read
    t.window(7).add(Metric.ACQUISITIONS, 2);
    t.window(7).max(Metric.MAX_WAIT_NANOS, 90);
    t.window(3).add(Metric.WAIT_NANOS, 400);

    assertThat(t.totals().get(Metric.ACQUISITIONS)).isEqualTo(7);
    assertThat(t.totals().get(Metric.MAX_WAIT_NANOS)).isEqualTo(90);
    assertThat(t.totals().get(Metric.WAIT_NANOS)).isEqualTo(400);
    assertThat(t.totals().get(Metric.PASS_OVERS)).isZero();
  }

  @Test
  void mergedTotalsSumBothThreadsWindows() {
    ThreadStats a = new ThreadStats("worker");
    a.window(1).add(Metric.ACQUISITIONS, 3);
    assertThat(a.totals().get(Metric.ACQUISITIONS)).isEqualTo(3);
    ThreadStats b = new ThreadStats("worker");
    b.window(1).add(Metric.ACQUISITIONS, 4);
    b.window(2).add(Metric.REQUESTS, 6);

    a.mergeFrom(b);

    assertThat(a.totals().get(Metric.ACQUISITIONS)).isEqualTo(7);
    assertThat(a.totals().get(Metric.REQUESTS)).isEqualTo(6);
    assertThat(a.windows().size()).isEqualTo(2);
  }

  @Test
  void aThreadWithoutWindowsHasEmptyTotals() {
    assertThat(new ThreadStats("idle").totals().isEmpty()).isTrue();
  }

  private static List<Map.Entry<String, Long>> entries(Map<String, Long> map) {
    return new ArrayList<>(map.entrySet()); // in iteration order
  }

  /** The figures of a distribution, for comparing two. */
  private static List<Long> figures(DurationStats d) {
    return List.of(
        d.count(),
        d.totalNanos(),
        d.maxNanos(),
        d.percentileNanos(0),
        d.percentileNanos(50),
        d.percentileNanos(99),
        d.percentileNanos(100));
  }

  @Test
  void waitsAndHoldsRecordedOneByOneReadAsTheDistributionsOfTheirValues() {
    Random random = new Random(3);
    for (int n : new int[] {0, 1, 2, 3, 300}) {
      for (long zeros : new long[] {0, 4}) {
        ThreadStats t = new ThreadStats("t");
        DurationStats waits = new DurationStats();
        DurationStats holds = new DurationStats();
        for (int i = 0; i < n; i++) {
          long w = random.nextInt(1_000_000) - 10; // a negative one counts as 0, as record() does
          long h = random.nextInt(1_000_000);
          t.recordWait(w);
          waits.record(w);
          t.recordHold(h);
          holds.record(h);
        }
        t.recordZeroWaits(zeros);
        waits.recordZeros(zeros);
        assertThat(figures(t.waits())).as("n=%d zeros=%d", n, zeros).isEqualTo(figures(waits));
        assertThat(figures(t.holds())).as("n=%d", n).isEqualTo(figures(holds));
        t.recordWait(77); // after the distribution was made, into it
        waits.record(77);
        assertThat(figures(t.waits())).isEqualTo(figures(waits));
      }
    }
  }

  @Test
  void mergedWaitsHoldsAndBlameAreBothThreadsWhateverFormTheyAreIn() {
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        ThreadStats left = new ThreadStats("victim");
        ThreadStats right = new ThreadStats("victim");
        DurationStats waits = new DurationStats();
        DurationStats holds = new DurationStats();
        Map<String, Long> blame = new HashMap<>();
        for (int i = 0; i < a + b; i++) {
          ThreadStats t = i < a ? left : right;
          t.recordWait(100 + i);
          waits.record(100 + i);
          t.recordHold(10 + i);
          holds.record(10 + i);
          t.blame("holder" + i % 2, 5);
          blame.merge("holder" + i % 2, 5L, Long::sum);
        }
        left.recordZeroWaits(2);
        right.recordZeroWaits(3);
        waits.recordZeros(5);
        if (b == 2) {
          right.waits(); // one side's distribution made before the merge
        }

        left.mergeFrom(right);

        assertThat(figures(left.waits())).as("%d+%d", a, b).isEqualTo(figures(waits));
        assertThat(figures(left.holds())).as("%d+%d", a, b).isEqualTo(figures(holds));
        assertThat(left.blameNanosByHolder()).isEqualTo(blame);
      }
    }
  }
}
