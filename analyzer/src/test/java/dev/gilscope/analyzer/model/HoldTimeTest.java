package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoldTimeTest {
  private static Counters counters(
      long acquisitions,
      long contended,
      long timedHolds,
      long holdNanos,
      long sampled,
      long sampledNanos) {
    Counters c = new Counters();
    c.add(Metric.ACQUISITIONS, acquisitions);
    c.add(Metric.CONTENDED, contended);
    c.add(Metric.TIMED_HOLDS, timedHolds);
    c.add(Metric.HOLD_NANOS, holdNanos);
    c.add(Metric.SAMPLED_HOLDS, sampled);
    c.add(Metric.SAMPLED_HOLD_NANOS, sampledNanos);
    return c;
  }

  @Test
  void nothingTimedHasNoBasisAndNoTime() {
    Counters c = counters(1_000, 0, 0, 0, 0, 0);
    assertThat(HoldTime.basis(c)).isNull();
    assertThat(HoldTime.totalNanos(c)).isZero();
    assertThat(HoldTime.utilization(c, 1_000_000)).isZero();
  }

  @Test
  void everyHoldTimedIsExact() {
    // detail=all: 100 contended + 900 uncontended acquisitions, every hold timed
    Counters c = counters(1_000, 100, 1_000, 500_000, 900, 300_000);
    assertThat(HoldTime.basis(c)).isEqualTo(HoldTime.Basis.EXACT);
    assertThat(HoldTime.totalNanos(c)).isEqualTo(500_000);
  }

  @Test
  void contendedStratumAsMeasuredUncontendedScaledFromItsSample() {
    // 100 contended holds of 2,000 ns (all timed), 9,900 uncontended of 100 ns, 1 in 1000 sampled
    long contendedNanos = 100 * 2_000;
    long sampledNanos = 9 * 100;
    Counters c = counters(10_000, 100, 109, contendedNanos + sampledNanos, 9, sampledNanos);
    assertThat(HoldTime.basis(c)).isEqualTo(HoldTime.Basis.STRATIFIED_SAMPLE);
    // true total: 200,000 + 9,900 * 100 = 1,190,000
    assertThat(HoldTime.totalNanos(c)).isCloseTo(1_190_000, within(1e-6));
    // the old mixed scaling would have said (200,900 / 109) * 10,000 = 18.4 ms: 15x too high
    assertThat(HoldTime.utilization(c, 2_380_000)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void onlyContendedAcquisitionsNeedNoSample() {
    Counters c = counters(50, 50, 50, 10_000, 0, 0);
    assertThat(HoldTime.basis(c)).isEqualTo(HoldTime.Basis.EXACT);
    assertThat(HoldTime.totalNanos(c)).isEqualTo(10_000);
  }

  @Test
  void recordingsWithoutTheSampleStratumScaleTheMixedMeanAnUpperEstimate() {
    Counters c = counters(10_000, 100, 109, 200_900, 0, 0);
    assertThat(HoldTime.basis(c)).isEqualTo(HoldTime.Basis.SCALED_MIXED_SAMPLE);
    assertThat(HoldTime.totalNanos(c)).isCloseTo(200_900.0 * 10_000 / 109, within(1e-6));
    assertThat(HoldTime.utilization(c, 1_000)).isEqualTo(1);
  }
}
