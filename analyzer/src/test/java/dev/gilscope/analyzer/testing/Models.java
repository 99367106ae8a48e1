package dev.gilscope.analyzer.testing;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadCpu;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds detector inputs directly, so each threshold's edge is pinned without timing noise. */
public final class Models {
  public static final long SECOND = 1_000_000_000L;

  private Models() {}

  public static MonitorStats gilscopeMonitor(String name) {
    MonitorStats m =
        new MonitorStats("gilscope:1", name, "java.lang.Object", "monitor", EventSource.GILSCOPE);
    m.countStatisticsEvent();
    return m;
  }

  public static RecordingInfo recording(long durationNanos, Integer cores) {
    return recording(durationNanos, cores, new HashMap<>());
  }

  public static RecordingInfo recording(
      long durationNanos, Integer cores, Map<String, ThreadCpu> cpu) {
    return new RecordingInfo(
        "test.jfr",
        1,
        1,
        0,
        durationNanos,
        SECOND,
        "test JVM",
        cores,
        new LinkedHashSet<>(List.of("gilscope")),
        List.of(),
        new TreeMap<>(),
        cpu);
  }

  /** Adds {@code amount} of {@code metric} to the monitor's totals and window {@code w}. */
  public static void monitor(MonitorStats m, int w, Metric metric, long amount) {
    for (Counters c : new Counters[] {m.totals(), m.windows().at(w)}) {
      c.add(metric, amount);
    }
  }

  /** Adds {@code amount} of {@code metric} to a thread's window {@code w} (and so its totals). */
  public static void thread(MonitorStats m, String thread, int w, Metric metric, long amount) {
    m.thread(thread).window(w).add(metric, amount);
  }
}
