package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowedCountersTest {

  @Test
  void windowsInAnyOrderAreKeptSortedAndSumLikeAMapOfCounters() {
    WindowedCounters windows = new WindowedCounters();
    TreeMap<Integer, Long> expected = new TreeMap<>();
    Random random = new Random(14);
    for (int i = 0; i < 2_000; i++) {
      // mostly in time order, now and then an earlier window (a late statistics period)
      int w = random.nextInt(10) == 0 ? random.nextInt(60) : i / 40;
      long n = 1 + random.nextInt(5);
      windows.at(w).add(Metric.ACQUISITIONS, n);
      windows.at(w).max(Metric.MAX_WAIT_NANOS, n * 100);
      expected.merge(w, n, Long::sum);
    }

    assertThat(windows.size()).isEqualTo(expected.size());
    assertThat(windows.firstIndex()).isEqualTo(expected.firstKey());
    assertThat(windows.lastIndex()).isEqualTo(expected.lastKey());
    int p = 0;
    for (Map.Entry<Integer, Long> e : expected.entrySet()) {
      assertThat(windows.index(p)).isEqualTo(e.getKey());
      assertThat(windows.counters(p).get(Metric.ACQUISITIONS)).isEqualTo(e.getValue());
      assertThat(windows.get(e.getKey())).isSameAs(windows.counters(p));
      p++;
    }
    for (int from = -2; from < 62; from += 3) {
      for (int to = from; to < 64; to += 7) {
        long sum = expected.subMap(from, true, to, true).values().stream().mapToLong(x -> x).sum();
        assertThat(windows.sum(from, to).get(Metric.ACQUISITIONS)).isEqualTo(sum);
        assertThat(windows.sum(Metric.ACQUISITIONS, from, to)).isEqualTo(sum);
        assertThat(windows.sum(Metric.MAX_WAIT_NANOS, from, to))
            .isEqualTo(windows.sum(from, to).get(Metric.MAX_WAIT_NANOS));
      }
      int at = windows.positionAtOrAfter(from);
      Integer ceiling = expected.ceilingKey(from);
      assertThat(at == windows.size() ? null : windows.index(at)).isEqualTo(ceiling);
    }
    assertThat(windows.all().keySet()).containsExactlyElementsOf(expected.keySet());
  }

  @Test
  void anEmptyOneHasNoWindowsAndMergingAddsWindowByWindow() {
    WindowedCounters a = new WindowedCounters();
    assertThat(a.isEmpty()).isTrue();
    assertThat(a.get(3).isEmpty()).isTrue();
    assertThat(a.sum(0, 10).isEmpty()).isTrue();
    assertThat(a.positionAtOrAfter(5)).isZero();
    assertThatThrownBy(() -> a.index(0)).isInstanceOf(IndexOutOfBoundsException.class);

    WindowedCounters b = new WindowedCounters();
    b.at(4).increment(Metric.WAITS);
    b.at(1).increment(Metric.WAITS);
    a.at(4).increment(Metric.WAITS);
    a.mergeFrom(b);
    assertThat(a.size()).isEqualTo(2);
    assertThat(a.get(4).get(Metric.WAITS)).isEqualTo(2);
    assertThat(a.get(1).get(Metric.WAITS)).isEqualTo(1);
    assertThat(a.get(4)).isNotSameAs(b.get(4));
  }
}
