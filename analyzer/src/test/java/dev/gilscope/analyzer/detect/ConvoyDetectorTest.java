package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadCpu;
import dev.gilscope.analyzer.testing.Models;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvoyDetectorTest {
  private final ConvoyDetector detector = new ConvoyDetector();

  /**
   * The monitor is the GIL: io-bound-1 holds 20 us and waits {@code meanWait} behind cpu-bound-1.
   */
  private static MonitorStats entryShaped(long meanWaitNanos) {
    MonitorStats m = Models.gilscopeMonitor("Gil#LOCK");
    for (int w = 0; w < 3; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 300);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 300);
      Models.thread(m, "io-bound-1", w, Metric.ACQUISITIONS, 100);
      Models.thread(m, "io-bound-1", w, Metric.TIMED_WAITS, 100);
      Models.thread(m, "io-bound-1", w, Metric.WAIT_NANOS, 100 * meanWaitNanos);
      Models.thread(m, "io-bound-1", w, Metric.TIMED_HOLDS, 100);
      Models.thread(m, "io-bound-1", w, Metric.HOLD_NANOS, 100 * 20_000L);
      Models.thread(m, "cpu-bound-1", w, Metric.ACQUISITIONS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.TIMED_HOLDS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.HOLD_NANOS, 200 * 4_000_000L);
    }
    m.thread("io-bound-1").blame("cpu-bound-1", 9_000_000);
    m.thread("io-bound-1").blame("other-1", 1_000_000);
    for (int i = 0; i < 300; i++) {
      m.thread("io-bound-1").waits().record(meanWaitNanos);
    }
    return m;
  }

  @Test
  void ioThreadWaitingBehindLongHoldsIsACriticalConvoy() {
    List<Finding> findings =
        detector.evaluate(entryShaped(3_000_000), Models.recording(3 * SECOND, 2)).findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.victims()).containsExactly("io-bound-1");
    assertThat(f.causes()).containsExactly("cpu-bound-1");
    assertThat(f.summary())
        .isEqualTo(
            "io-bound-1 waited 3.0 ms on average (p99 3.0 ms) to enter Gil#LOCK, 150x its own"
                + " 20.0 us hold, mostly behind cpu-bound-1 (90% of its wait), whose holds last"
                + " 4.0 ms: short jobs queue behind a long one.");
  }

  @Test
  void victimsOfOneHolderAreOneFindingWorstVictimFirst() {
    MonitorStats m = entryShaped(1_000_000); // io-bound-1: WARNING
    for (int w = 0; w < 3; w++) {
      Models.thread(m, "io-bound-2", w, Metric.ACQUISITIONS, 50);
      Models.thread(m, "io-bound-2", w, Metric.TIMED_WAITS, 50);
      Models.thread(m, "io-bound-2", w, Metric.WAIT_NANOS, 50 * 3_000_000L);
      Models.thread(m, "io-bound-2", w, Metric.TIMED_HOLDS, 50);
      Models.thread(m, "io-bound-2", w, Metric.HOLD_NANOS, 50 * 20_000L);
    }
    m.thread("io-bound-2").blame("cpu-bound-1", 9_000_000);

    List<Finding> findings = detector.evaluate(m, Models.recording(3 * SECOND, 2)).findings();

    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    // io-bound-2 (CRITICAL, 3 ms) speaks for the group although io-bound-1 comes first by
    // acquisitions
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.victims()).containsExactly("io-bound-2", "io-bound-1");
    assertThat(f.causes()).containsExactly("cpu-bound-1");
    assertThat(f.evidence().get("victimMeanWaitNanos")).isEqualTo(3_000_000L);
    assertThat(f.summary())
        .startsWith("io-bound-2 waited 3.0 ms on average")
        .endsWith(" cpu-bound-1 kept 1 other thread waiting likewise (victims).");
  }

  @Test
  void warningJustAboveTheMeanWaitEdge() {
    Finding f =
        detector
            .evaluate(entryShaped(1_000_000), Models.recording(3 * SECOND, 2))
            .findings()
            .get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void shortWaitsAreNoConvoy() {
    assertThat(detector.evaluate(entryShaped(150_000), Models.recording(3 * SECOND, 2)).findings())
        .isEmpty();
  }

  @Test
  void flagShapedGilUsesWaitEpisodesAndTheNotifier() {
    MonitorStats m = Models.gilscopeMonitor("NewGil#GIL");
    for (int w = 0; w < 3; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 400);
      Models.monitor(m, w, Metric.WAITS, 400);
      Models.monitor(m, w, Metric.WAIT_IN_WAIT_NANOS, 600_000_000);
      Models.monitor(m, w, Metric.TIMED_OUT_WAITS, 100);
      Models.thread(m, "io-bound-1", w, Metric.ACQUISITIONS, 200);
      Models.thread(m, "io-bound-1", w, Metric.EPISODES, 100);
      Models.thread(m, "io-bound-1", w, Metric.EPISODES_TIMED_OUT, 100);
      Models.thread(m, "io-bound-1", w, Metric.EPISODE_NANOS, 100 * 5_500_000L);
      Models.thread(m, "io-bound-1", w, Metric.WAIT_IN_WAIT_NANOS, 550_000_000);
      Models.thread(m, "cpu-bound-1", w, Metric.ACQUISITIONS, 200);
      Models.thread(m, "cpu-bound-1", w, Metric.EPISODES, 100);
      Models.thread(m, "cpu-bound-1", w, Metric.EPISODE_NANOS, 100 * 50_000L);
      Models.thread(m, "cpu-bound-1", w, Metric.WAIT_IN_WAIT_NANOS, 5_000_000);
    }
    m.thread("io-bound-1").blame("cpu-bound-1", 1_650_000_000);
    for (int i = 0; i < 300; i++) {
      m.thread("io-bound-1").episodes().record(5_500_000);
      m.episodes().record(5_500_000);
      m.thread("io-bound-1").waitsInWait().record(5_500_000);
      m.thread("cpu-bound-1").waitsInWait().record(50_000);
    }
    Finding f = detector.evaluate(m, Models.recording(3 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.victims()).containsExactly("io-bound-1");
    assertThat(f.causes()).containsExactly("cpu-bound-1");
    assertThat(f.summary())
        .isEqualTo(
            "io-bound-1 waited 5.5 ms on average (p99 5.5 ms) in wait() on NewGil#GIL for the"
                + " flag it guards, 100% of those waits sitting out a whole timeout, while"
                + " cpu-bound-1 held it and rarely waited (1% of the time): the I/O thread queues"
                + " behind the CPU-bound holder's interval.");
  }

  @Test
  void theEntryShapesEdges() {
    // at each WARNING edge: mean wait 1 ms, 10x its own hold, behind a 10x longer holder, blamed
    // half
    assertThat(ConvoyDetector.entrySeverity(1_000_000, 10, 10, 0.5)).isEqualTo(Severity.WARNING);
    assertThat(ConvoyDetector.entrySeverity(999_999, 10, 10, 0.5)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.entrySeverity(1_000_000, 9.9, 10, 0.5)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.entrySeverity(1_000_000, 10, 9.9, 0.5)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.entrySeverity(1_000_000, 10, 10, 0.49)).isNull();
    // CRITICAL: 100x and 2 ms
    assertThat(ConvoyDetector.entrySeverity(2_000_000, 100, 10, 0.5)).isEqualTo(Severity.CRITICAL);
    assertThat(ConvoyDetector.entrySeverity(1_999_999, 100, 10, 0.5)).isEqualTo(Severity.WARNING);
    // INFO: 0.2 ms and 5x
    assertThat(ConvoyDetector.entrySeverity(200_000, 5, 5, 0.5)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.entrySeverity(199_999, 5, 5, 0.5)).isNull();
  }

  @Test
  void theFlagShapesEdgesWithoutCpuLoad() {
    // WARNING: episodes of 1 ms, half of them timed out, 5x the cause's
    double noCpu = Double.NaN;
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.5, 5, noCpu)).isEqualTo(Severity.WARNING);
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.49, 5, noCpu)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.5, 4.9, noCpu)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.flagSeverity(2_000_000, 0.5, 50, noCpu)).isEqualTo(Severity.CRITICAL);
    assertThat(ConvoyDetector.flagSeverity(200_000, 0, 3, noCpu)).isEqualTo(Severity.INFO);
    assertThat(ConvoyDetector.flagSeverity(200_000, 0, 2.9, noCpu)).isNull();
  }

  @Test
  void withTheCpuSplitRecordedTheVictimsEpisodesNeedOnlyMatchTheCauses() {
    // new-gil on a loaded machine: episodes 3.3x the cause's, the I/O thread used 0.18 of its CPU
    assertThat(ConvoyDetector.flagSeverity(5_000_000, 0.89, 3.35, 0.18))
        .isEqualTo(Severity.WARNING);
    // the edges: half the cause's CPU, episodes as long as the cause's
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.5, 1, 0.5)).isEqualTo(Severity.WARNING);
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.5, 1, 0.51)).isNull();
    assertThat(ConvoyDetector.flagSeverity(1_000_000, 0.5, 0.99, 0.5)).isNull();
    // two CPU-bound threads sharing the flag wait and use alike: no convoy even with long waits
    assertThat(ConvoyDetector.flagSeverity(5_000_000, 0.9, 1.1, 0.9)).isNull();
  }

  private static Map<String, ThreadCpu> cpu(double victim, double cause) {
    Map<String, ThreadCpu> loads = new HashMap<>();
    loads.put("io-bound-1", new ThreadCpu());
    loads.get("io-bound-1").add(victim);
    loads.put("cpu-bound-1", new ThreadCpu());
    loads.get("cpu-bound-1").add(cause);
    return loads;
  }

  @Test
  void onePreemptedHoldDoesNotMakeTheVictimsJobLong() {
    // sixteen 26 us holds and one of 13 ms: the mean is 0.8 ms, the median 26 us
    MonitorStats m = entryShaped(3_000_000);
    for (int i = 0; i < 16; i++) {
      m.thread("io-bound-1").holds().record(26_000);
    }
    m.thread("io-bound-1").holds().record(13_000_000);
    Finding f = detector.evaluate(m, Models.recording(3 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.evidence().get("victimMedianHoldNanos").longValue()).isBetween(25_000L, 27_000L);
  }

  /** The cause re-took it uncontended all the time: none of its holds was timed. */
  private static MonitorStats untimedCause() {
    MonitorStats m = Models.gilscopeMonitor("Gil#LOCK");
    for (int w = 0; w < 3; w++) {
      Models.thread(m, "io-bound-1", w, Metric.ACQUISITIONS, 100);
      Models.thread(m, "io-bound-1", w, Metric.TIMED_WAITS, 100);
      Models.thread(m, "io-bound-1", w, Metric.WAIT_NANOS, 100 * 4_000_000L);
      Models.thread(m, "io-bound-1", w, Metric.TIMED_HOLDS, 100);
      Models.thread(m, "io-bound-1", w, Metric.HOLD_NANOS, 100 * 20_000L);
      Models.thread(m, "cpu-bound-1", w, Metric.ACQUISITIONS, 200);
    }
    m.thread("io-bound-1").blame("cpu-bound-1", 9_000_000);
    return m;
  }

  @Test
  void aCauseWithoutTimedHoldsCountsWhenItUsedTwiceTheVictimsCpu() {
    Finding f =
        detector
            .evaluate(untimedCause(), Models.recording(3 * SECOND, 2, cpu(0.25, 0.5)))
            .findings()
            .get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.evidence()).containsEntry("causeMedianHoldNanos", null);
    assertThat(f.summary())
        .contains("whose holds were not timed but who used 50% of the CPU against its 25%");
    // a little more CPU than half the cause's, or no CPU load recorded: no evidence of a long job
    assertThat(
            detector
                .evaluate(untimedCause(), Models.recording(3 * SECOND, 2, cpu(0.26, 0.5)))
                .findings())
        .isEmpty();
    assertThat(detector.evaluate(untimedCause(), Models.recording(3 * SECOND, 2)).findings())
        .isEmpty();
  }

  /** io-bound-1 waits {@code waits} times in all, {@code meanWait} each, behind cpu-bound-1. */
  private static MonitorStats fewWaits(long waits, long meanWaitNanos) {
    MonitorStats m = Models.gilscopeMonitor("Gil#LOCK");
    Models.thread(m, "io-bound-1", 0, Metric.ACQUISITIONS, waits);
    Models.thread(m, "io-bound-1", 0, Metric.TIMED_WAITS, waits);
    Models.thread(m, "io-bound-1", 0, Metric.WAIT_NANOS, waits * meanWaitNanos);
    Models.thread(m, "io-bound-1", 0, Metric.TIMED_HOLDS, waits);
    Models.thread(m, "io-bound-1", 0, Metric.HOLD_NANOS, waits * 20_000L);
    Models.thread(m, "cpu-bound-1", 0, Metric.ACQUISITIONS, 500);
    Models.thread(m, "cpu-bound-1", 0, Metric.TIMED_HOLDS, 500);
    Models.thread(m, "cpu-bound-1", 0, Metric.HOLD_NANOS, 500 * 2_000_000L);
    m.thread("io-bound-1").blame("cpu-bound-1", waits * meanWaitNanos);
    for (int i = 0; i < waits; i++) {
      m.thread("io-bound-1").waits().record(meanWaitNanos);
    }
    return m;
  }

  @Test
  void fewWaitsThatFillATenthOfTheRecordingAreNoAnecdote() {
    // 6 waits of 220 ms in 2 s (the matrix's starved-out I/O thread): two thirds of its time
    List<Finding> long6 =
        detector.evaluate(fewWaits(6, 220_000_000), Models.recording(2 * SECOND, 2)).findings();
    assertThat(long6).hasSize(1);
    assertThat(long6.get(0).severity()).isEqualTo(Severity.CRITICAL);
    // 9 waits of 20 ms: 9% of the time, under ten waits: an anecdote
    assertThat(
            detector.evaluate(fewWaits(9, 20_000_000), Models.recording(2 * SECOND, 2)).findings())
        .isEmpty();
    // 10 waits of 20 ms: the minimum sample by count
    assertThat(
            detector.evaluate(fewWaits(10, 20_000_000), Models.recording(2 * SECOND, 2)).findings())
        .hasSize(1);
    // one wait of 1.5 s is one event, not a pattern
    assertThat(
            detector
                .evaluate(fewWaits(1, 1_500_000_000), Models.recording(2 * SECOND, 2))
                .findings())
        .isEmpty();
  }
}
