package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
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
      total += t.windows().sum(Metric.ACQUISITIONS, from, to);
    }
    if (total == 0) {
      return 0;
    }
    int n = 0;
    for (ThreadStats t : m.threads()) {
      double share = (double) t.windows().sum(Metric.ACQUISITIONS, from, to) / total;
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
    // the windows' totals in an array over the threads' span of windows: no boxing per pair
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (ThreadStats t : m.threads()) {
      WindowedCounters windows = t.windows();
      if (!windows.isEmpty()) {
        first = Math.min(first, windows.firstIndex());
        last = Math.max(last, windows.lastIndex());
      }
    }
    Map<Integer, Integer> counts = new HashMap<>();
    if (first > last) {
      return counts;
    }
    long[] totals = new long[last - first + 1];
    for (ThreadStats t : m.threads()) {
      WindowedCounters windows = t.windows();
      for (int p = 0; p < windows.size(); p++) {
        totals[windows.index(p) - first] += windows.counters(p).get(Metric.ACQUISITIONS);
      }
    }
    int[] wanting = new int[totals.length];
    for (ThreadStats t : m.threads()) {
      WindowedCounters windows = t.windows();
      for (int p = 0; p < windows.size(); p++) {
        long total = totals[windows.index(p) - first];
        if (total > 0
            && (double) windows.counters(p).get(Metric.ACQUISITIONS) / total
                >= MIN_SHARE_OF_ACQUISITIONS) {
          wanting[windows.index(p) - first]++;
        }
      }
    }
    for (int i = 0; i < wanting.length; i++) {
      if (wanting[i] > 0) {
        counts.put(first + i, wanting[i]);
      }
    }
    return counts;
  }

  /** Threads that requested or acquired the monitor in each window (its users there). */
  static Map<Integer, Integer> usersPerWindow(MonitorStats m) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (ThreadStats t : m.threads()) {
      WindowedCounters windows = t.windows();
      for (int p = 0; p < windows.size(); p++) {
        Counters c = windows.counters(p);
        if (c.get(Metric.ACQUISITIONS) > 0 || c.get(Metric.REQUESTS) > 0) {
          counts.merge(windows.index(p), 1, Integer::sum);
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
