package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STARVATION's view of all the threads of one monitor over a run of windows: how many requested it,
 * their acquisitions, requests and waits, and who took more than a fair share. A victim's peers are
 * these totals minus the victim's own, so each run is summed once per monitor rather than once per
 * victim (which made 10,000 threads take minutes), and only over the threads active in it.
 */
final class PeerTotals {
  /** Runs kept; a recording's victims share a few runs (single windows, their whole lives). */
  private static final int MAX_CACHED_RUNS = 256;

  private final boolean flag;
  private final List<ThreadStats> threads; // in threads() order: a thread's rank is its index
  // the ranks of the threads active in each window, in rank order
  private final Map<Integer, IntList> ranksByWindow = new HashMap<>();
  private final Map<Long, Run> runs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
          return size() > MAX_CACHED_RUNS;
        }
      };

  PeerTotals(MonitorStats m, boolean flag) {
    this.flag = flag;
    this.threads = m.threads();
    for (int rank = 0; rank < threads.size(); rank++) {
      WindowedCounters windows = threads.get(rank).windows();
      for (int p = 0; p < windows.size(); p++) {
        ranksByWindow.computeIfAbsent(windows.index(p), k -> new IntList()).add(rank);
      }
    }
  }

  /** The totals over windows {@code from..to}, both inclusive. */
  Run over(int from, int to) {
    long key = ((long) from << 32) | (to & 0xffffffffL);
    Run run = runs.get(key);
    if (run == null) {
      run = new Run(from, to);
      runs.put(key, run);
    }
    return run;
  }

  /**
   * The threads that did anything in windows {@code from..to}, in {@code threads()} order: their
   * ranks gathered from each window, sorted and deduplicated (primitives, no set of threads).
   */
  private List<ThreadStats> activeIn(int from, int to) {
    IntList ranks = new IntList();
    if ((long) to - from < ranksByWindow.size()) {
      for (int w = from; w <= to; w++) {
        ranks.addAll(ranksByWindow.get(w));
      }
    } else {
      for (Map.Entry<Integer, IntList> e : ranksByWindow.entrySet()) {
        if (e.getKey() >= from && e.getKey() <= to) {
          ranks.addAll(e.getValue());
        }
      }
    }
    int[] sorted = ranks.sortedDistinct();
    List<ThreadStats> list = new ArrayList<>(sorted.length);
    for (int rank : sorted) {
      list.add(threads.get(rank));
    }
    return list;
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(IntList other) {
      if (other != null) {
        if (size + other.size > values.length) {
          values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
      }
    }

    int[] sortedDistinct() {
      int[] a = Arrays.copyOf(values, size);
      Arrays.sort(a);
      int n = 0;
      for (int i = 0; i < a.length; i++) {
        if (n == 0 || a[i] != a[n - 1]) {
          a[n++] = a[i];
        }
      }
      return Arrays.copyOf(a, n);
    }
  }

  /** The sums over one run of windows. */
  final class Run {
    final int from;
    final int to;

    /** The names of the threads that requested or acquired the monitor, most acquisitions first. */
    final List<String> threads;

    final long acquisitions;
    final long requests;
    final long sumSquares;
    final long wait;
    final long waits;
    private final List<ThreadStats> aboveFairShare = new ArrayList<>();
    // made by the first finding that names causes: most runs make none, and with 100,000
    // threads nearly all of them are above a fair share of 1/100,000
    private Set<ThreadStats> isAboveFairShare;
    private List<String> aboveFairShareNames;

    Run(int from, int to) {
      this.from = from;
      this.to = to;
      List<ThreadStats> candidates = activeIn(from, to);
      List<String> names = new ArrayList<>(candidates.size());
      List<ThreadStats> active = new ArrayList<>(candidates.size());
      long[] activeAcquisitions = new long[candidates.size()]; // by position in active
      long acq = 0;
      long req = 0;
      long squares = 0;
      long waitNanos = 0;
      long waitCount = 0;
      for (ThreadStats t : candidates) {
        // only the metrics read here, in one walk over the thread's windows in the run
        WindowedCounters w = t.windows();
        long a = 0;
        long requested = 0;
        long waited = 0;
        long waitsCounted = 0;
        for (int p = w.positionAtOrAfter(from); p < w.size() && w.index(p) <= to; p++) {
          Counters c = w.counters(p);
          a += c.get(Metric.ACQUISITIONS);
          requested += c.get(Metric.REQUESTS);
          waited += StarvationDetector.waitNanos(c, flag);
          waitsCounted += StarvationDetector.waitCount(c, flag);
        }
        long r = Math.max(requested, a);
        if (r == 0) {
          continue;
        }
        names.add(t.name());
        activeAcquisitions[active.size()] = a;
        active.add(t);
        acq += a;
        req += r;
        squares += a * a;
        waitNanos += waited;
        waitCount += waitsCounted;
      }
      threads = Collections.unmodifiableList(names);
      acquisitions = acq;
      requests = req;
      sumSquares = squares;
      wait = waitNanos;
      waits = waitCount;
      double fairShare = names.isEmpty() ? 0 : 1.0 / names.size();
      for (int i = 0; i < active.size(); i++) {
        ThreadStats t = active.get(i);
        if (!t.isEndedThreads() && acq > 0 && (double) activeAcquisitions[i] / acq > fairShare) {
          aboveFairShare.add(t);
        }
      }
    }

    /**
     * The threads above their fair share of the acquisitions, the victim excepted: STARVATION's
     * causes. One list shared by the victims below their fair share (nearly all of them).
     */
    List<String> aboveFairShareBut(ThreadStats victim) {
      if (aboveFairShareNames == null) {
        List<String> names = new ArrayList<>(aboveFairShare.size());
        for (ThreadStats t : aboveFairShare) {
          names.add(t.name());
        }
        aboveFairShareNames = Collections.unmodifiableList(names);
        isAboveFairShare = Collections.newSetFromMap(new IdentityHashMap<>());
        isAboveFairShare.addAll(aboveFairShare);
      }
      if (!isAboveFairShare.contains(victim)) {
        return aboveFairShareNames;
      }
      List<String> others = new ArrayList<>(aboveFairShareNames);
      others.remove(victim.name());
      return others;
    }
  }
}
