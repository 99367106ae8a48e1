package dev.gilscope.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Models;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WantingThreadsTest {

  @Test
  void perWindowCountsAreTheRunCountsOfEachSingleWindow() {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    Models.thread(m, "a", 0, Metric.ACQUISITIONS, 50);
    Models.thread(m, "b", 0, Metric.ACQUISITIONS, 45);
    Models.thread(m, "c", 0, Metric.ACQUISITIONS, 5); // 5 %: uses it, does not want it
    Models.thread(m, "a", 1, Metric.ACQUISITIONS, 10);
    Models.thread(m, "d", 1, Metric.REQUESTS, 3); // asked, never got it: a user

    Map<Integer, Integer> wanting = WantingThreads.perWindow(m);
    Map<Integer, Integer> users = WantingThreads.usersPerWindow(m);

    for (int w = 0; w <= 1; w++) {
      assertThat(wanting.getOrDefault(w, 0)).isEqualTo(WantingThreads.count(m, w, w));
      assertThat(users.getOrDefault(w, 0)).isEqualTo(WantingThreads.users(m, w, w));
    }
    assertThat(wanting).isEqualTo(Map.of(0, 2, 1, 1));
    assertThat(users).isEqualTo(Map.of(0, 3, 1, 2));
  }

  @Test
  void perWindowCountsFollowThreadsAddedAfterTheyWereAskedFor() {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    Models.thread(m, "a", 0, Metric.ACQUISITIONS, 50);
    assertThat(WantingThreads.perWindow(m)).isEqualTo(Map.of(0, 1));

    Models.thread(m, "b", 0, Metric.ACQUISITIONS, 50); // a live session reads on

    assertThat(WantingThreads.perWindow(m)).isEqualTo(Map.of(0, 2));
    assertThat(WantingThreads.usersPerWindow(m)).isEqualTo(Map.of(0, 2));
  }
}
