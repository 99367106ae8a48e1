package dev.gilscope.analyzer.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The order of {@link MonitorStats#threads()}: most acquisitions first, then most wait at entry,
 * then most time in {@code wait()}, then by name (names are unique on a monitor, so the order is
 * total and any sort gives it). The keys sit in one array by the thread's index (its arrival);
 * {@link #sorted} sorts the indices, a merge sort on primitives, so that a comparison reads three
 * longs side by side rather than two objects from anywhere in a heap of 100,000 threads.
 */
final class ThreadOrder {
  // runs this short are sorted by insertion: fewer moves than merging them
  private static final int INSERTION_SORT_RUN = 16;

  private final String[] names;
  // thread i's acquisitions, wait at entry and time in wait() at 3i, 3i + 1 and 3i + 2: a
  // comparison of two threads reads one cache line of each, where three arrays were three (the
  // sort of 100,000 threads took 37-60 ms so)
  private final long[] keys;

  ThreadOrder(int threads) {
    names = new String[threads];
    keys = new long[3 * threads];
  }

  /** Thread {@code index}'s keys; each index by one thread only, any index by any thread. */
  void set(int index, String name, long acquisitions, long waitNanos, long waitInWaitNanos) {
    names[index] = name;
    keys[3 * index] = acquisitions;
    keys[3 * index + 1] = waitNanos;
    keys[3 * index + 2] = waitInWaitNanos;
  }

  /** Each thread's acquisitions and wait at entry, by index. */
  void forEach(MonitorStats.ThreadTotalsVisitor visitor) {
    for (int k = 0; k < keys.length; k += 3) {
      visitor.visit(keys[k], keys[k + 1]);
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
    int ka = 3 * a;
    int kb = 3 * b;
    int c = Long.compare(keys[kb], keys[ka]);
    if (c == 0) {
      c = Long.compare(keys[kb + 1], keys[ka + 1]);
    }
    if (c == 0) {
      c = Long.compare(keys[kb + 2], keys[ka + 2]);
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
