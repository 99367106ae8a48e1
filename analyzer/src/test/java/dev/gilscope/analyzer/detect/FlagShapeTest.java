package dev.gilscope.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Models;
import org.junit.jupiter.api.Test;

class FlagShapeTest {

  /** {@code threads} threads each waited {@code episodes} times in wait(), 2 ms each. */
  private static MonitorStats waitedIn(int threads, int episodes, long timedOut) {
    MonitorStats m = Models.gilscopeMonitor("Gil#FLAG");
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < episodes; i++) {
        m.thread("thread-" + t).waitsInWait().record(2_000_000);
        m.episodes().record(2_000_000);
      }
    }
    Models.monitor(m, 0, Metric.WAITS, (long) threads * episodes);
    Models.monitor(m, 0, Metric.WAIT_IN_WAIT_NANOS, threads * episodes * 2_000_000L);
    Models.monitor(m, 0, Metric.TIMED_OUT_WAITS, timedOut);
    return m;
  }

  @Test
  void manyTimedOutWaitEpisodesOfTwoThreadsAreFlagShaped() {
    assertThat(
            FlagShape.isFlagShaped(
                waitedIn(FlagShape.MIN_WAITING_THREADS, 10, FlagShape.MIN_TIMED_OUT_WAITS)))
        .isTrue();
  }

  @Test
  void aSingleJoinWaitIsNotAGil() {
    assertThat(FlagShape.isFlagShaped(waitedIn(1, 1, 0))).isFalse();
  }

  @Test
  void oneThreadWaitingIsNotFlagShaped() {
    assertThat(FlagShape.isFlagShaped(waitedIn(1, 40, 40))).isFalse();
  }

  @Test
  void fewEpisodesAreNotFlagShaped() {
    assertThat(FlagShape.isFlagShaped(waitedIn(2, 9, 18))).isFalse();
  }

  @Test
  void waitsThatNeverTimeOutAreNotFlagShaped() {
    assertThat(FlagShape.isFlagShaped(waitedIn(2, 20, FlagShape.MIN_TIMED_OUT_WAITS - 1)))
        .isFalse();
  }
}
