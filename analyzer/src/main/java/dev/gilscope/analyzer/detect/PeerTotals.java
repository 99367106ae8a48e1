package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
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
  private final Map<ThreadStats, Integer> rank = new IdentityHashMap<>();
  private final Map<Integer, List<ThreadStats>> threadsByWindow = new HashMap<>();
  private final Map<Long, Run> runs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
          return size() > MAX_CACHED_RUNS;
        }
      };

  PeerTotals(MonitorStats m, boolean flag) {
    this.flag = flag;
    for (ThreadStats t : m.threads()) {
      rank.put(t, rank.size());
      for (int w : t.windows().all().keySet()) {
        threadsByWindow.computeIfAbsent(w, k -> new ArrayList<>()).add(t);
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

  /** The threads that did anything in windows {@code from..to}, in {@code threads()} order. */
  private List<ThreadStats> activeIn(int from, int to) {
    Set<ThreadStats> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<ThreadStats> list = new ArrayList<>();
    if ((long) to - from < threadsByWindow.size()) {
      for (int w = from; w <= to; w++) {
        addNew(threadsByWindow.get(w), seen, list);
      }
    } else {
      for (Map.Entry<Integer, List<ThreadStats>> e : threadsByWindow.entrySet()) {
        if (e.getKey() >= from && e.getKey() <= to) {
          addNew(e.getValue(), seen, list);
        }
      }
    }
    list.sort((a, b) -> Integer.compare(rank.get(a), rank.get(b)));
    return list;
  }

  private static void addNew(
      List<ThreadStats> threads, Set<ThreadStats> seen, List<ThreadStats> to) {
    if (threads != null) {
      for (ThreadStats t : threads) {
        if (seen.add(t)) {
          to.add(t);
        }
      }
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
    private final Set<ThreadStats> isAboveFairShare =
        Collections.newSetFromMap(new IdentityHashMap<>());
    private List<String> aboveFairShareNames;

    Run(int from, int to) {
      this.from = from;
      this.to = to;
      List<String> names = new ArrayList<>();
      List<ThreadStats> active = new ArrayList<>();
      List<Long> activeAcquisitions = new ArrayList<>();
      long acq = 0;
      long req = 0;
      long squares = 0;
      long waitNanos = 0;
      long waitCount = 0;
      for (ThreadStats t : activeIn(from, to)) {
        Counters c = t.windows().sum(from, to);
        long r = Math.max(c.get(Metric.REQUESTS), c.get(Metric.ACQUISITIONS));
        if (r == 0) {
          continue;
        }
        names.add(t.name());
        active.add(t);
        long a = c.get(Metric.ACQUISITIONS);
        activeAcquisitions.add(a);
        acq += a;
        req += r;
        squares += a * a;
        waitNanos += StarvationDetector.waitNanos(c, flag);
        waitCount += StarvationDetector.waitCount(c, flag);
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
        if (!t.isEndedThreads()
            && acq > 0
            && (double) activeAcquisitions.get(i) / acq > fairShare) {
          aboveFairShare.add(t);
          isAboveFairShare.add(t);
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
