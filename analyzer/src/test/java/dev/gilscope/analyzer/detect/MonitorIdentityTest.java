package dev.gilscope.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorIdentityTest {
  /** The tracked GIL: interp-1 and interp-2 contended for it in seconds 0..9. */
  private static MonitorStats tracked() {
    MonitorStats g = Models.gilscopeMonitor("Interp#GIL");
    for (int w = 0; w < 10; w++) {
      Models.thread(g, "interp-1", w, Metric.ACQUISITIONS, 100);
      Models.thread(g, "interp-2", w, Metric.ACQUISITIONS, 100);
      Models.thread(g, "interp-2", w, Metric.CONTENDED, 1);
    }
    return g;
  }

  /** The JDK's view: {@code thread} blocked once in each of {@code seconds}. */
  private static MonitorStats jdk(String className, String thread, int... seconds) {
    MonitorStats j =
        new MonitorStats(
            "JDK_MONITOR:x", className + "@7fd7", className, "monitor", EventSource.JDK_MONITOR);
    for (int w : seconds) {
      Models.thread(j, thread, w, Metric.TIMED_WAITS, 1);
      Models.thread(j, thread, w, Metric.WAIT_NANOS, 30_000_000);
    }
    return j;
  }

  @Test
  void theJdksEntryOfTheTrackedObjectIsDroppedWithANote() {
    MonitorStats g = tracked();
    MonitorIdentity.Result r =
        MonitorIdentity.merge(List.of(g, jdk("java.lang.Object", "interp-2", 1, 2, 3)));
    assertThat(r.monitors()).containsExactly(g);
    assertThat(r.notes())
        .containsExactly(
            "one monitor: Interp#GIL: the JDK's java.lang.Object@7fd7"
                + " (jdk.JavaMonitorEnter/jdk.JavaMonitorWait) is the same object (same class, the"
                + " same threads, its blocked waits in the seconds of gilscope's contended"
                + " acquisitions): shown once");
  }

  @Test
  void aThreadTheTrackedMonitorNeverSawKeepsThemApart() {
    MonitorStats j = jdk("java.lang.Object", "pool-1", 1);
    MonitorIdentity.Result r = MonitorIdentity.merge(List.of(tracked(), j));
    assertThat(r.monitors()).contains(j);
    assertThat(r.notes().get(0))
        .contains("pool-1 blocked on it but never used the tracked monitor: it may be another");
  }

  @Test
  void blockedWaitsOutsideTheContendedSecondsKeepThemApart() {
    // MIN_COINCIDING: 9 of 10 blocked seconds in (or next to) a contended one are enough, 8 not
    MonitorStats g = tracked();
    MonitorStats nine = jdk("java.lang.Object", "interp-2", 0, 1, 2, 3, 4, 5, 6, 7, 8, 30);
    assertThat(MonitorIdentity.merge(List.of(g, nine)).monitors()).containsExactly(g);
    MonitorStats eight = jdk("java.lang.Object", "interp-2", 0, 1, 2, 3, 4, 5, 6, 7, 30, 40);
    assertThat(MonitorIdentity.merge(List.of(g, eight)).monitors()).contains(eight);
  }

  @Test
  void anotherClassIsAnotherMonitor() {
    MonitorStats j = jdk("java.util.Hashtable", "interp-2", 1);
    MonitorIdentity.Result r = MonitorIdentity.merge(List.of(tracked(), j));
    assertThat(r.monitors()).contains(j);
    assertThat(r.notes()).isEmpty();
  }
}
