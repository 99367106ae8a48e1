package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorStatsTest {

  @Test
  void aMonitorFirstSeenWithoutItsNameTakesItFromALaterEvent() {
    // a live stream that starts mid-recording can deliver a monitor's first event without its name
    MonitorStats m = MonitorStats.unnamed("gilscope:1", "monitor#1", EventSource.GILSCOPE);
    m.named(null);
    assertThat(m.name()).isEqualTo("monitor#1");
    m.named("com.acme.Interp#GIL");
    m.named("something else");
    assertThat(m.name()).isEqualTo("com.acme.Interp#GIL");
    assertThat(m.hasProvisionalName()).isFalse();
    // a named monitor keeps its name
    MonitorStats named = new MonitorStats("gilscope:2", "a#B", null, null, EventSource.GILSCOPE);
    named.named("other");
    assertThat(named.name()).isEqualTo("a#B");
  }

  @Test
  void threadsInArrivalOrderKnowTheirRankAndTotalsInTheSortedOrder() {
    MonitorStats m = new MonitorStats("gilscope:3", "a#C", null, null, EventSource.GILSCOPE);
    long[] acquisitions = {3, 9, 1, 9, 5};
    for (int i = 0; i < acquisitions.length; i++) {
      m.thread("t" + i).window(0).add(Metric.ACQUISITIONS, acquisitions[i]);
      m.thread("t" + i).window(0).add(Metric.WAIT_NANOS, 10 * i);
    }
    int[] ranks = m.ranksInArrivalOrder();
    int arrival = 0;
    for (ThreadStats t : m.threadsInArrivalOrder()) {
      assertThat(m.threads().get(ranks[arrival++])).isSameAs(t);
    }
    assertThat(m.threads())
        .extracting(ThreadStats::name)
        .containsExactly("t3", "t1", "t4", "t0", "t2");
    long[] sums = new long[2];
    m.forEachThreadTotals(
        (a, wait) -> {
          sums[0] += a;
          sums[1] += wait;
        });
    assertThat(sums).containsExactly(27, 100);
    // a thread's new counts drop the order: the ranks are made again
    m.thread("t2").window(1).add(Metric.ACQUISITIONS, 20);
    assertThat(m.ranksInArrivalOrder()[2]).isZero();
  }

  @Test
  void aPartsThreadsMergeAsOneByOneOnOneCoreAndOnAll() {
    // below and above Slices.PARALLEL_MIN_THREADS: the second part shares half its threads
    for (int n : new int[] {10, 30_000}) {
      MonitorStats first = new MonitorStats("gilscope:4", "a#D", null, null, EventSource.GILSCOPE);
      MonitorStats second = new MonitorStats("gilscope:4", "a#D", null, null, EventSource.GILSCOPE);
      for (int i = 0; i < n; i++) {
        ThreadStats t = first.thread("t" + i);
        t.window(0).add(Metric.ACQUISITIONS, i);
        t.recordWait(10);
        t.blame("holder", 10);
      }
      for (int i = n / 2; i < n + n / 2; i++) {
        ThreadStats t = second.thread(new String("t" + i)); // another part's String
        t.window(1).add(Metric.ACQUISITIONS, 2L * i);
        t.recordWait(30);
        t.blame("other", 5);
      }
      first.mergeFrom(second);

      List<String> expectedOrder = new ArrayList<>();
      for (int i = 0; i < n + n / 2; i++) {
        expectedOrder.add("t" + i);
      }
      assertThat(first.threadsInArrivalOrder())
          .extracting(ThreadStats::name)
          .containsExactlyElementsOf(expectedOrder);
      for (int i = 0; i < n + n / 2; i++) {
        ThreadStats t = first.threadOrNull("t" + i);
        boolean inFirst = i < n;
        boolean inSecond = i >= n / 2;
        assertThat(t.total(Metric.ACQUISITIONS))
            .isEqualTo((inFirst ? i : 0) + (inSecond ? 2L * i : 0));
        assertThat(t.windows().size()).isEqualTo((inFirst ? 1 : 0) + (inSecond ? 1 : 0));
        assertThat(t.waits().count()).isEqualTo((inFirst ? 1 : 0) + (inSecond ? 1 : 0));
        assertThat(t.blameNanosByHolder()).hasSize((inFirst ? 1 : 0) + (inSecond ? 1 : 0));
      }
    }
  }
}
