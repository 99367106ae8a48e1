package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadColumns;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * THRASHING: Python's old GIL released and re-took the lock every 100 ticks; on several cores the
 * woken waiter found it taken again, thousands of times (docs/patterns.md). Signature, per window,
 * while threads really wait (average waiters at least {@link #MIN_AVERAGE_WAITERS}):
 *
 * <ul>
 *   <li>barging: releases with waiters that the releaser (or a newcomer) wins — rate at least
 *       {@link #BARGES_PER_SECOND_WARNING} and barging ratio (barging / (barging + contended
 *       acquisitions)) at least {@link #BARGING_RATIO_WARNING}; or
 *   <li>pass-overs per wait (waiters passed over per contended acquisition) at least {@link
 *       #PASS_OVERS_PER_WAIT_WARNING}; or
 *   <li>flag-shaped GIL: wake-ups that lead nowhere (notifyAll waking several waiters of which one
 *       at most can take the flag) at least {@link #FUTILE_WAKEUPS_PER_SECOND_WARNING}.
 * </ul>
 */
public final class ThrashingDetector implements Detector {
  /**
   * "While woken waiters fail": someone is waiting at least a quarter of the time, so the re-takes
   * cost a thread's progress and not only the releaser's bookkeeping.
   */
  public static final double MIN_AVERAGE_WAITERS = 0.25;

  /**
   * The rates are wake-ups that lead nowhere: each costs the waiter a wake-up and a context switch
   * (5-50 us on Linux), so 1,000 a second burn 0.5-5 % of a core for nothing (the seeds' "signal
   * storm" becomes measurable), 10,000 a second 5-50 %; 100 a second is noticeable only as a trend.
   */
  public static final double BARGES_PER_SECOND_INFO = 100;

  public static final double BARGES_PER_SECOND_WARNING = 1_000;
  public static final double BARGES_PER_SECOND_CRITICAL = 10_000;

  /**
   * The share of releases with waiters that the releaser or a newcomer wins, barging / (barging +
   * contended acquisitions): "woken waiters fail" more often than not at 0.5, nine times in ten at
   * 0.9; a quarter is a lock that is merely unfair.
   */
  public static final double BARGING_RATIO_INFO = 0.25;

  public static final double BARGING_RATIO_WARNING = 0.50;
  public static final double BARGING_RATIO_CRITICAL = 0.90;

  /**
   * A waiter passed over ten times per acquisition lost ten races for every one it won (a hundred:
   * it is effectively locked out while others cycle through the monitor).
   */
  public static final double PASS_OVERS_PER_WAIT_WARNING = 10;

  public static final double PASS_OVERS_PER_WAIT_CRITICAL = 100;

  /** Futile wake-ups (notifyAll waking N waiters for one flag) priced like barges. */
  public static final double FUTILE_WAKEUPS_PER_SECOND_WARNING = 1_000;

  /**
   * Minimum sample: a window (or run) needs at least this many barges before a barging rate counts,
   * and this many contended acquisitions before pass-overs per wait count. A short last window with
   * a handful of barges extrapolates to a rate the recording never had.
   */
  public static final long MIN_BARGES = 50;

  public static final long MIN_CONTENDED_FOR_PASS_OVERS = 20;

  /**
   * A barging storm while two or more threads each take at least a tenth of the acquisitions
   * ({@link WantingThreads}) is the old GIL's thrashing even when each wait is too short to add up
   * to {@link #MIN_AVERAGE_WAITERS}: both threads want it all the time and the releaser keeps
   * winning. With one such thread (a CPU-bound holder barging an occasional I/O publisher, as in
   * {@code io-outside}) it costs little wall time: INFO.
   */
  public static final int MIN_WANTING_THREADS_FOR_STORM = 2;

  @Override
  public FindingKind kind() {
    return FindingKind.THRASHING;
  }

  @Override
  public Evaluation evaluate(MonitorStats m, RecordingInfo r) {
    if (m.source() != EventSource.GILSCOPE || !m.hasExactCounts()) {
      return Evaluation.notApplicable("needs gilscope barging and pass-over counts");
    }
    int[] run = WindowRuns.bestRun(scores(m, r));
    if (run == null) {
      return Evaluation.nothing();
    }
    long len = 0;
    for (int w = run[0]; w <= run[1]; w++) {
      len += r.windowLengthNanos(w);
    }
    Rates rates =
        new Rates(m.windows().sum(run[0], run[1]), len, WantingThreads.count(m, run[0], run[1]));
    Severity severity = rates.severity() == null ? Severity.INFO : rates.severity();
    Parties parties = parties(m, run);
    long start = (long) run[0] * r.windowNanos();
    return Evaluation.found(
        List.of(
            new Finding(
                kind(),
                m.name(),
                severity,
                parties.threads,
                parties.victims,
                parties.causes,
                start,
                start + len,
                rates.evidence(r.cpuCores(), len),
                summary(m.name(), rates, start, start + len),
                ADVICE)));
  }

  /** Each window's score where its rates alone raise a finding: its wasted wake-ups a second. */
  private static NavigableMap<Integer, Double> scores(MonitorStats m, RecordingInfo r) {
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    WindowedCounters windows = m.windows();
    for (int p = 0; p < windows.size(); p++) {
      int w = windows.index(p);
      // whether a window has a severity does not depend on how many threads want the monitor
      // there (that only tells a storm's WARNING from its INFO), so they are not counted here: a
      // pass over every thread's windows, for each of 10,000 monitors
      Rates rates = new Rates(windows.counters(p), r.windowLengthNanos(w), 0);
      if (rates.severity() != null) {
        scores.put(w, rates.bargesPerSecond + rates.futilePerSecond + 1);
      }
    }
    return scores;
  }

  /** The run's threads, most passed over first; who keeps winning it back and who loses. */
  private record Parties(List<String> threads, List<String> victims, List<String> causes) {}

  /**
   * Causes: the threads that keep winning it back (above their fair share of acquisitions);
   * victims: the threads passed over or waiting.
   */
  private static Parties parties(MonitorStats m, int[] run) {
    // each thread's run summed once from the monitor's columns, the four figures kept in arrays
    // by the thread's place among the active ones: no object per thread (100,000 threads)
    ThreadColumns c = m.columns();
    int[] arrival = m.arrivalIndicesInThreadsOrder();
    int[] activeThreads = new int[arrival.length]; // their numbers in the columns
    long[] acquired = new long[arrival.length];
    long[] passedOver = new long[arrival.length];
    long[] waited = new long[arrival.length];
    int active = 0;
    long acquisitions = 0;
    for (int i : arrival) { // threads() order
      long a = c.sum(i, ACQUISITIONS, run[0], run[1]);
      if (a > 0 || c.sum(i, REQUESTS, run[0], run[1]) > 0) {
        activeThreads[active] = i;
        acquired[active] = a;
        passedOver[active] = c.sum(i, PASS_OVERS, run[0], run[1]);
        waited[active] = c.sum(i, WAIT_NANOS, run[0], run[1]);
        acquisitions += a;
        active++;
      }
    }
    double fairShare = active == 0 ? 0 : 1.0 / active;
    Parties parties = new Parties(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int k : mostPassedOverFirst(passedOver, active)) {
      int i = activeThreads[k];
      String name = c.name(i);
      parties.threads.add(name);
      if (c.isEndedThreads(i)) {
        continue; // an aggregate of threads JFR could no longer name
      }
      double share = acquisitions == 0 ? 0 : (double) acquired[k] / acquisitions;
      if (share > fairShare) {
        parties.causes.add(name);
      } else if (passedOver[k] > 0 || waited[k] > 0) {
        parties.victims.add(name);
      }
    }
    return parties;
  }

  /**
   * The places {@code 0..n-1}, most {@code passOvers} first, ties in place order (a stable sort):
   * as packed {@code long}s, the pass-overs' complement above the place, when both fit, else by
   * comparison.
   */
  static int[] mostPassedOverFirst(long[] passOvers, int n) {
    long max = 0;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, passOvers[k]);
    }
    int[] order = new int[n];
    if (max < 1L << (Long.SIZE - 1 - PLACE_BITS) && n <= 1 << PLACE_BITS) {
      long[] keys = new long[n];
      for (int k = 0; k < n; k++) {
        keys[k] = ((max - passOvers[k]) << PLACE_BITS) | k;
      }
      Arrays.sort(keys);
      for (int k = 0; k < n; k++) {
        order[k] = (int) (keys[k] & ((1L << PLACE_BITS) - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[n];
    for (int k = 0; k < n; k++) {
      boxed[k] = k;
    }
    Arrays.sort(boxed, Comparator.comparingLong((Integer k) -> passOvers[k]).reversed());
    for (int k = 0; k < n; k++) {
      order[k] = boxed[k];
    }
    return order;
  }

  private static final int PLACE_BITS = 24;

  private static final int ACQUISITIONS = ThreadColumns.column(Metric.ACQUISITIONS);
  private static final int REQUESTS = ThreadColumns.column(Metric.REQUESTS);
  private static final int PASS_OVERS = ThreadColumns.column(Metric.PASS_OVERS);
  private static final int WAIT_NANOS = ThreadColumns.column(Metric.WAIT_NANOS);

  private static String summary(String monitor, Rates rates, long start, long end) {
    if (rates.futileDominates()) {
      return Text.fill(
          "%s woke %s waiters a second from %s to %s that found the flag taken again"
              + " (wake-ups that lead nowhere, with %s threads waiting on average).",
          monitor,
          Text.count(Math.round(rates.futilePerSecond)),
          Text.seconds(start),
          Text.seconds(end),
          Text.fixed(rates.averageWaiters, 1));
    }
    return Text.fill(
        "%s was re-taken by its releaser or a newcomer %s times a second while threads"
            + " waited (barging ratio %s, %s pass-overs per wait) from %s to %s: woken"
            + " waiters mostly find it taken again, as with Python's old 100-tick GIL.",
        monitor,
        Text.count(Math.round(rates.bargesPerSecond)),
        Text.fixed(rates.bargingRatio, 2),
        Text.fixed(rates.passOversPerWait, 1),
        Text.seconds(start),
        Text.seconds(end));
  }

  private static final String ADVICE =
      "Stop releasing and re-taking the lock in a tight loop: hold it for a longer time slice"
          + " and hand it over explicitly when others wait (a fair lock or FIFO ticket, as the"
          + " new GIL's forced switching does), or keep fewer threads contending for it.";

  /** The per-second rates of one window or run of windows. */
  static final class Rates {
    final double bargesPerSecond;
    final double bargingRatio;
    final double passOversPerWait;
    final double handoffsPerSecond;
    final double acquisitionsPerSecond;
    final double averageWaiters;
    final double futilePerSecond;
    final double waitersInWait;
    final double contendedPerSecond;
    final boolean enoughBarges;
    final boolean enoughContended;
    final int wantingThreads;

    Rates(Counters c, long windowNanos, int wantingThreads) {
      this.wantingThreads = wantingThreads;
      double seconds = windowNanos / 1e9;
      long barging = c.get(Metric.BARGING);
      long contended = c.get(Metric.CONTENDED);
      bargesPerSecond = barging / seconds;
      bargingRatio = barging + contended == 0 ? 0 : (double) barging / (barging + contended);
      passOversPerWait = contended == 0 ? 0 : (double) c.get(Metric.PASS_OVERS) / contended;
      handoffsPerSecond = c.get(Metric.HANDOFFS) / seconds;
      acquisitionsPerSecond = c.get(Metric.ACQUISITIONS) / seconds;
      averageWaiters = (double) c.get(Metric.WAIT_NANOS) / windowNanos;
      futilePerSecond = c.get(Metric.FUTILE_WAKEUPS) / seconds;
      waitersInWait = (double) c.get(Metric.WAIT_IN_WAIT_NANOS) / windowNanos;
      contendedPerSecond = contended / seconds;
      enoughBarges = barging >= MIN_BARGES;
      enoughContended = contended >= MIN_CONTENDED_FOR_PASS_OVERS;
    }

    Map<String, Number> evidence(Integer cores, long windowNanos) {
      Map<String, Number> evidence = new LinkedHashMap<>();
      evidence.put("bargesPerSecond", Math.round(bargesPerSecond));
      evidence.put("bargingRatio", SerializationDetector.round(bargingRatio));
      evidence.put("passOversPerWait", SerializationDetector.round(passOversPerWait));
      evidence.put("handoffsPerSecond", Math.round(handoffsPerSecond));
      evidence.put("acquisitionsPerSecond", Math.round(acquisitionsPerSecond));
      evidence.put("averageWaiters", SerializationDetector.round(averageWaiters));
      evidence.put("futileWakeupsPerSecond", Math.round(futilePerSecond));
      evidence.put("cpuCores", cores);
      evidence.put("windowNanos", windowNanos);
      return evidence;
    }

    boolean futileDominates() {
      return futilePerSecond >= FUTILE_WAKEUPS_PER_SECOND_WARNING
          && futilePerSecond > bargesPerSecond;
    }

    Severity severity() {
      boolean futile =
          futilePerSecond >= FUTILE_WAKEUPS_PER_SECOND_WARNING
              && waitersInWait >= MIN_AVERAGE_WAITERS;
      boolean stormRate = enoughBarges && bargesPerSecond >= BARGES_PER_SECOND_CRITICAL;
      if (stormRate
          && bargingRatio >= BARGING_RATIO_CRITICAL
          && averageWaiters >= MIN_AVERAGE_WAITERS) {
        return Severity.CRITICAL;
      }
      if (stormRate
          && bargingRatio >= BARGING_RATIO_WARNING
          && averageWaiters < MIN_AVERAGE_WAITERS) {
        // waiters barely wait (they spin, or a woken one finds it taken at once): thrashing when
        // two threads both want it all the time (the old GIL's re-take) and woken waiters fail
        // more often than not, else a note (an occasional thread barged by a CPU-bound re-taker)
        return wantingThreads >= MIN_WANTING_THREADS_FOR_STORM ? Severity.WARNING : Severity.INFO;
      }
      boolean someBarging =
          enoughBarges
              && bargesPerSecond >= BARGES_PER_SECOND_INFO
              && bargingRatio >= BARGING_RATIO_INFO;
      if (averageWaiters < MIN_AVERAGE_WAITERS && !futile) {
        return someBarging ? Severity.INFO : null;
      }
      boolean barging =
          enoughBarges
              && bargesPerSecond >= BARGES_PER_SECOND_WARNING
              && bargingRatio >= BARGING_RATIO_WARNING;
      boolean passOvers = enoughContended && passOversPerWait >= PASS_OVERS_PER_WAIT_WARNING;
      if (enoughContended && passOversPerWait >= PASS_OVERS_PER_WAIT_CRITICAL) {
        return Severity.CRITICAL;
      }
      if (barging || passOvers || futile) {
        return Severity.WARNING;
      }
      return someBarging ? Severity.INFO : null;
    }
  }
}
