package dev.gilscope.analyzer.model;

import java.util.Arrays;

/**
 * Every thread's figures per window on one monitor, copied once into columns of primitives: for the
 * passes over all of a monitor's threads (the sort, and each detector's own), which read a few
 * metrics of every thread's every window. Through the model each such read follows a thread to its
 * windows, to a window's counters and their values, and counts bits to find a metric (about 0.5 us
 * a thread on 100,000 virtual threads, nearly all of it cache misses); here it reads arrays.
 *
 * <p>Threads are numbered in arrival order ({@link MonitorStats#threadsInArrivalOrder()}); thread
 * {@code i}'s windows are the entries {@link #from(int) from(i)} to {@link #to(int) to(i)} - 1, in
 * window order. Made by {@link MonitorStats#columns()} with the threads' order; read-only after.
 */
public final class ThreadColumns {
  /** The metrics kept, one column each: those the passes over every thread read. */
  private static final Metric[] METRICS = {
    Metric.ACQUISITIONS,
    Metric.REQUESTS,
    Metric.PASS_OVERS,
    Metric.WAIT_NANOS,
    Metric.TIMED_WAITS,
    Metric.EPISODES,
    Metric.EPISODE_NANOS,
    Metric.WAIT_IN_WAIT_NANOS,
    Metric.TIMED_HOLDS
  };

  // the column of each metric by ordinal, -1 for one not kept
  private static final int[] COLUMN_OF = columnOf();

  private final int[] firstEntry; // by thread, and one past the last
  private final String[] names; // by thread: a pass that names threads reads no thread object
  private final int[] window; // by entry
  private final long[][] values; // by column, then by entry

  private static int[] columnOf() {
    int[] of = new int[Metric.values().length];
    Arrays.fill(of, -1);
    for (int c = 0; c < METRICS.length; c++) {
      of[METRICS[c].ordinal()] = c;
    }
    return of;
  }

  /** The columns of {@code threads}, in this order, with their {@code names}. */
  static ThreadColumns of(ThreadStats[] threads, String[] names) {
    int n = threads.length;
    int[] firstEntry = new int[n + 1];
    Slices.forEach(n, (from, to) -> countWindows(threads, firstEntry, from, to));
    for (int i = 0; i < n; i++) {
      firstEntry[i + 1] += firstEntry[i]; // counts at i + 1 into where each thread's entries start
    }
    ThreadColumns columns = new ThreadColumns(firstEntry, names);
    Slices.forEach(n, (from, to) -> columns.fill(threads, from, to));
    return columns;
  }

  private ThreadColumns(int[] firstEntry, String[] names) {
    this.firstEntry = firstEntry;
    this.names = names;
    int entries = firstEntry[firstEntry.length - 1];
    window = new int[entries];
    values = new long[METRICS.length][entries];
  }

  private static void countWindows(ThreadStats[] threads, int[] firstEntry, int from, int to) {
    for (int i = from; i < to; i++) {
      firstEntry[i + 1] = threads[i].windows().size();
    }
  }

  private void fill(ThreadStats[] threads, int from, int to) {
    for (int i = from; i < to; i++) {
      WindowedCounters windows = threads[i].windows();
      int e = firstEntry[i];
      for (int p = 0; p < windows.size(); p++, e++) {
        window[e] = windows.index(p);
        Counters c = windows.counters(p);
        for (int k = 0; k < METRICS.length; k++) {
          values[k][e] = c.get(METRICS[k]);
        }
      }
    }
  }

  /** The column of {@code metric}, for {@link #get(int, int)}; throws for a metric not kept. */
  public static int column(Metric metric) {
    int c = COLUMN_OF[metric.ordinal()];
    if (c < 0) {
      throw new IllegalArgumentException(metric + " has no column");
    }
    return c;
  }

  /** The number of threads. */
  public int threads() {
    return firstEntry.length - 1;
  }

  /** Thread {@code thread}'s name. */
  public String name(int thread) {
    return names[thread];
  }

  /** Whether thread {@code thread} is {@link ThreadStats#ENDED_THREADS}, an aggregate. */
  public boolean isEndedThreads(int thread) {
    return ThreadStats.ENDED_THREADS.equals(names[thread]);
  }

  /** Thread {@code thread}'s first entry. */
  public int from(int thread) {
    return firstEntry[thread];
  }

  /** One past thread {@code thread}'s last entry. */
  public int to(int thread) {
    return firstEntry[thread + 1];
  }

  /** The window of entry {@code entry}. */
  public int window(int entry) {
    return window[entry];
  }

  /** Column {@code column}'s value at entry {@code entry}. */
  public long get(int column, int entry) {
    return values[column][entry];
  }

  /** The values of one column, by entry; the instance's own array, not to be written. */
  public long[] values(int column) {
    return values[column];
  }

  /** Thread {@code thread}'s sum of column {@code column} over the whole recording. */
  public long total(int thread, int column) {
    long[] v = values[column];
    long sum = 0;
    for (int e = firstEntry[thread], end = firstEntry[thread + 1]; e < end; e++) {
      sum += v[e];
    }
    return sum;
  }

  /** Thread {@code thread}'s sum of column {@code column} over windows {@code from..to}. */
  public long sum(int thread, int column, int from, int to) {
    long[] v = values[column];
    long sum = 0;
    for (int e = firstEntry[thread], end = firstEntry[thread + 1]; e < end; e++) {
      int w = window[e];
      if (w > to) {
        break;
      }
      if (w >= from) {
        sum += v[e];
      }
    }
    return sum;
  }
}
