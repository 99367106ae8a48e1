package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadColumns;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * STARVATION's view of all the threads of one monitor over a run of windows: how many requested it,
 * their acquisitions, requests and waits, and who took more than a fair share. A victim's peers are
 * these totals minus the victim's own, so each run is summed once per monitor rather than once per
 * victim (which made 10,000 threads take minutes), and only over the threads active in it.
 *
 * <p>The figures a run sums are copied once, from the monitor's {@link ThreadColumns}, window by
 * window into columns of primitives (a thread's rank and its four figures in that window): a run
 * then adds up arrays instead of following every thread to its windows and counters, which with
 * 100,000 threads was most of STARVATION's time (cache misses, about 0.5 us per thread and run).
 */
final class PeerTotals {
  /** Runs kept; a recording's victims share a few runs (single windows, their whole lives). */
  private static final int MAX_CACHED_RUNS = 256;

  private final List<ThreadStats> threads; // in threads() order: a thread's rank is its index
  private final String[] names; // by rank
  private final boolean[] endedThreads; // by rank
  private final Map<Integer, WindowColumns> byWindow = new HashMap<>();
  // scratch for one run at a time, by rank (zero between runs)
  private final long[] runAcquisitions;
  private final long[] runRequests;
  private final long[] runWait;
  private final long[] runWaits;
  private final boolean[] inRun;
  private final IntList runRanks = new IntList(); // scratch: the ranks of one run at a time
  private final Map<Long, Run> runs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
          return size() > MAX_CACHED_RUNS;
        }
      };

  PeerTotals(MonitorStats m, boolean flag) {
    this.threads = m.threads();
    int n = threads.size();
    // from the monitor's columns, in arrival order: a run's sums do not depend on the order
    ThreadColumns c = m.columns();
    int[] ranks = m.ranksInArrivalOrder();
    names = new String[n];
    endedThreads = new boolean[n];
    for (int i = 0; i < n; i++) {
      names[ranks[i]] = c.name(i);
      endedThreads[ranks[i]] = c.isEndedThreads(i);
    }
    long[] acquisitions = c.values(ThreadColumns.column(Metric.ACQUISITIONS));
    long[] requests = c.values(ThreadColumns.column(Metric.REQUESTS));
    long[] waitNanos = c.values(ThreadColumns.column(Metric.WAIT_NANOS));
    long[] waits = c.values(ThreadColumns.column(Metric.TIMED_WAITS));
    long[] episodeNanos = c.values(ThreadColumns.column(Metric.EPISODE_NANOS));
    long[] episodes = c.values(ThreadColumns.column(Metric.EPISODES));
    presize(c);
    WindowColumns last = null;
    for (int i = 0; i < n; i++) {
      int rank = ranks[i];
      for (int e = c.from(i); e < c.to(i); e++) {
        int w = c.window(e);
        if (last == null || last.window != w) {
          last = byWindow.computeIfAbsent(w, k -> new WindowColumns(k, 4));
        }
        last.add(
            rank,
            acquisitions[e],
            requests[e],
            waitNanos[e] + (flag ? episodeNanos[e] : 0),
            waits[e] + (flag ? episodes[e] : 0));
      }
    }
    runAcquisitions = new long[n];
    runRequests = new long[n];
    runWait = new long[n];
    runWaits = new long[n];
    inRun = new boolean[n];
  }

  // the run asked for last: victims in arrival order mostly ask for the run of the one before
  // (their window), and a hit skips a boxed key and the cache's reordering
  private Run lastRun;

  /**
   * Makes each window's columns the size of its entries, counted over the columns' windows, when
   * they span few more windows than there are entries: columns grown by doubling copied 100,000
   * threads' figures about once more and allocated twice what they kept.
   */
  private void presize(ThreadColumns c) {
    int entries = c.threads() == 0 ? 0 : c.to(c.threads() - 1);
    if (entries == 0) {
      return;
    }
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int e = 0; e < entries; e++) {
      first = Math.min(first, c.window(e));
      last = Math.max(last, c.window(e));
    }
    if ((long) last - first >= entries + 1024L) {
      return; // windows far apart: grown as they fill
    }
    int[] counts = new int[last - first + 1];
    for (int e = 0; e < entries; e++) {
      counts[c.window(e) - first]++;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        byWindow.put(first + i, new WindowColumns(first + i, counts[i]));
      }
    }
  }

  /** The totals over windows {@code from..to}, both inclusive. */
  Run over(int from, int to) {
    Run run = lastRun;
    if (run != null && run.from == from && run.to == to) {
      return run;
    }
    long key = ((long) from << 32) | (to & 0xffffffffL);
    run = runs.get(key);
    if (run == null) {
      run = new Run(from, to);
      runs.put(key, run);
    }
    lastRun = run;
    return run;
  }

  /**
   * Sums the columns of windows {@code from..to} into the scratch arrays; returns the ranks of the
   * threads that did anything in them, ascending ({@code threads()} order).
   */
  private int[] sumRun(int from, int to) {
    IntList ranks = runRanks;
    ranks.clear();
    if ((long) to - from < byWindow.size()) {
      for (int w = from; w <= to; w++) {
        addColumns(byWindow.get(w), ranks);
      }
    } else {
      for (Map.Entry<Integer, WindowColumns> e : byWindow.entrySet()) {
        if (e.getKey() >= from && e.getKey() <= to) {
          addColumns(e.getValue(), ranks);
        }
      }
    }
    if (ranks.size < inRun.length / 16) {
      int[] sorted = ranks.toArray();
      Arrays.sort(sorted);
      return sorted;
    }
    // most of the threads: their marks read in rank order, one pass over an array, instead of a
    // sort (the columns come in arrival order; on 100,000 threads sorting each run's ranks took a
    // third of STARVATION's CPU)
    int[] sorted = new int[ranks.size];
    int k = 0;
    for (int rank = 0; rank < inRun.length; rank++) {
      if (inRun[rank]) {
        sorted[k++] = rank;
      }
    }
    return sorted;
  }

  private void addColumns(WindowColumns w, IntList ranks) {
    if (w == null) {
      return;
    }
    for (int k = 0; k < w.size; k++) {
      int rank = w.ranks[k];
      if (!inRun[rank]) {
        inRun[rank] = true;
        ranks.add(rank);
      }
      runAcquisitions[rank] += w.acquisitions[k];
      runRequests[rank] += w.requests[k];
      runWait[rank] += w.wait[k];
      runWaits[rank] += w.waits[k];
    }
  }

  /** Zeroes the scratch arrays at {@code ranks}. */
  private void clearRun(int[] ranks) {
    for (int rank : ranks) {
      inRun[rank] = false;
      runAcquisitions[rank] = 0;
      runRequests[rank] = 0;
      runWait[rank] = 0;
      runWaits[rank] = 0;
    }
  }

  /** One window's threads (by rank, in arrival order) and their figures in it, column by column. */
  private static final class WindowColumns {
    final int window;
    int[] ranks;
    long[] acquisitions;
    long[] requests;
    long[] wait;
    long[] waits;
    int size;

    WindowColumns(int window, int capacity) {
      this.window = window;
      ranks = new int[capacity];
      acquisitions = new long[capacity];
      requests = new long[capacity];
      wait = new long[capacity];
      waits = new long[capacity];
    }

    void add(int rank, long acquired, long requested, long waitNanos, long waitCount) {
      if (size == ranks.length) {
        int capacity = size * 2;
        ranks = Arrays.copyOf(ranks, capacity);
        acquisitions = Arrays.copyOf(acquisitions, capacity);
        requests = Arrays.copyOf(requests, capacity);
        wait = Arrays.copyOf(wait, capacity);
        waits = Arrays.copyOf(waits, capacity);
      }
      ranks[size] = rank;
      acquisitions[size] = acquired;
      requests[size] = requested;
      wait[size] = waitNanos;
      waits[size] = waitCount;
      size++;
    }
  }

  /** A growable list of ints, cleared for reuse. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }

    void clear() {
      size = 0;
    }
  }

  /** The names of some threads, by rank: a list over the ranks, not a copy of 100,000 names. */
  private final class Names extends AbstractList<String> implements RandomAccess {
    private final int[] ranks;
    private final int size;

    Names(int[] ranks, int size) {
      this.ranks = ranks;
      this.size = size;
    }

    @Override
    public String get(int index) {
      return names[ranks[Objects.checkIndex(index, size)]];
    }

    @Override
    public int size() {
      return size;
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
    // the ranks above a fair share: with 100,000 threads nearly all of them are above a fair share
    // of 1/100,000, so no list of threads is made unless a finding names them
    private final int[] aboveFairShare;
    // made by the first finding that names causes: most runs make none
    private Set<ThreadStats> isAboveFairShare;
    private List<String> aboveFairShareNames;

    Run(int from, int to) {
      this.from = from;
      this.to = to;
      int[] ranks = sumRun(from, to);
      int[] activeRanks = new int[ranks.length];
      int active = 0;
      long acq = 0;
      long req = 0;
      long squares = 0;
      long waitNanos = 0;
      long waitCount = 0;
      for (int rank : ranks) {
        long a = runAcquisitions[rank];
        long r = Math.max(runRequests[rank], a);
        if (r == 0) {
          continue;
        }
        activeRanks[active++] = rank;
        acq += a;
        req += r;
        squares += a * a;
        waitNanos += runWait[rank];
        waitCount += runWaits[rank];
      }
      threads = new Names(activeRanks, active);
      acquisitions = acq;
      requests = req;
      sumSquares = squares;
      wait = waitNanos;
      waits = waitCount;
      double fairShare = active == 0 ? 0 : 1.0 / active;
      int[] above = new int[active];
      int aboveCount = 0;
      for (int i = 0; i < active; i++) {
        int rank = activeRanks[i];
        if (!endedThreads[rank] && acq > 0 && (double) runAcquisitions[rank] / acq > fairShare) {
          above[aboveCount++] = rank;
        }
      }
      aboveFairShare = Arrays.copyOf(above, aboveCount);
      clearRun(ranks);
    }

    /**
     * The threads above their fair share of the acquisitions, the victim excepted: STARVATION's
     * causes. One list shared by the victims below their fair share (nearly all of them).
     */
    List<String> aboveFairShareBut(ThreadStats victim) {
      if (aboveFairShareNames == null) {
        aboveFairShareNames = new Names(aboveFairShare, aboveFairShare.length);
        isAboveFairShare = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int rank : aboveFairShare) {
          isAboveFairShare.add(PeerTotals.this.threads.get(rank));
        }
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
