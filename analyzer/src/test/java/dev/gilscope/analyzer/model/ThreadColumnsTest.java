package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThreadColumnsTest {
  private static final Metric[] KEPT = {
    Metric.ACQUISITIONS,
    Metric.REQUESTS,
    Metric.PASS_OVERS,
    Metric.WAIT_NANOS,
    Metric.TIMED_WAITS,
    Metric.EPISODES,
    Metric.EPISODE_NANOS,
    Metric.WAIT_IN_WAIT_NANOS,
    Metric.TIMED_HOLDS
  };

  @Test
  void holdsEveryThreadsWindowsAsTheModelDoesOnOneCoreAndOnAll() {
    // below and above Slices.PARALLEL_MIN_THREADS
    for (int n : new int[] {0, 1, 7, 25_000}) {
      Random random = new Random(n);
      MonitorStats m = new MonitorStats("k", "m", null, null, EventSource.GILSCOPE);
      for (int i = 0; i < n; i++) {
        ThreadStats t = m.thread("t" + i);
        // windows written out of order, some threads with one window, some with many
        for (int k = random.nextInt(4); k >= 0; k--) {
          Counters c = t.window(random.nextInt(9) - 2);
          c.add(KEPT[random.nextInt(KEPT.length)], 1 + random.nextInt(1000));
          c.add(Metric.HOLD_NANOS, 1); // a metric without a column
        }
      }
      ThreadColumns columns = m.columns();
      List<ThreadStats> threads = new ArrayList<>(m.threadsInArrivalOrder());
      assertThat(columns.threads()).isEqualTo(n);
      for (int i = 0; i < n; i++) {
        WindowedCounters windows = threads.get(i).windows();
        assertThat(columns.to(i) - columns.from(i)).isEqualTo(windows.size());
        for (int p = 0; p < windows.size(); p++) {
          int e = columns.from(i) + p;
          assertThat(columns.window(e)).isEqualTo(windows.index(p));
          for (Metric metric : KEPT) {
            int column = ThreadColumns.column(metric);
            assertThat(columns.get(column, e)).isEqualTo(windows.counters(p).get(metric));
          }
        }
        for (Metric metric : KEPT) {
          int column = ThreadColumns.column(metric);
          assertThat(columns.total(i, column)).isEqualTo(threads.get(i).total(metric));
          assertThat(columns.sum(i, column, 0, 3)).isEqualTo(windows.sum(metric, 0, 3));
        }
      }
    }
  }

  @Test
  void isMadeAgainWhenAThreadMayHaveChanged() {
    MonitorStats m = new MonitorStats("k", "m", null, null, EventSource.GILSCOPE);
    m.thread("a").window(0).add(Metric.ACQUISITIONS, 1);
    ThreadColumns before = m.columns();
    m.thread("a").window(1).add(Metric.ACQUISITIONS, 2);
    ThreadColumns after = m.columns();
    assertThat(after).isNotSameAs(before);
    assertThat(after.total(0, ThreadColumns.column(Metric.ACQUISITIONS))).isEqualTo(3);
  }

  @Test
  void aMetricWithoutAColumnIsAnError() {
    assertThatThrownBy(() -> ThreadColumns.column(Metric.HOLD_NANOS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
