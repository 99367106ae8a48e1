package dev.gilscope.analyzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineCollectorTest {
  private static final long ORIGIN = 1_700_000_000_000_000_000L;
  private static final long SECOND = 1_000_000_000L;
  // small bounds for the tests that go beyond them: the production ones need millions of events
  private static final int ENTRIES = 1 << 16;
  // at least two per slice: above the budget, each slice's longest is kept
  private static final int INTERVALS = 2 * TimelineCollector.STRATA;

  /** One interval as the accumulator would report it. */
  private record Event(IntervalKind kind, String thread, long start, long end) {
    void feed(TimelineCollector c) {
      switch (kind) {
        case HOLD -> c.hold("GIL", thread, ORIGIN + start, ORIGIN + end);
        case WAIT -> c.waitCall("GIL", thread, ORIGIN + start, ORIGIN + end);
        default ->
            c.acquire("GIL", thread, ORIGIN + start, ORIGIN + end, kind == IntervalKind.HANDOFF);
      }
    }
  }

  private static List<Event> events(int n, long spanNanos, int threads, long seed) {
    Random r = new Random(seed);
    List<Event> out = new ArrayList<>();
    IntervalKind[] kinds = IntervalKind.values();
    for (int i = 0; i < n; i++) {
      long start = (long) (r.nextDouble() * spanNanos);
      long length = (long) Math.exp(r.nextDouble() * 16); // 1 ns .. ~9 ms, log-uniform
      out.add(
          new Event(
              kinds[r.nextInt(kinds.length)],
              "t" + r.nextInt(threads),
              start,
              Math.min(spanNanos, start + length)));
    }
    return out;
  }

  @Test
  void aTenMinuteRecordingStaysWithinTheBounds() {
    long span = 600 * SECOND;
    TimelineCollector c = new TimelineCollector(ORIGIN);
    List<Event> events = events(150_000, span, 40, 1);
    long holdNanos = 0;
    for (Event e : events) {
      e.feed(c);
      if (e.kind() == IntervalKind.HOLD) {
        holdNanos += e.end() - e.start();
      }
    }
    Timeline t = c.snapshot(span, 16);

    assertThat(t.intervals()).hasSizeLessThanOrEqualTo(TimelineCollector.MAX_INTERVALS);
    assertThat(t.intervals().size()).isGreaterThan(TimelineCollector.MAX_INTERVALS / 2);
    assertThat(t.buckets()).isLessThanOrEqualTo(TimelineCollector.BUCKETS);
    assertThat(t.bucketNanos() * t.buckets()).isGreaterThanOrEqualTo(span);
    assertThat(t.lanes()).hasSize(17);
    assertThat(t.lanes().get(16).label()).isEqualTo("24 other threads");
    assertThat(t.lanes().get(16).threads()).isEqualTo(24);
    // the aggregate loses no time: every hold's nanoseconds are in some bucket of some lane
    long aggregated = t.lanes().stream().mapToLong(l -> Arrays.stream(l.holdNanos()).sum()).sum();
    assertThat(aggregated).isEqualTo(holdNanos);
    assertThat(Arrays.stream(t.intervalsSeen()).sum()).isEqualTo(events.size());
  }

  @Test
  void mergingTheReadersPartsGivesWhatOneReaderKeeps() {
    long span = 20 * SECOND;
    // below the collection limit: every interval is kept, and the snapshot's budget chooses
    List<Event> events = events(100_000, span, 6, 2);
    TimelineCollector whole = new TimelineCollector(ORIGIN);
    events.forEach(e -> e.feed(whole));
    // the parallel reader: contiguous time ranges, each in its own collector, merged in order
    TimelineCollector first = new TimelineCollector(ORIGIN);
    TimelineCollector second = new TimelineCollector(ORIGIN);
    events.forEach(e -> e.feed(e.start() < span / 3 ? first : second));
    first.mergeFrom(second);

    Timeline a = whole.snapshot(span, 16);
    Timeline b = first.snapshot(span, 16);
    assertThat(b.bucketNanos()).isEqualTo(a.bucketNanos());
    assertThat(b.intervals()).isEqualTo(a.intervals());
    assertThat(b.lanes()).hasSameSizeAs(a.lanes());
    for (int i = 0; i < a.lanes().size(); i++) {
      assertThat(b.lanes().get(i).label()).isEqualTo(a.lanes().get(i).label());
      assertThat(b.lanes().get(i).holdNanos()).isEqualTo(a.lanes().get(i).holdNanos());
      assertThat(b.lanes().get(i).acquireNanos()).isEqualTo(a.lanes().get(i).acquireNanos());
      assertThat(b.lanes().get(i).waitNanos()).isEqualTo(a.lanes().get(i).waitNanos());
      assertThat(b.lanes().get(i).handoffs()).isEqualTo(a.lanes().get(i).handoffs());
    }
    assertThat(b.intervalsSeen()).isEqualTo(a.intervalsSeen());
  }

  @Test
  void aboveTheCollectionLimitThePartsMergeIntoAnEquallyBoundedSample() {
    long span = 60 * SECOND;
    List<Event> events = events(40_000, span, 6, 4);
    TimelineCollector whole = new TimelineCollector(ORIGIN, ENTRIES, INTERVALS);
    events.forEach(e -> e.feed(whole));
    TimelineCollector first = new TimelineCollector(ORIGIN, ENTRIES, INTERVALS);
    TimelineCollector second = new TimelineCollector(ORIGIN, ENTRIES, INTERVALS);
    events.forEach(e -> e.feed(e.start() < span / 2 ? first : second));
    first.mergeFrom(second);
    Timeline a = whole.snapshot(span, 16);
    Timeline b = first.snapshot(span, 16);

    assertThat(b.intervals()).hasSizeLessThanOrEqualTo(INTERVALS);
    assertThat(b.intervals().size()).isGreaterThan(INTERVALS / 2);
    for (int i = 0; i < a.lanes().size(); i++) {
      assertThat(b.lanes().get(i).holdNanos()).isEqualTo(a.lanes().get(i).holdNanos());
    }
    // the longest interval of all is in both
    Event longest =
        events.stream().max(java.util.Comparator.comparingLong(e -> e.end() - e.start())).get();
    for (Timeline t : List.of(a, b)) {
      assertThat(t.intervals())
          .anyMatch(
              s ->
                  s.interval().startNanos() == longest.start()
                      && s.interval().endNanos() == longest.end());
    }
  }

  @Test
  void aLongHoldAmongManyShortOnesIsKept() {
    TimelineCollector c = new TimelineCollector(ORIGIN, ENTRIES, INTERVALS);
    c.hold("GIL", "main", ORIGIN, ORIGIN + 10 * SECOND); // fixes the bucket width
    for (int i = 0; i < 40_000; i++) {
      long start = SECOND + i * 5L;
      c.hold("GIL", "short-" + (i % 3), ORIGIN + start, ORIGIN + start + 2);
    }
    long longStart = SECOND + 500_000;
    c.waitCall("GIL", "starved", ORIGIN + longStart, ORIGIN + longStart + 300_000);
    Timeline t = c.snapshot(10 * SECOND, 16);

    assertThat(t.intervals())
        .anySatisfy(
            s -> {
              assertThat(s.interval().thread()).isEqualTo("starved");
              assertThat(s.interval().durationNanos()).isEqualTo(300_000);
            });
    assertThat(t.intervals()).hasSizeLessThanOrEqualTo(INTERVALS);
  }

  @Test
  void aQuietRecordingKeepsEveryInterval() {
    TimelineCollector c = new TimelineCollector(ORIGIN);
    List<Event> events = events(5_000, 2 * SECOND, 3, 3);
    events.forEach(e -> e.feed(c));
    assertThat(c.snapshot(2 * SECOND, 16).intervals()).hasSize(events.size());
  }

  @Test
  void sampledHoldsAreEstimatedPerPeriodAndSharedByAcquisitions() {
    TimelineCollector c = new TimelineCollector(ORIGIN);
    // one 1-second period: 1,000 acquisitions, 10 sampled holds of 0.5 ms: held 0.5 s in all
    c.monitorPeriod(
        "GIL", ORIGIN + SECOND, ORIGIN + 2 * SECOND, 1_000, 0, 10, 5_000_000, 10, 5_000_000);
    c.threadPeriod("GIL", "a", ORIGIN + SECOND, ORIGIN + 2 * SECOND, 3, 750);
    c.threadPeriod("GIL", "b", ORIGIN + SECOND, ORIGIN + 2 * SECOND, 0, 250);
    Timeline t = c.snapshot(2 * SECOND, 16);

    Timeline.LaneData a = t.lanes().get(0);
    Timeline.LaneData b = t.lanes().get(1);
    assertThat(a.label()).isEqualTo("a");
    assertThat((double) Arrays.stream(a.estimatedHoldNanos()).sum()).isCloseTo(375e6, within());
    assertThat((double) Arrays.stream(b.estimatedHoldNanos()).sum()).isCloseTo(125e6, within());
    assertThat(Arrays.stream(a.passOvers()).sum()).isEqualTo(3);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e4);
  }
}
