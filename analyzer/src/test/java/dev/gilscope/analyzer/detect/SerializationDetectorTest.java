package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
                + " for it (1.0 waiting on average, 0 contended or barged acquisitions a second);"
                + " its 2 users spent at least 95% of their time holding or getting it: they ran"
                + " one at a time, so on 2 cores the monitor allows at most a 1.03x speed-up.");
    assertThat(f.evidence())
        .containsEntry("speedUpBound", 1.026)
        .containsEntry("serialFractionLowerBound", 0.95)
        .containsEntry("cpuCores", 2);
  }

  /**
   * A fair lock with a waiter at every release (the matrix's 4 threads doing all their work under
   * it): the hand-overs' transit leaves it idle a third of the time, so occupancy alone says INFO;
   * the users' time says they did nothing but hold it or wait for it.
   */
  @Test
  void aLockWithAWaiterAtEveryReleaseIsSerialWhateverItsTransitTime() {
    MonitorStats m = fairPool(550_000_000);
    Finding f = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0);
    // s >= (0.7 + 2.2) / 4 = 0.725 on 2 cores: at most 1.16x, a gain of 0.16
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.evidence())
        .containsEntry("utilization", 0.7)
        .containsEntry("serialFractionLowerBound", 0.725)
        .containsEntry("speedUpBound", 1.159);
    // without the waits, occupancy alone: INFO at most
    assertThat(detector.evaluate(fairPool(0), Models.recording(2 * SECOND, 2)).findings())
        .allMatch(x -> x.severity() == Severity.INFO);
  }

  /**
   * Four threads under a fair lock held 70 % of each of windows 0..1 (700 acquisitions of 1 ms, 690
   * contended), each thread waiting {@code waitNanosPerThread} a window.
   */
  private static MonitorStats fairPool(long waitNanosPerThread) {
    MonitorStats m = Models.gilscopeMonitor("Pool#FAIR");
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 700);
      Models.monitor(m, w, Metric.CONTENDED, 690);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 700);
      Models.monitor(m, w, Metric.HOLD_NANOS, 700_000_000);
      Models.monitor(m, w, Metric.WAIT_NANOS, 4 * waitNanosPerThread);
      for (int t = 1; t <= 4; t++) {
        Models.thread(m, "worker-" + t, w, Metric.ACQUISITIONS, 175);
        Models.thread(m, "worker-" + t, w, Metric.WAIT_NANOS, waitNanosPerThread);
      }
    }
    return m;
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

  /**
   * Two threads on 2 cores, windows 0..1 of 2 s, every acquisition contended (so every hold and gap
   * is timed): the threads hold it {@code serialPermille} of their time and work outside it the
   * rest.
   */
  private static MonitorStats amdahl(long serialPermille) {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 1000);
      Models.monitor(m, w, Metric.CONTENDED, 1000);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 1000);
      Models.monitor(m, w, Metric.HOLD_NANOS, serialPermille * 1_000_000);
      Models.monitor(m, w, Metric.TIMED_GAPS, 1000);
      Models.monitor(m, w, Metric.GAP_NANOS, (1000 - serialPermille) * 1_000_000);
      Models.thread(m, "interp-1", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.WAIT_NANOS, 1);
    }
    return m;
  }

  private Severity amdahlSeverity(long serialPermille) {
    return severityOver2sAt2Cores(amdahl(serialPermille));
  }

  /**
   * Four threads on 2 cores, windows 0..1 of 2 s, every acquisition contended: 15 % of their time
   * holding, 45 % waiting, 40 % outside (s = 0.6: a 1.25x bound, WARNING when every wait counts).
   */
  private static MonitorStats fourThreadsWaitingHalfTheTime() {
    MonitorStats m = Models.gilscopeMonitor("Pool#LOCK");
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 1000);
      Models.monitor(m, w, Metric.CONTENDED, 1000);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 1000);
      Models.monitor(m, w, Metric.HOLD_NANOS, 150_000_000L);
      Models.monitor(m, w, Metric.WAIT_NANOS, 450_000_000L);
      Models.monitor(m, w, Metric.TIMED_GAPS, 1000);
      Models.monitor(m, w, Metric.GAP_NANOS, 400_000_000L);
      for (int t = 1; t <= 4; t++) {
        Models.thread(m, "worker-" + t, w, Metric.ACQUISITIONS, 250);
        Models.thread(m, "worker-" + t, w, Metric.WAIT_NANOS, 1);
      }
    }
    return m;
  }

  /** Each of the four workers' jdk.ThreadCPULoad (a fraction of the 2-core machine). */
  private static Map<String, ThreadCpu> workersLoad(double each) {
    Map<String, ThreadCpu> loads = new HashMap<>();
    for (int t = 1; t <= 4; t++) {
      ThreadCpu cpu = new ThreadCpu();
      cpu.add(each);
      loads.put("worker-" + t, cpu);
    }
    return loads;
  }

  @Test
  void waitingWhileAnotherThreadRanOnTheCoreIsNotLostParallelism() {
    MonitorStats m = fourThreadsWaitingHalfTheTime();
    // no CPU load recorded: every wait counts
    Finding plain = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0);
    assertThat(plain.severity()).isEqualTo(Severity.WARNING);
    assertThat(plain.evidence()).doesNotContainKey("waitingThatIdledNoCore");
    // they kept 1.6 of the 2 cores busy: 0.4 idle cores explain a tenth of the waiting, the other
    // 35 % ran another thread: s = 0.25 / 0.65, a 1.44x bound, INFO
    Finding busy =
        detector.evaluate(m, Models.recording(2 * SECOND, 2, workersLoad(0.2))).findings().get(0);
    assertThat(busy.severity()).isEqualTo(Severity.INFO);
    assertThat(busy.evidence().get("waitingThatIdledNoCore").doubleValue()).isEqualTo(0.35);
    assertThat(busy.evidence().get("serialFraction").doubleValue()).isEqualTo(0.385);
    assertThat(busy.summary()).contains("they kept 1.6 cores busy");
    // 0.8 cores busy: 1.2 idle cores explain 30 % of the waiting, 15 % idled none: s = 0.45 / 0.85
    Finding idle =
        detector.evaluate(m, Models.recording(2 * SECOND, 2, workersLoad(0.1))).findings().get(0);
    assertThat(idle.severity()).isEqualTo(Severity.WARNING);
    assertThat(idle.evidence().get("serialFraction").doubleValue()).isEqualTo(0.529);
  }

  @Test
  void noMoreThreadsThanCoresMeansEveryWaitIdlesACore() {
    IdleCores busy =
        IdleCores.of(
            fourThreadsWaitingHalfTheTime(), Models.recording(2 * SECOND, 4, workersLoad(0.2)));
    assertThat(busy.usersCores()).isCloseTo(3.2, within(1e-9));
    assertThat(busy.costlessWaitingShare(0.45, 4)).isZero();
    // and at most the waiting of the threads beyond the cores runs another thread
    IdleCores twoCores =
        IdleCores.of(
            fourThreadsWaitingHalfTheTime(), Models.recording(2 * SECOND, 2, workersLoad(0.25)));
    assertThat(twoCores.costlessWaitingShare(0.9, 4)).isEqualTo(0.5);
    assertThat(IdleCores.UNMEASURED.costlessWaitingShare(0.9, 4)).isZero();
  }

  /**
   * Two threads on 2 cores, windows 0..1 of 2 s, a lock held 1 ms 800 times a second (80 %), no
   * timed gaps (the occupancy estimate): {@code contentions} of each window's 800 acquisitions were
   * contended, and the measured waits add up to a tenth of a waiter.
   */
  private static MonitorStats slowGil(long contentions) {
    MonitorStats m = Models.gilscopeMonitor("Slow#GIL");
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.ACQUISITIONS, 800);
      Models.monitor(m, w, Metric.CONTENDED, contentions);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 800);
      Models.monitor(m, w, Metric.HOLD_NANOS, 800_000_000L);
      Models.monitor(m, w, Metric.WAIT_NANOS, 100_000_000L);
      Models.thread(m, "worker-1", w, Metric.ACQUISITIONS, 400);
      Models.thread(m, "worker-2", w, Metric.ACQUISITIONS, 400);
      Models.thread(m, "worker-2", w, Metric.WAIT_NANOS, 100_000_000L);
    }
    return m;
  }

  @Test
  void aLockContendedAtEveryOtherAcquisitionHasAWaiterHoweverSlowItsTurns() {
    // 400 contended acquisitions a second, far below the 1,000 a second rule, but half of them
    assertThat(severityOver2sAt2Cores(slowGil(400))).isEqualTo(Severity.WARNING);
    // just under half: the measured 0.1 waiters stand
    assertThat(severityOver2sAt2Cores(slowGil(399))).isNotEqualTo(Severity.WARNING);
  }

  private Severity severityOver2sAt2Cores(MonitorStats m) {
    List<Finding> findings = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings();
    return findings.isEmpty() ? null : findings.get(0).severity();
  }

  @Test
  void theEntryCostOfUncontendedAcquisitionsIsSerialTime() {
    // 40% of the time holding, 60% outside: s = 0.4, a 1.43x bound on 2 cores, INFO ...
    MonitorStats m = amdahl(400);
    assertThat(detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0).severity())
        .isEqualTo(Severity.INFO);
    // ... unless getting the free monitor takes as long as holding it: s = 0.8 / 1.4
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.CONTENDED, -900);
      Models.monitor(m, w, Metric.TIMED_ENTRIES, 90);
      Models.monitor(m, w, Metric.ENTRY_NANOS, 90 * 400_000_000L / 900);
    }
    Finding f = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.evidence()).containsEntry("serialFraction", 0.571);
  }

  @Test
  void oneWindowsPreemptedGapsDoNotDecideTheRun() {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    for (int w = 0; w < 3; w++) {
      // every window: 95% holding; the middle one's gaps took in a 1 s preemption
      long gapNanos = w == 1 ? 1_000_000_000L : 50_000_000L;
      Models.monitor(m, w, Metric.ACQUISITIONS, 1000);
      Models.monitor(m, w, Metric.CONTENDED, 1000);
      Models.monitor(m, w, Metric.TIMED_HOLDS, 1000);
      Models.monitor(m, w, Metric.HOLD_NANOS, 950_000_000L);
      Models.monitor(m, w, Metric.TIMED_GAPS, 1000);
      Models.monitor(m, w, Metric.GAP_NANOS, gapNanos);
      Models.thread(m, "interp-1", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.ACQUISITIONS, 500);
      Models.thread(m, "interp-2", w, Metric.WAIT_NANOS, 1);
    }
    Finding f = detector.evaluate(m, Models.recording(3 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.evidence()).containsEntry("serialFraction", 0.95);
  }

  @Test
  void amdahlBoundFromHoldsWaitsAndGapsWithTheWhatIfs() {
    Finding f = detector.evaluate(amdahl(950), Models.recording(2 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    // s = 0.95, n = 2: 1 / (0.95 + 0.025) = 1.026
    assertThat(f.evidence())
        .containsEntry("serialFraction", 0.95)
        .containsEntry("speedUpBound", 1.026)
        .containsEntry("amdahlThreads", 2)
        .containsEntry("speedUpIfATenthOfTheTimeInside", 1.826)
        .containsEntry("speedUpIfSplit2Ways", 2.0);
    assertThat(f.summary())
        .isEqualTo(
            "From 0.0 s to 2.0 s the 2 threads of Interp#GIL spent 95% of their time holding it or"
                + " getting it (95% holding, 0% waiting or acquiring) and 5% outside it: by Amdahl's law 2"
                + " threads on 2 cores run at most 1.03x as fast as one. If a tenth of that time"
                + " were spent inside (the rest moved outside) they could run 1.83x as fast; half:"
                + " 1.36x; split 2 ways: 2.00x.");
  }

  @Test
  void criticalEdgeIsATenthOfTheExtraThreadsPotential() {
    // n = 2: gain (1 - s) / (1 + s) <= 0.1 from s = 9/11 (a bound of 1.1x)
    assertThat(amdahlSeverity(820)).isEqualTo(Severity.CRITICAL);
    assertThat(amdahlSeverity(810)).isEqualTo(Severity.WARNING);
  }

  @Test
  void warningEdgeIsAThirdAndInfoEdgeHalf() {
    // gain <= 1/3 from s = 1/2; gain <= 1/2 from s = 1/3
    assertThat(amdahlSeverity(510)).isEqualTo(Severity.WARNING);
    assertThat(amdahlSeverity(490)).isEqualTo(Severity.INFO);
    assertThat(amdahlSeverity(340)).isEqualTo(Severity.INFO);
    assertThat(amdahlSeverity(320)).isNull();
  }

  @Test
  void oneCoreOrOneThreadHasNoParallelismToLose() {
    assertThat(detector.evaluate(amdahl(990), Models.recording(2 * SECOND, 1)).findings())
        .isEmpty();
  }

  @Test
  void aSerialMonitorNobodyContendedForIsNoFinding() {
    MonitorStats m = amdahl(990);
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.CONTENDED, -1000);
    }
    assertThat(detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings()).isEmpty();
  }

  @Test
  void fewerTimedGapsThanTheMinimumSampleFallBackToUtilization() {
    // the same serial threads with 99 timed gaps in the recording: judged by utilization (5% of
    // each window held: no finding); with 100, by Amdahl's law
    MonitorStats m = amdahl(990);
    for (int w = 0; w < 2; w++) {
      Models.monitor(m, w, Metric.HOLD_NANOS, -940_000_000);
      Models.monitor(m, w, Metric.GAP_NANOS, -9_000_000);
    }
    Models.monitor(m, 0, Metric.TIMED_GAPS, -1000);
    Models.monitor(m, 1, Metric.TIMED_GAPS, SerializationDetector.MIN_TIMED_GAPS - 1 - 1000);
    assertThat(detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings()).isEmpty();
    Models.monitor(m, 1, Metric.TIMED_GAPS, 1);
    assertThat(detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings()).isNotEmpty();
  }
}
