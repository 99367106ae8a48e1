package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.HashMap;
import java.util.Map;

/**
 * How many threads really want a monitor in a run of windows: those with at least {@link
 * #MIN_SHARE_OF_ACQUISITIONS} of its acquisitions. A thread that takes it now and then (an I/O
 * thread publishing a result) does not make a CPU-bound holder's monitor a contended GIL. The
 * {@code (ended threads)} row aggregates threads JFR could no longer name and counts as one: it
 * cannot prove that two threads wanted the monitor.
 */
final class WantingThreads {
  static final double MIN_SHARE_OF_ACQUISITIONS = 0.10;

  private WantingThreads() {}

  /** The count over windows {@code from..to}: one pass over the threads. */
  static int count(MonitorStats m, int from, int to) {
    long total = 0;
    for (ThreadStats t : m.threads()) {
      total += t.windows().sum(from, to).get(Metric.ACQUISITIONS);
    }
    if (total == 0) {
      return 0;
    }
    int n = 0;
    for (ThreadStats t : m.threads()) {
      Counters c = t.windows().sum(from, to);
      double share = (double) c.get(Metric.ACQUISITIONS) / total;
      if (share >= MIN_SHARE_OF_ACQUISITIONS) {
        n++;
      }
    }
    return n;
  }

  /**
   * The count of every single window at once, each as {@link #count(MonitorStats, int, int)} with
   * {@code from == to} would give it: two passes over the (thread, window) pairs instead of two
   * passes over the threads per window, which made a long recording with many threads quadratic.
   */
  static Map<Integer, Integer> perWindow(MonitorStats m) {
    Map<Integer, Long> totals = new HashMap<>();
    for (ThreadStats t : m.threads()) {
      for (Map.Entry<Integer, Counters> e : t.windows().all().entrySet()) {
        totals.merge(e.getKey(), e.getValue().get(Metric.ACQUISITIONS), Long::sum);
      }
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (ThreadStats t : m.threads()) {
      for (Map.Entry<Integer, Counters> e : t.windows().all().entrySet()) {
        long total = totals.get(e.getKey());
        if (total > 0
            && (double) e.getValue().get(Metric.ACQUISITIONS) / total
                >= MIN_SHARE_OF_ACQUISITIONS) {
          counts.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Threads that requested or acquired the monitor in each window (its users there). */
  static Map<Integer, Integer> usersPerWindow(MonitorStats m) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (ThreadStats t : m.threads()) {
      for (Map.Entry<Integer, Counters> e : t.windows().all().entrySet()) {
        Counters c = e.getValue();
        if (c.get(Metric.ACQUISITIONS) > 0 || c.get(Metric.REQUESTS) > 0) {
          counts.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Threads that requested or acquired the monitor in windows {@code from..to}. */
  static int users(MonitorStats m, int from, int to) {
    int n = 0;
    for (ThreadStats t : m.threads()) {
      Counters c = t.windows().sum(from, to);
      if (c.get(Metric.ACQUISITIONS) > 0 || c.get(Metric.REQUESTS) > 0) {
        n++;
      }
    }
    return n;
  }
}
