package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Diagnosing in parallel (the detectors side by side on a monitor with many threads, monitors on
 * all cores when there are many) gives exactly the findings of the detectors run one after the
 * other, in the same order.
 */
class DetectorsTest {
  private static final RecordingInfo RECORDING = Models.recording(3 * SECOND, 2);

  /**
   * {@code threads} request threads each waiting 3 ms behind {@code cpu-bound-1}'s 4 ms holds (a
   * convoy), a few of them also passed over and waiting far longer than the rest (starving).
   */
  private static MonitorStats crowdedMonitor(String name, int threads) {
    MonitorStats m = Models.gilscopeMonitor(name);
    for (int w = 0; w < 3; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 200L + 10L * threads);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 200L + 10L * threads);
      Models.thread(m, "cpu-bound-1", w, Metric.ACQUISITIONS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.REQUESTS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.TIMED_HOLDS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.HOLD_NANOS, 200 * 4_000_000L);
      for (int i = 0; i < threads; i++) {
        String t = "request-" + i;
        boolean starved = i % 500 == 7;
        long waitNanos = starved ? 200_000_000L : 10 * (1_000_000L + i);
        Models.thread(m, t, w, Metric.ACQUISITIONS, starved ? 1 : 10);
        Models.thread(m, t, w, Metric.REQUESTS, starved ? 5 : 10);
        Models.thread(m, t, w, Metric.TIMED_WAITS, starved ? 1 : 10);
        Models.thread(m, t, w, Metric.WAIT_NANOS, waitNanos);
        Models.thread(m, t, w, Metric.PASS_OVERS, starved ? 40 : 0);
        Models.thread(m, t, w, Metric.TIMED_HOLDS, starved ? 1 : 10);
        Models.thread(m, t, w, Metric.HOLD_NANOS, (starved ? 1 : 10) * 20_000L);
      }
    }
    for (int i = 0; i < threads; i++) {
      m.thread("request-" + i).blame("cpu-bound-1", 9_000_000);
    }
    return m;
  }

  /** What {@link Detectors#diagnose} gives, made by running each detector in turn. */
  private static List<Finding> oneAfterTheOther(List<MonitorStats> monitors) {
    List<Finding> findings = new ArrayList<>();
    for (MonitorStats m : monitors) {
      for (Detector d : Detectors.all()) {
        Evaluation e = d.evaluate(m, RECORDING);
        if (e.isApplicable()) {
          findings.addAll(e.findings());
        }
      }
    }
    findings.sort(Detectors.MOST_SEVERE_FIRST);
    return findings;
  }

  @Test
  void aMonitorWithManyThreadsGetsTheFindingsOfItsDetectorsOneAfterTheOther() {
    int threads = Detectors.PARALLEL_MIN_THREADS + 500;
    List<Finding> expected = oneAfterTheOther(List.of(crowdedMonitor("Gil#LOCK", threads)));
    assertThat(expected)
        .extracting(Finding::kind)
        .contains(FindingKind.CONVOY, FindingKind.STARVATION);

    for (int run = 0; run < 5; run++) {
      List<Finding> found =
          Detectors.diagnose(
                  Detectors.all(), List.of(crowdedMonitor("Gil#LOCK", threads)), RECORDING)
              .findings();
      assertThat(found).isEqualTo(expected);
    }
  }

  @Test
  void manyMonitorsGetTheFindingsOfOneAfterTheOtherInTheSameOrder() {
    List<MonitorStats> monitors = new ArrayList<>();
    List<MonitorStats> twins = new ArrayList<>();
    for (int i = 0; i < Detectors.PARALLEL_MIN_MONITORS + 36; i++) {
      monitors.add(crowdedMonitor("Session@" + i, 3 + i % 5));
      twins.add(crowdedMonitor("Session@" + i, 3 + i % 5));
    }
    List<Finding> expected = oneAfterTheOther(twins);
    assertThat(expected).hasSizeGreaterThan(Detectors.PARALLEL_MIN_MONITORS);

    assertThat(Detectors.diagnose(Detectors.all(), monitors, RECORDING).findings())
        .isEqualTo(expected);
  }
}
