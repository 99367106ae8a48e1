package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadColumns;
import java.util.Arrays;
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

  // every pass here sums or counts integers per thread, so it walks the monitor's columns (threads
  // in arrival order), not the sorted threads

  /**
   * The count over windows {@code from..to}: one pass over the threads, their sums kept in an array
   * for the count (a second pass over 100,000 threads' windows cost as much as the first).
   */
  static int count(MonitorStats m, int from, int to) {
    ThreadColumns c = m.columns();
    int column = ThreadColumns.column(Metric.ACQUISITIONS);
    long[] acquisitions = new long[c.threads()];
    long total = 0;
    for (int i = 0; i < acquisitions.length; i++) {
      long a = c.sum(i, column, from, to);
      acquisitions[i] = a;
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
    // every (thread, window) pair is an entry of the columns
    ThreadColumns c = m.columns();
    long[] acquired = c.values(ThreadColumns.column(Metric.ACQUISITIONS));
    long[] requested = c.values(ThreadColumns.column(Metric.REQUESTS));
    int entries = c.threads() == 0 ? 0 : c.to(c.threads() - 1);
    for (int e = 0; e < entries; e++) {
      long acquisitions = acquired[e];
      totals.add(c.window(e), acquisitions);
      if (acquisitions > 0 || requested[e] > 0) {
        users.add(c.window(e), 1);
      }
    }
    Map<Integer, Integer> wantingCounts = new HashMap<>();
    if (totals.sums != null) {
      int[] wanting = new int[totals.sums.length];
      for (int e = 0; e < entries; e++) {
        int i = c.window(e) - totals.first;
        long total = totals.sums[i];
        if (total > 0 && (double) acquired[e] / total >= MIN_SHARE_OF_ACQUISITIONS) {
          wanting[i]++;
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
    ThreadColumns c = m.columns();
    int acquisitions = ThreadColumns.column(Metric.ACQUISITIONS);
    int requests = ThreadColumns.column(Metric.REQUESTS);
    int n = 0;
    for (int i = 0; i < c.threads(); i++) {
      if (c.sum(i, acquisitions, from, to) > 0 || c.sum(i, requests, from, to) > 0) {
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
