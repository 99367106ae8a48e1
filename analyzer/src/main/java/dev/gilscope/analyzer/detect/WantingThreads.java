package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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

  // every pass here sums or counts integers per thread, so it walks the threads in arrival order
  // (MonitorStats.threadsInArrivalOrder: their order in memory), not the sorted one

  /**
   * The count over windows {@code from..to}: one pass over the threads, their sums kept in an array
   * for the count (a second pass over 100,000 threads' windows cost as much as the first).
   */
  static int count(MonitorStats m, int from, int to) {
    Collection<ThreadStats> threads = m.threadsInArrivalOrder();
    long[] acquisitions = new long[threads.size()];
    long total = 0;
    int i = 0;
    for (ThreadStats t : threads) {
      long a = t.windows().sum(Metric.ACQUISITIONS, from, to);
      acquisitions[i++] = a;
      total += a;
    }
    if (total == 0) {
      return 0;
    }
    int n = 0;
    for (long a : acquisitions) {
      if ((double) a / total >= MIN_SHARE_OF_ACQUISITIONS) {
        n++;
      }
    }
    return n;
  }

  /**
   * The count of every single window at once, each as {@link #count(MonitorStats, int, int)} with
   * {@code from == to} would give it: two passes over the (thread, window) pairs instead of two
   * passes over the threads per window, which made a long recording with many threads quadratic.
   * Made once per monitor with {@link #usersPerWindow} (THRASHING and SERIALIZATION both ask);
   * unmodifiable.
   */
  static Map<Integer, Integer> perWindow(MonitorStats m) {
    return m.derived(PER_WINDOW, WantingThreads::countPerWindow).wanting;
  }

  /** Threads that requested or acquired the monitor in each window (its users there). */
  static Map<Integer, Integer> usersPerWindow(MonitorStats m) {
    return m.derived(PER_WINDOW, WantingThreads::countPerWindow).users;
  }

  private static final String PER_WINDOW = "WantingThreads.perWindow";

  /** The wanting threads and the users of each window: see {@link #perWindow}. */
  private record PerWindow(Map<Integer, Integer> wanting, Map<Integer, Integer> users) {}

  private static PerWindow countPerWindow(MonitorStats m) {
    // the windows' totals in an array over the span of windows seen: no boxing per pair
    WindowSums totals = new WindowSums();
    WindowSums users = new WindowSums();
    for (ThreadStats t : m.threadsInArrivalOrder()) {
      WindowedCounters windows = t.windows();
      for (int p = 0; p < windows.size(); p++) {
        Counters c = windows.counters(p);
        long acquisitions = c.get(Metric.ACQUISITIONS);
        totals.add(windows.index(p), acquisitions);
        if (acquisitions > 0 || c.get(Metric.REQUESTS) > 0) {
          users.add(windows.index(p), 1);
        }
      }
    }
    Map<Integer, Integer> wantingCounts = new HashMap<>();
    if (totals.sums != null) {
      int[] wanting = new int[totals.sums.length];
      for (ThreadStats t : m.threadsInArrivalOrder()) {
        WindowedCounters windows = t.windows();
        for (int p = 0; p < windows.size(); p++) {
          int i = windows.index(p) - totals.first;
          long total = totals.sums[i];
          if (total > 0
              && (double) windows.counters(p).get(Metric.ACQUISITIONS) / total
                  >= MIN_SHARE_OF_ACQUISITIONS) {
            wanting[i]++;
          }
        }
      }
      for (int i = 0; i < wanting.length; i++) {
        if (wanting[i] > 0) {
          wantingCounts.put(totals.first + i, wanting[i]);
        }
      }
    }
    Map<Integer, Integer> userCounts = new HashMap<>();
    for (int i = 0; users.sums != null && i < users.sums.length; i++) {
      if (users.sums[i] > 0) {
        userCounts.put(users.first + i, (int) users.sums[i]);
      }
    }
    return new PerWindow(
        Collections.unmodifiableMap(wantingCounts), Collections.unmodifiableMap(userCounts));
  }

  /** Threads that requested or acquired the monitor in windows {@code from..to}. */
  static int users(MonitorStats m, int from, int to) {
    int n = 0;
    for (ThreadStats t : m.threadsInArrivalOrder()) {
      WindowedCounters windows = t.windows();
      if (windows.sum(Metric.ACQUISITIONS, from, to) > 0
          || windows.sum(Metric.REQUESTS, from, to) > 0) {
        n++;
      }
    }
    return n;
  }

  /** Sums by window index, in an array that grows to the span of the windows added. */
  private static final class WindowSums {
    long[] sums; // sums[i]: window first + i
    int first;

    void add(int window, long amount) {
      if (sums == null) {
        sums = new long[8];
        first = window;
      } else if (window < first) {
        int shift = first - window;
        long[] grown = new long[Math.max(sums.length + shift, 2 * sums.length)];
        System.arraycopy(sums, 0, grown, shift, sums.length);
        sums = grown;
        first = window;
      } else if (window - first >= sums.length) {
        sums = Arrays.copyOf(sums, Math.max(window - first + 1, 2 * sums.length));
      }
      sums[window - first] += amount;
    }
  }
}
