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

class StarvationDetectorTest {
  private final StarvationDetector detector = new StarvationDetector();

  private static MonitorStats unfair(long starvedAcquisitions, long starvedMeanWaitNanos) {
    return unfair(starvedAcquisitions, starvedMeanWaitNanos, 20_000L);
  }

  private static MonitorStats unfair(
      long starvedAcquisitions, long starvedMeanWaitNanos, long greedyMeanWaitNanos) {
    MonitorStats m = Models.gilscopeMonitor("Worker#GIL");
    for (int w = 0; w < 2; w++) {
      for (String greedy : new String[] {"greedy-1", "greedy-2"}) {
        Models.thread(m, greedy, w, Metric.REQUESTS, 10_000);
        Models.thread(m, greedy, w, Metric.ACQUISITIONS, 10_000);
        Models.thread(m, greedy, w, Metric.TIMED_WAITS, 100);
        Models.thread(m, greedy, w, Metric.WAIT_NANOS, 100 * greedyMeanWaitNanos);
      }
      Models.thread(m, "starved-1", w, Metric.REQUESTS, starvedAcquisitions);
      Models.thread(m, "starved-1", w, Metric.ACQUISITIONS, starvedAcquisitions);
      Models.thread(m, "starved-1", w, Metric.TIMED_WAITS, starvedAcquisitions);
      Models.thread(
          m, "starved-1", w, Metric.WAIT_NANOS, starvedAcquisitions * starvedMeanWaitNanos);
      Models.thread(m, "starved-1", w, Metric.PASS_OVERS, starvedAcquisitions * 40);
    }
    return m;
  }

  /** The first finding's severity over a 2 s recording on 2 cores. */
  private Severity severityOver2s(MonitorStats m) {
    return detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0).severity();
  }

  @Test
  void starvedThreadIsTheVictimAndTheGreedyOnesTheCauses() {
    List<Finding> findings =
        detector.evaluate(unfair(50, 20_000_000), Models.recording(2 * SECOND, 2)).findings();
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.victims()).containsExactly("starved-1");
    assertThat(f.causes()).containsExactly("greedy-1", "greedy-2");
    assertThat(f.summary())
        .isEqualTo(
            "starved-1 got 0% of Worker#GIL's acquisitions against a fair share of 33% and waited"
                + " 20.0 ms on average while its peers waited 20.0 us, passed over 40.0 times per"
                + " acquisition, while greedy-1 and greedy-2 kept winning it.");
    assertThat(f.evidence().get("jainFairnessIndex").doubleValue()).isLessThan(0.7);
  }

  @Test
  void warningAtTenTimesThePeersWait() {
    // 10x the peers' wait (floored at 10 us) and 1 ms absolute
    Finding f =
        detector
            .evaluate(unfair(500, 1_000_000), Models.recording(2 * SECOND, 2))
            .findings()
            .get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void equalSharesAreNotStarvation() {
    assertThat(
            detector.evaluate(unfair(10_000, 20_000), Models.recording(2 * SECOND, 2)).findings())
        .isEmpty();
  }

  @Test
  void aWaiterThatNeverGotTheLockIsCritical() {
    MonitorStats m = unfair(0, 0);
    Models.thread(m, "starved-1", 0, Metric.REQUESTS, 1);
    Finding f = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.summary())
        .isEqualTo(
            "starved-1 requested Worker#GIL and never got it while greedy-1 and greedy-2"
                + " took it 40,000 times.");
  }

  /** A victim with {@code waits} waits of 20 ms over the 2 s, passed over once per wait. */
  private static MonitorStats fewLongWaits(long waits) {
    MonitorStats m = unfair(0, 0);
    Models.thread(m, "starved-1", 0, Metric.REQUESTS, waits / 2);
    Models.thread(m, "starved-1", 0, Metric.ACQUISITIONS, waits / 2);
    Models.thread(m, "starved-1", 0, Metric.TIMED_WAITS, waits / 2);
    Models.thread(m, "starved-1", 0, Metric.WAIT_NANOS, waits / 2 * 20_000_000);
    Models.thread(m, "starved-1", 0, Metric.PASS_OVERS, waits / 2);
    long rest = waits - waits / 2;
    Models.thread(m, "starved-1", 1, Metric.REQUESTS, rest);
    Models.thread(m, "starved-1", 1, Metric.ACQUISITIONS, rest);
    Models.thread(m, "starved-1", 1, Metric.TIMED_WAITS, rest);
    Models.thread(m, "starved-1", 1, Metric.WAIT_NANOS, rest * 20_000_000);
    Models.thread(m, "starved-1", 1, Metric.PASS_OVERS, rest);
    return m;
  }

  @Test
  void tooFewWaitsAreNoVerdictTheSampleCountsOverTheRunNotPerWindow() {
    // MIN_VICTIM_WAITS - 1 waits (and lost races) in all: no verdict; one more, split over two
    // windows (fewer than the minimum in each): a verdict
    long few = StarvationDetector.MIN_VICTIM_WAITS - 1;
    assertThat(detector.evaluate(fewLongWaits(few), Models.recording(2 * SECOND, 2)).findings())
        .isEmpty();
    assertThat(severityOver2s(fewLongWaits(few + 1))).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aThreadWithUnderOnePercentAndLongWaitsIsStarvedWhateverItsShare() {
    // issue 13's recording: 4 threads, the victim got 0.8% (8 a second against 1,000 for each
    // peer), waited 127 ms on average against 100 us, over 5 windows
    MonitorStats m = Models.gilscopeMonitor("Pool#lock");
    for (int w = 0; w < 5; w++) {
      for (String peer : new String[] {"worker-1", "worker-2", "worker-3"}) {
        Models.thread(m, peer, w, Metric.REQUESTS, 1000);
        Models.thread(m, peer, w, Metric.ACQUISITIONS, 1000);
        Models.thread(m, peer, w, Metric.TIMED_WAITS, 1000);
        Models.thread(m, peer, w, Metric.WAIT_NANOS, 1000 * 100_000L);
      }
      Models.thread(m, "worker-4", w, Metric.REQUESTS, 8);
      Models.thread(m, "worker-4", w, Metric.ACQUISITIONS, 8);
      Models.thread(m, "worker-4", w, Metric.TIMED_WAITS, 8);
      Models.thread(m, "worker-4", w, Metric.WAIT_NANOS, 8 * 127_000_000L);
      Models.thread(m, "worker-4", w, Metric.PASS_OVERS, 1047);
    }
    Finding f = detector.evaluate(m, Models.recording(5 * SECOND, 2)).findings().get(0);
    assertThat(f.victims()).containsExactly("worker-4");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aWaitThatSpansWindowsIsJudgedOverTheVictimsWholeTime() {
    // the victim's requests in windows 0..2, its acquisitions (after ~1 s each) in window 3 only
    MonitorStats m = Models.gilscopeMonitor("Worker#GIL");
    for (int w = 0; w < 4; w++) {
      for (String greedy : new String[] {"greedy-1", "greedy-2"}) {
        Models.thread(m, greedy, w, Metric.REQUESTS, 10_000);
        Models.thread(m, greedy, w, Metric.ACQUISITIONS, 10_000);
      }
      Models.thread(m, "starved-1", w, Metric.REQUESTS, w < 3 ? 1 : 0);
    }
    Models.thread(m, "starved-1", 3, Metric.ACQUISITIONS, 3);
    Models.thread(m, "starved-1", 3, Metric.TIMED_WAITS, 3);
    Models.thread(m, "starved-1", 3, Metric.WAIT_NANOS, 3 * 900_000_000L);
    Models.thread(m, "starved-1", 3, Metric.PASS_OVERS, 25_000);
    Finding f = detector.evaluate(m, Models.recording(4 * SECOND, 2)).findings().get(0);
    assertThat(f.victims()).containsExactly("starved-1");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aSpinnerThatLosesItsTryLocksIsStarvedWithoutATimedWait() {
    // the victim asks 5,000 times a second (failed tryLocks) and gets it 10 times: its share of
    // the acquisitions is under a third of its share of the requests and of the fair share
    MonitorStats m = Models.gilscopeMonitor("Worker#GIL");
    for (int w = 0; w < 2; w++) {
      for (String greedy : new String[] {"greedy-1", "greedy-2"}) {
        Models.thread(m, greedy, w, Metric.REQUESTS, 10_000);
        Models.thread(m, greedy, w, Metric.ACQUISITIONS, 10_000);
      }
      Models.thread(m, "spinner-1", w, Metric.REQUESTS, 5_000);
      Models.thread(m, "spinner-1", w, Metric.ACQUISITIONS, 10);
    }
    Finding f = detector.evaluate(m, Models.recording(2 * SECOND, 2)).findings().get(0);
    assertThat(f.victims()).containsExactly("spinner-1");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void manyShortLossesThatFillAQuarterOfTheTimeAreAWarning() {
    // 2,000 waits of 300 us a second: 60% of the time waiting, 15x the peers, 9% of the
    // acquisitions
    Severity half = severityOver2s(unfair(2_000, 300_000));
    assertThat(half).isEqualTo(Severity.WARNING);
    // 200 us waits filling 8% of the time (below the 10% a victim must wait): a note, unless each
    // acquisition lost a race (a polite thread that pauses between requests still starves)
    Severity less = severityOver2s(parkingLoser(400, 200_000, 399));
    assertThat(less).isEqualTo(Severity.INFO);
    Severity lostARace = severityOver2s(parkingLoser(400, 200_000, 400));
    assertThat(lostARace).isEqualTo(Severity.WARNING);
  }

  @Test
  void aStarvedShareIsAWarningWhenTheWinnersAlsoWait() {
    // 600 us waits, 30% of the time, 2.4% of the acquisitions (0.07 of the fair share), passed
    // over 40 times per acquisition; the greedy threads wait 100 us among themselves: 6x inflation
    Severity s = severityOver2s(unfair(500, 600_000, 100_000));
    assertThat(s).isEqualTo(Severity.WARNING);
    // 450 waits of 200 us a second (9% of the time, under the 10% a victim must wait): a note only
    Severity less = severityOver2s(unfair(450, 200_000, 35_000));
    assertThat(less).isEqualTo(Severity.INFO);
  }

  @Test
  void aLongRunOfPassOversIsAWarningEvenWithShortWaits() {
    // 90 us waits are 4.5x the peers' 20 us, and 9% of the time: below the 10x inflation and
    // the 10% a victim must wait, pass-overs do not help
    MonitorStats weak = unfair(1_000, 90_000);
    assertThat(
            detector.evaluate(weak, Models.recording(2 * SECOND, 2)).findings().stream()
                .noneMatch(f -> f.severity().atLeast(Severity.WARNING)))
        .isTrue();
    // 250 us waits: 12.5x the peers, 12.5% of the time, 2% of the acquisitions, passed over 40
    // times per acquisition: below the 1 ms floor, but a long run of pass-overs
    Severity s = severityOver2s(unfair(500, 250_000));
    assertThat(s).isEqualTo(Severity.WARNING);
  }

  /** Three threads over 2 s; the victim with the given numbers per window. */
  private static MonitorStats parkingLoser(long acquisitions, long meanWait, long passOvers) {
    MonitorStats m = Models.gilscopeMonitor("Worker#GIL");
    for (int w = 0; w < 2; w++) {
      for (String greedy : new String[] {"greedy-1", "greedy-2"}) {
        Models.thread(m, greedy, w, Metric.REQUESTS, 10_000);
        Models.thread(m, greedy, w, Metric.ACQUISITIONS, 10_000);
      }
      Models.thread(m, "starved-1", w, Metric.REQUESTS, acquisitions);
      Models.thread(m, "starved-1", w, Metric.ACQUISITIONS, acquisitions);
      Models.thread(m, "starved-1", w, Metric.TIMED_WAITS, acquisitions);
      Models.thread(m, "starved-1", w, Metric.WAIT_NANOS, acquisitions * meanWait);
      Models.thread(m, "starved-1", w, Metric.PASS_OVERS, passOvers);
    }
    return m;
  }

  @Test
  void losingARaceForEveryAcquisitionWithUnderHalfTheFairShareIsAWarning() {
    // the matrix's parking loser: 3,000 of 23,000 acquisitions a second (0.39 of the fair share),
    // 150 us waits (45% of the time, 15x the floored peers' wait), passed over once per acquisition
    Severity s = severityOver2s(parkingLoser(3_000, 150_000, 3_000));
    assertThat(s).isEqualTo(Severity.WARNING);
    // one pass-over fewer: it won more races than it lost, and its waits are short
    assertThat(
            detector
                .evaluate(parkingLoser(3_000, 150_000, 2_999), Models.recording(2 * SECOND, 2))
                .findings())
        .isEmpty();
    // more than half the fair share (12,000 of 32,000: 1.1): not starved, whatever its pass-overs
    assertThat(
            detector
                .evaluate(parkingLoser(12_000, 50_000, 120_000), Models.recording(2 * SECOND, 2))
                .findings())
        .isEmpty();
  }

  @Test
  void losingRacesWithTenTimesThePeersShareOfTimeInWaitsIsAWarning() {
    // the matrix's parking loser with short waits: 2,000 of 22,000 acquisitions a second (0.27 of
    // the fair share), 80 us waits (16% of the time, 8x the floored peers' wait), passed over twice
    // per acquisition while the winners never wait
    assertThat(severityOver2s(parkingLoser(2_000, 80_000, 4_000))).isEqualTo(Severity.WARNING);
    // under a tenth of its time in waits: it does not want the lock enough to starve
    assertThat(
            detector
                .evaluate(parkingLoser(1_200, 80_000, 2_400), Models.recording(2 * SECOND, 2))
                .findings())
        .isEmpty();
    // winners that each wait 1.5% of the time (100 waits of 150 us a second): 16% is over 10x
    assertThat(severityOver2s(unfair(2_000, 80_000, 150_000))).isEqualTo(Severity.WARNING);
    // 2% each: 16% is under 10x, and per wait the loser waits less than they do
    assertThat(
            detector
                .evaluate(unfair(2_000, 80_000, 200_000), Models.recording(2 * SECOND, 2))
                .findings())
        .isEmpty();
  }
}
