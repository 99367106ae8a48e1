package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Models;
import org.junit.jupiter.api.Test;

class MonitorStatsTest {

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
            waitedIn(
                    MonitorStats.FLAG_SHAPED_MIN_WAITING_THREADS,
                    10,
                    MonitorStats.FLAG_SHAPED_MIN_TIMED_OUT_WAITS)
                .isFlagShaped())
        .isTrue();
  }

  @Test
  void aSingleJoinWaitIsNotAGil() {
    assertThat(waitedIn(1, 1, 0).isFlagShaped()).isFalse();
  }

  @Test
  void oneThreadWaitingIsNotFlagShaped() {
    assertThat(waitedIn(1, 40, 40).isFlagShaped()).isFalse();
  }

  @Test
  void fewEpisodesAreNotFlagShaped() {
    assertThat(waitedIn(2, 9, 18).isFlagShaped()).isFalse();
  }

  @Test
  void waitsThatNeverTimeOutAreNotFlagShaped() {
    assertThat(waitedIn(2, 20, MonitorStats.FLAG_SHAPED_MIN_TIMED_OUT_WAITS - 1).isFlagShaped())
        .isFalse();
  }

  @Test
  void aMonitorFirstSeenWithoutItsNameTakesItFromALaterEvent() {
    // a live stream that starts mid-recording can deliver a monitor's first event without its name
    MonitorStats m = MonitorStats.unnamed("gilscope:1", "monitor#1", EventSource.GILSCOPE);
    m.named(null);
    assertThat(m.name()).isEqualTo("monitor#1");
    m.named("com.acme.Interp#GIL");
    m.named("something else");
    assertThat(m.name()).isEqualTo("com.acme.Interp#GIL");
    assertThat(m.hasProvisionalName()).isFalse();
    // a named monitor keeps its name
    MonitorStats named = new MonitorStats("gilscope:2", "a#B", null, null, EventSource.GILSCOPE);
    named.named("other");
    assertThat(named.name()).isEqualTo("a#B");
  }
}
