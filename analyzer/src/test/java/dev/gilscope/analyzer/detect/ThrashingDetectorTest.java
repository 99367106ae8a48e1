package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.testing.Models;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThrashingDetectorTest {
  private final ThrashingDetector detector = new ThrashingDetector();

  private static MonitorStats oldGil(long bargesPerSecond, long contendedPerSecond) {
    MonitorStats m = Models.gilscopeMonitor("OldGil#GIL");
    for (int w = 0; w < 4; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, bargesPerSecond + contendedPerSecond);
      Models.monitor(m, w, Metric.BARGING, bargesPerSecond);
      Models.monitor(m, w, Metric.CONTENDED, contendedPerSecond);
      Models.monitor(m, w, Metric.PASS_OVERS, bargesPerSecond);
      Models.monitor(m, w, Metric.WAIT_NANOS, 900_000_000);
      Models.thread(m, "interp-1", w, Metric.ACQUISITIONS, bargesPerSecond);
      Models.thread(m, "interp-2", w, Metric.ACQUISITIONS, contendedPerSecond);
      Models.thread(m, "interp-2", w, Metric.PASS_OVERS, bargesPerSecond);
      Models.thread(m, "interp-2", w, Metric.WAIT_NANOS, 900_000_000);
    }
    return m;
  }

  @Test
  void criticalBargingNamesTheReTakerAsCauseAndThePassedOverAsVictim() {
    List<Finding> findings =
        detector.evaluate(oldGil(20_000, 1_000), Models.recording(4 * SECOND, 2)).findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.causes()).containsExactly("interp-1");
    assertThat(f.victims()).containsExactly("interp-2");
    assertThat(f.summary())
        .isEqualTo(
            "OldGil#GIL was re-taken by its releaser or a newcomer 20,000 times a second while"
                + " threads waited (barging ratio 0.95, 20.0 pass-overs per wait) from 0.0 s to"
                + " 4.0 s: woken waiters mostly find it taken again, as with Python's old"
                + " 100-tick GIL.");
  }

  @Test
  void aStormOfReTakesWhileWaitersBarelyWaitIsOnlyInfo() {
    MonitorStats m = Models.gilscopeMonitor("Io#GIL");
    Models.monitor(m, 0, Metric.ACQUISITIONS, 50_000);
    Models.monitor(m, 0, Metric.BARGING, 20_000);
    Models.monitor(m, 0, Metric.CONTENDED, 100);
    Models.monitor(m, 0, Metric.PASS_OVERS, 20_000);
    Models.monitor(m, 0, Metric.WAIT_NANOS, 70_000_000);
    assertThat(detector.evaluate(m, Models.recording(SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void warningAtTheBargingEdge() {
    // 1,000 barges a second with ratio exactly 0.5 and 1 pass-over per wait
    MonitorStats m = oldGil(1_000, 1_000);
    assertThat(detector.evaluate(m, Models.recording(4 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void belowTheRateEdgeIsOnlyInfo() {
    MonitorStats m = oldGil(999, 999);
    assertThat(detector.evaluate(m, Models.recording(4 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void fairHandoffsAreNotThrashing() {
    assertThat(detector.evaluate(oldGil(0, 5_000), Models.recording(4 * SECOND, 2)).findings())
        .isEmpty();
  }

  @Test
  void aStormWhileTwoThreadsBothWantItIsAWarningEvenWithTinyWaits() {
    // the old GIL: both interpreter threads take a large share, the releaser keeps winning, and
    // each wait is too short to add up to a quarter of a waiting thread
    MonitorStats m = oldGil(20_000, 500);
    for (int w = 0; w < 4; w++) {
      Models.monitor(m, w, Metric.WAIT_NANOS, -890_000_000);
      Models.thread(m, "interp-2", w, Metric.ACQUISITIONS, 10_000);
    }
    assertThat(detector.evaluate(m, Models.recording(4 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void aStormWithTinyWaitsNeedsWokenWaitersToFailMoreOftenThanNot() {
    // 10,000 barges a second while both threads want it and waits barely add up: a barging ratio
    // of 0.5 is a WARNING (HotSpot's spinning waiters: retake-2t-synchronized had 0.86), ...
    MonitorStats half = tinyWaits(oldGil(10_000, 10_000));
    assertThat(
            detector.evaluate(half, Models.recording(4 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.WARNING);
    // ... just under it a note
    MonitorStats less = tinyWaits(oldGil(10_000, 10_100));
    assertThat(
            detector.evaluate(less, Models.recording(4 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  private static MonitorStats tinyWaits(MonitorStats m) {
    for (int w = 0; w < 4; w++) {
      Models.monitor(m, w, Metric.WAIT_NANOS, -890_000_000);
    }
    return m;
  }

  @Test
  void aFewBargesInAShortWindowAreNoRate() {
    // 49 barges in a 0.1 s recording extrapolate to 490 a second: below the minimum sample
    MonitorStats m = Models.gilscopeMonitor("Io#GIL");
    Models.monitor(m, 0, Metric.ACQUISITIONS, 200);
    Models.monitor(m, 0, Metric.BARGING, ThrashingDetector.MIN_BARGES - 1);
    Models.monitor(m, 0, Metric.CONTENDED, 10);
    Models.monitor(m, 0, Metric.PASS_OVERS, 10);
    Models.monitor(m, 0, Metric.WAIT_NANOS, 1_000_000);
    assertThat(detector.evaluate(m, Models.recording(SECOND / 10, 2)).findings()).isEmpty();
    Models.monitor(m, 0, Metric.BARGING, 1);
    assertThat(detector.evaluate(m, Models.recording(SECOND / 10, 2)).findings().get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void passOversPerWaitNeedEnoughContendedAcquisitions() {
    MonitorStats m = Models.gilscopeMonitor("Gil#LOCK");
    Models.monitor(m, 0, Metric.ACQUISITIONS, 1_000);
    Models.monitor(m, 0, Metric.CONTENDED, ThrashingDetector.MIN_CONTENDED_FOR_PASS_OVERS - 1);
    Models.monitor(m, 0, Metric.PASS_OVERS, 1_000);
    Models.monitor(m, 0, Metric.WAIT_NANOS, 500_000_000);
    assertThat(detector.evaluate(m, Models.recording(SECOND, 2)).findings()).isEmpty();
    Models.monitor(m, 0, Metric.CONTENDED, 1);
    assertThat(detector.evaluate(m, Models.recording(SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void partiesAreOrderedMostPassedOverFirstTiesInThreadsOrderPackedOrNot() {
    Random random = new Random(7);
    // small counts (packed into longs) and counts too large to pack (compared)
    for (long scale : new long[] {5, 1L << 50}) {
      int n = 10_000;
      long[] passOvers = new long[n + 3]; // room past n, not sorted
      for (int k = 0; k < n; k++) {
        passOvers[k] = random.nextInt(6) * scale;
      }
      passOvers[n] = Long.MAX_VALUE;
      List<Integer> expected = new ArrayList<>(IntStream.range(0, n).boxed().toList());
      expected.sort(Comparator.comparingLong((Integer k) -> -passOvers[k])); // stable
      assertThat(IntStream.of(ThrashingDetector.mostPassedOverFirst(passOvers, n)).boxed().toList())
          .as("scale " + scale)
          .isEqualTo(expected);
    }
  }
}
