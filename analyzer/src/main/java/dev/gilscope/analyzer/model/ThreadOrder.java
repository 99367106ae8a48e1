package dev.gilscope.analyzer.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The order of {@link MonitorStats#threads()}: most acquisitions first, then most wait at entry,
 * then most time in {@code wait()}, then by name (names are unique on a monitor, so the order is
 * total and any sort gives it). The keys sit in columns by the thread's index (its arrival); {@link
 * #sorted} sorts the indices, a merge sort on primitives, so that a comparison reads three longs
 * from dense arrays rather than two objects from anywhere in a heap of 100,000 threads.
 */
final class ThreadOrder {
  // runs this short are sorted by insertion: fewer moves than merging them
  private static final int INSERTION_SORT_RUN = 16;

  private final String[] names;
  private final long[] acquisitions;
  private final long[] waitNanos;
  private final long[] waitInWaitNanos;

  ThreadOrder(int threads) {
    names = new String[threads];
    acquisitions = new long[threads];
    waitNanos = new long[threads];
    waitInWaitNanos = new long[threads];
  }

  void set(int index, String name, long acquisitions, long waitNanos, long waitInWaitNanos) {
    names[index] = name;
    this.acquisitions[index] = acquisitions;
    this.waitNanos[index] = waitNanos;
    this.waitInWaitNanos[index] = waitInWaitNanos;
  }

  /** Each thread's acquisitions and wait at entry, by index. */
  void forEach(MonitorStats.ThreadTotalsVisitor visitor) {
    for (int i = 0; i < acquisitions.length; i++) {
      visitor.visit(acquisitions[i], waitNanos[i]);
    }
  }

  /** The indices, first thread first. */
  int[] sorted() {
    int n = names.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] scratch = new int[n];
    if (n >= PARALLEL_MIN_THREADS) {
      ForkJoinPool.commonPool().invoke(new SortTask(order, scratch, 0, n));
    } else {
      sort(order, scratch, 0, n);
    }
    return order;
  }

  /**
   * From this many threads on, the halves are sorted on all cores: 100,000 virtual threads took 50
   * ms of C1 code in one, on the detectors' critical path (they all wait for the order).
   */
  static final int PARALLEL_MIN_THREADS = 20_000;

  /** The merge sort's halves as tasks down to {@link #PARALLEL_MIN_THREADS} / 2 threads. */
  private final class SortTask extends RecursiveAction {
    private final int[] order;
    private final int[] scratch;
    private final int from;
    private final int to;

    SortTask(int[] order, int[] scratch, int from, int to) {
      this.order = order;
      this.scratch = scratch;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from < PARALLEL_MIN_THREADS) {
        sort(order, scratch, from, to);
        return;
      }
      int mid = (from + to) >>> 1;
      invokeAll(new SortTask(order, scratch, from, mid), new SortTask(order, scratch, mid, to));
      merge(order, scratch, from, mid, to);
    }
  }

  /** Negative when thread {@code a} comes before thread {@code b}. */
  int compare(int a, int b) {
    int c = Long.compare(acquisitions[b], acquisitions[a]);
    if (c == 0) {
      c = Long.compare(waitNanos[b], waitNanos[a]);
    }
    if (c == 0) {
      c = Long.compare(waitInWaitNanos[b], waitInWaitNanos[a]);
    }
    return c != 0 ? c : names[a].compareTo(names[b]);
  }

  private void sort(int[] order, int[] scratch, int from, int to) {
    if (to - from <= INSERTION_SORT_RUN) {
      for (int i = from + 1; i < to; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= from && compare(x, order[j]) < 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(order, scratch, from, mid);
    sort(order, scratch, mid, to);
    merge(order, scratch, from, mid, to);
  }

  /** Merges the sorted runs {@code from..mid} and {@code mid..to} of {@code order}. */
  private void merge(int[] order, int[] scratch, int from, int mid, int to) {
    if (compare(order[mid - 1], order[mid]) <= 0) {
      return; // already in order (a run of equal keys, a recording sorted already)
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      order[k++] = compare(scratch[j], scratch[i]) < 0 ? scratch[j++] : scratch[i++];
    }
    while (i < mid) {
      order[k++] = scratch[i++];
    }
    while (j < to) {
      order[k++] = scratch[j++];
    }
  }
}
