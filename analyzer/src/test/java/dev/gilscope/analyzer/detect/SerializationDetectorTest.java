package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializationDetectorTest {
  private final SerializationDetector detector = new SerializationDetector();

  /** Two threads; windows 3..4 of a 10 s recording: held {@code heldPermille}, waited 1 s. */
  private static MonitorStats gil(long heldNanosPerSecond, long waitNanosPerSecond) {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    for (int w = 0; w < 10; w++) {
      boolean bad = w == 3 || w == 4;
      long held = bad ? heldNanosPerSecond : 100_000_000;
      long waited = bad ? waitNanosPerSecond : 0;
      Models.monitor(m, w, Metric.ACQUISITIONS, 1000);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 1000);
      Models.monitor(m, w, Metric.HOLD_NANOS, held);
      Models.monitor(m, w, Metric.WAIT_NANOS, waited);
      Models.thread(m, "interp-1", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.WAIT_NANOS, waited);
    }
    return m;
  }

  @Test
  void criticalWhenHeldNearlyAllTheTimeWithAWaiterAndLocatesTheWindow() {
    List<Finding> findings =
        detector
            .evaluate(gil(950_000_000, 950_000_000), Models.recording(10 * SECOND, 2))
            .findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.windowStartNanos()).isEqualTo(3 * SECOND);
    assertThat(f.windowEndNanos()).isEqualTo(5 * SECOND);
    assertThat(f.victims()).containsExactly("interp-2");
    assertThat(f.summary())
        .isEqualTo(
            "Interp#GIL was held 95% of the time from 3.0 s to 5.0 s while 2 threads contended"
                + " for it (1.0 waiting on average, 0 contended or barged acquisitions a second):"
                + " they ran one at a time, so on 2 cores the monitor allows at most a 1.05x"
                + " speed-up.");
    assertThat(f.evidence()).containsEntry("speedUpBound", 1.053).containsEntry("cpuCores", 2);
  }

  @Test
  void warningEdgeAtThreeQuartersHeldAndHalfAWaiter() {
    Finding f =
        detector
            .evaluate(gil(750_000_000, 500_000_000), Models.recording(10 * SECOND, 2))
            .findings()
            .get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void justBelowTheWarningEdgeIsInfo() {
    Finding f =
        detector
            .evaluate(gil(749_000_000, 500_000_000), Models.recording(10 * SECOND, 2))
            .findings()
            .get(0);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void busyButNobodyWaitingIsNoFinding() {
    assertThat(
            detector
                .evaluate(gil(990_000_000, 100_000_000), Models.recording(10 * SECOND, 2))
                .findings())
        .isEmpty();
  }

  @Test
  void notApplicableWithoutHoldTimes() {
    MonitorStats m = Models.gilscopeMonitor("X");
    Models.monitor(m, 0, Metric.ACQUISITIONS, 10);
    assertThat(detector.evaluate(m, Models.recording(SECOND, 2)).notApplicableReason())
        .isEqualTo("no hold was timed");
  }
}
