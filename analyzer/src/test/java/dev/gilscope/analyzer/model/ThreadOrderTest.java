package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadOrderTest {

  @Test
  void sortsAsTheComparatorOfItsKeysWithTiesOnEveryKeyButTheName() {
    for (int n : new int[] {0, 1, 2, 15, 16, 17, 1000, 20_000, 100_001}) {
      Random random = new Random(n);
      ThreadOrder order = new ThreadOrder(n);
      long[][] keys = new long[n][];
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        // few distinct values: most threads tie on acquisitions, many on the wait as well
        keys[i] = new long[] {random.nextInt(4), random.nextInt(20), random.nextInt(3)};
        names[i] = "t" + random.nextInt(1_000_000) + "-" + i;
        order.set(i, names[i], keys[i][0], keys[i][1], keys[i][2]);
      }
      List<Integer> expected = new ArrayList<>(IntStream.range(0, n).boxed().toList());
      expected.sort(
          Comparator.comparingLong((Integer i) -> -keys[i][0])
              .thenComparingLong(i -> -keys[i][1])
              .thenComparingLong(i -> -keys[i][2])
              .thenComparing(i -> names[i]));

      assertThat(IntStream.of(order.sorted()).boxed().toList()).as("n=" + n).isEqualTo(expected);
    }
  }

  @Test
  void aMonitorsThreadsAreSortedBusiestFirstAndAlsoKeptInArrivalOrder() {
    MonitorStats m = new MonitorStats("k", "m", null, null, EventSource.GILSCOPE);
    m.thread("idle").window(0).add(Metric.REQUESTS, 1);
    m.thread("busy").window(0).add(Metric.ACQUISITIONS, 9);
    m.thread("waiting").window(0).add(Metric.WAIT_NANOS, 5);
    m.thread("b-tie").window(0).add(Metric.ACQUISITIONS, 3);
    m.thread("a-tie").window(1).add(Metric.ACQUISITIONS, 3);

    assertThat(m.threads())
        .extracting(ThreadStats::name)
        .containsExactly("busy", "a-tie", "b-tie", "waiting", "idle");
    assertThat(m.threadsInArrivalOrder())
        .extracting(ThreadStats::name)
        .containsExactly("idle", "busy", "waiting", "b-tie", "a-tie");
  }
}
