package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountersTest {

  @Test
  void metricsAddedInAnyOrderReadBackAsAddedAndAbsentOnesReadZero() {
    Counters c = new Counters();
    Metric[] all = Metric.values();
    // from the last metric to the first, every other one: each new slot goes before the others
    for (int i = all.length - 1; i >= 0; i -= 2) {
      if (all[i].isMax()) {
        c.max(all[i], 1000 + i);
      } else {
        c.add(all[i], 1000 + i);
      }
    }
    for (int i = 0; i < all.length; i++) {
      long expected = (all.length - 1 - i) % 2 == 0 ? 1000 + i : 0;
      assertThat(c.get(all[i])).as(all[i].name()).isEqualTo(expected);
    }
  }

  @Test
  void sumsAddAndMaximaKeepTheLargestAlsoWhenMerged() {
    Counters a = new Counters();
    a.add(Metric.ACQUISITIONS, 5);
    a.increment(Metric.ACQUISITIONS);
    a.max(Metric.MAX_WAIT_NANOS, 70);
    a.max(Metric.MAX_WAIT_NANOS, 20);
    Counters b = new Counters();
    b.add(Metric.WAIT_NANOS, 300);
    b.add(Metric.MAX_WAIT_NANOS, 90); // add() of a maximum keeps the maximum
    b.add(Metric.ACQUISITIONS, 4);

    a.mergeFrom(b);

    assertThat(a.get(Metric.ACQUISITIONS)).isEqualTo(10);
    assertThat(a.get(Metric.WAIT_NANOS)).isEqualTo(300);
    assertThat(a.get(Metric.MAX_WAIT_NANOS)).isEqualTo(90);
    assertThat(a.get(Metric.HOLD_NANOS)).isZero();
    assertThat(a.ratio(Metric.WAIT_NANOS, Metric.ACQUISITIONS)).isEqualTo(30.0);
  }

  @Test
  void emptyUntilSomethingNonZeroIsAdded() {
    Counters c = new Counters();
    c.add(Metric.ACQUISITIONS, 0);
    c.max(Metric.MAX_HOLD_NANOS, 0);
    assertThat(c.isEmpty()).isTrue();
    c.increment(Metric.NOTIFIES);
    assertThat(c.isEmpty()).isFalse();
  }

  @Test
  void everyMetricFitsInTheMask() {
    Counters c = new Counters();
    for (Metric m : Metric.values()) {
      c.add(m, 1);
    }
    for (Metric m : Metric.values()) {
      assertThat(c.get(m)).as(m.name()).isEqualTo(1);
    }
  }

  @Test
  void aCounterWrittenOftenReadsTheSameOnceItIsDenseAndMergesBothWays() {
    Counters busy = new Counters();
    Counters sparse = new Counters();
    for (int i = 0; i < 3 * Counters.DENSE_AFTER_WRITES; i++) {
      busy.increment(Metric.CONTENDED);
      busy.add(Metric.WAIT_NANOS, 10);
      busy.max(Metric.MAX_WAIT_NANOS, i);
    }
    sparse.add(Metric.HOLD_NANOS, 7);
    sparse.max(Metric.MAX_WAIT_NANOS, 5000);

    assertThat(busy.get(Metric.CONTENDED)).isEqualTo(3 * Counters.DENSE_AFTER_WRITES);
    assertThat(busy.get(Metric.WAIT_NANOS)).isEqualTo(30L * Counters.DENSE_AFTER_WRITES);
    assertThat(busy.get(Metric.MAX_WAIT_NANOS)).isEqualTo(3 * Counters.DENSE_AFTER_WRITES - 1);
    assertThat(busy.get(Metric.HOLD_NANOS)).isZero();

    Counters intoSparse = new Counters();
    intoSparse.add(Metric.REQUESTS, 1);
    intoSparse.mergeFrom(busy);
    busy.mergeFrom(sparse);
    for (Counters c : new Counters[] {intoSparse, busy}) {
      assertThat(c.get(Metric.CONTENDED)).isEqualTo(3 * Counters.DENSE_AFTER_WRITES);
      assertThat(c.get(Metric.WAIT_NANOS)).isEqualTo(30L * Counters.DENSE_AFTER_WRITES);
    }
    assertThat(intoSparse.get(Metric.REQUESTS)).isEqualTo(1);
    assertThat(busy.get(Metric.HOLD_NANOS)).isEqualTo(7);
    assertThat(busy.get(Metric.MAX_WAIT_NANOS)).isEqualTo(5000);
  }

  @Test
  void addAllAddsSumsAndKeepsMaximaAsOneByOneWouldSparseAndDense() {
    Metric[] all = Metric.values();
    // sparse (a few metrics present), then dense (written past DENSE_AFTER_WRITES)
    for (int writesBefore : new int[] {0, Counters.DENSE_AFTER_WRITES + 1}) {
      Counters bulk = new Counters();
      Counters single = new Counters();
      for (int w = 0; w < writesBefore; w++) {
        bulk.increment(Metric.NOTIFIES);
        single.increment(Metric.NOTIFIES);
      }
      bulk.add(Metric.WAITS, 3);
      single.add(Metric.WAITS, 3);
      bulk.max(Metric.MAX_HOLD_NANOS, 50);
      single.max(Metric.MAX_HOLD_NANOS, 50);
      for (int round = 1; round <= 2; round++) {
        long[] amounts = new long[all.length];
        for (int i = 0; i < all.length; i++) {
          // every third metric, some negative sums, maxima below and above the one present
          amounts[i] = i % 3 == round ? (i % 2 == 0 ? 10 * i + round : -i) : 0;
          if (all[i] == Metric.MAX_HOLD_NANOS) {
            amounts[i] = round == 1 ? 20 : 80;
          }
          if (all[i].isMax()) {
            single.max(all[i], amounts[i]);
          } else {
            single.add(all[i], amounts[i]);
          }
        }
        bulk.addAll(amounts);
      }
      for (Metric m : all) {
        assertThat(bulk.get(m)).as(m + " after " + writesBefore).isEqualTo(single.get(m));
      }
      assertThat(bulk.get(Metric.MAX_HOLD_NANOS)).isEqualTo(80);
    }
  }
}
