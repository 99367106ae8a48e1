package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * SERIALIZATION: the GIL lets one thread run at a time (seed 004: two threads slower than one).
 * Signature: the monitor is held most of each window (utilization = hold time / window) while on
 * average {@link #MIN_AVERAGE_WAITERS_WARNING} or more threads wait to enter it (sum of waits /
 * window), with two or more threads using it. The speed-up the monitor allows on the recording's
 * cores is {@code min(cores, 1 / utilization)}. Needs gilscope's hold times; when holds are
 * sampled, the total is estimated by {@link HoldTime} (unbiased from the agent's separate sample
 * stratum; an upper estimate for recordings of agents without it, and the summary says which). The
 * evidence adds the measured lower bound, and the verdict also needs waiters, which come from
 * complete data (every contended wait is timed; contended and barged acquisitions are exact).
 */
public final class SerializationDetector implements Detector {
  public static final double UTILIZATION_INFO = 0.50;
  public static final double UTILIZATION_WARNING = 0.75;
  public static final double UTILIZATION_CRITICAL = 0.90;
  public static final double MIN_AVERAGE_WAITERS_INFO = 0.25;
  public static final double MIN_AVERAGE_WAITERS_WARNING = 0.50;
  public static final double MIN_AVERAGE_WAITERS_CRITICAL = 0.90;
  public static final int MIN_THREADS = 2;

  /**
   * Contention that shows threads queueing even when each wait is short (an old-GIL style re-take
   * every few hundred nanoseconds keeps measured waits tiny): contended acquisitions plus barges
   * per second, while two or more threads each take at least a tenth of the acquisitions ({@link
   * WantingThreads}). Counts as {@link #MIN_AVERAGE_WAITERS_CRITICAL} waiters.
   */
  public static final double CONTENTION_PER_SECOND = 1_000;

  @Override
  public FindingKind kind() {
    return FindingKind.SERIALIZATION;
  }

  @Override
  public Evaluation evaluate(MonitorStats m, RecordingInfo r) {
    if (m.source() != EventSource.GILSCOPE || !m.hasExactCounts()) {
      return Evaluation.notApplicable("needs gilscope hold times and acquisition counts");
    }
    if (m.totals().get(Metric.TIMED_HOLDS) == 0) {
      return Evaluation.notApplicable("no hold was timed");
    }
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      long len = r.windowLengthNanos(w);
      double u = utilization(e.getValue(), len);
      boolean twoWant = WantingThreads.count(m, w, w) >= MIN_THREADS;
      double waiters = twoWant ? waiters(e.getValue(), len) : 0;
      if (severity(u, waiters) != null && twoWant) {
        scores.put(w, u * waiters);
      }
    }
    int[] run = WindowRuns.bestRun(scores);
    if (run == null) {
      return Evaluation.nothing();
    }
    Counters c = m.windows().sum(run[0], run[1]);
    long len = 0;
    for (int w = run[0]; w <= run[1]; w++) {
      len += r.windowLengthNanos(w);
    }
    double u = utilization(c, len);
    double waiters =
        WantingThreads.count(m, run[0], run[1]) >= MIN_THREADS
            ? waiters(c, len)
            : (double) c.get(Metric.WAIT_NANOS) / len;
    double measuredWaiters = (double) c.get(Metric.WAIT_NANOS) / len;
    Severity severity = severity(u, waiters);
    if (severity == null) {
      severity = Severity.INFO; // each window qualified; the sum is at least INFO
    }
    List<String> threads = new ArrayList<>();
    List<String> victims = new ArrayList<>();
    for (ThreadStats t : m.threads()) {
      Counters tc = t.windows().sum(run[0], run[1]);
      if (tc.get(Metric.ACQUISITIONS) > 0 || tc.get(Metric.REQUESTS) > 0) {
        threads.add(t.name());
        if (tc.get(Metric.WAIT_NANOS) > 0 && !t.isEndedThreads()) {
          victims.add(t.name());
        }
      }
    }
    Integer cores = r.cpuCores();
    double bound = u <= 0 ? Double.POSITIVE_INFINITY : 1 / u;
    if (cores != null) {
      bound = Math.min(cores, bound);
    }
    long acquisitions = c.get(Metric.ACQUISITIONS);
    Map<String, Number> evidence = new LinkedHashMap<>();
    HoldTime.Basis basis = HoldTime.basis(c);
    boolean sampled = basis != HoldTime.Basis.EXACT;
    evidence.put("utilization", round(u));
    // the measured holds alone: a true lower bound whatever the sampling
    evidence.put(
        "utilizationLowerBound", round(Math.min(1, (double) c.get(Metric.HOLD_NANOS) / len)));
    evidence.put("utilizationFromSampledHolds", sampled ? 1 : 0);
    evidence.put("averageWaiters", round(measuredWaiters));
    evidence.put(
        "contentionPerSecond",
        Math.round((c.get(Metric.CONTENDED) + c.get(Metric.BARGING)) / (len / 1e9)));
    evidence.put("threads", threads.size());
    evidence.put("cpuCores", cores);
    evidence.put("speedUpBound", round(bound));
    evidence.put("acquisitionsPerSecond", Math.round(acquisitions / (len / 1e9)));
    evidence.put("meanHoldNanos", Math.round(c.ratio(Metric.HOLD_NANOS, Metric.TIMED_HOLDS)));
    evidence.put(
        "timedHoldFraction", round(Math.min(1, c.ratio(Metric.TIMED_HOLDS, Metric.ACQUISITIONS))));
    evidence.put("windowNanos", len);
    long start = (long) run[0] * r.windowNanos();
    long end = start + len;
    String summary =
        String.format(
            "%s was held %s of the time from %s to %s while %s threads contended for it (%s"
                + " waiting on average, %s contended or barged acquisitions a second): they ran"
                + " one at a time, so on %s the monitor allows at most a %sx speed-up.",
            m.name(),
            switch (basis) {
              case EXACT -> Text.percent(u);
              case STRATIFIED_SAMPLE -> "an estimated " + Text.percent(u) + " (from sampled holds)";
              case SCALED_MIXED_SAMPLE ->
                  "an estimated "
                      + Text.percent(u)
                      + " (scaled from sampled holds, an upper estimate)";
            },
            Text.seconds(start),
            Text.seconds(end),
            Math.max(threads.size(), WantingThreads.count(m, run[0], run[1])),
            Text.fixed(measuredWaiters, 1),
            Text.count(Math.round((c.get(Metric.CONTENDED) + c.get(Metric.BARGING)) / (len / 1e9))),
            cores == null ? "this machine's cores" : cores + " cores",
            Text.fixed(bound, 2));
    String advice =
        "Shorten the critical section or split the monitor (finer-grained or per-thread state);"
            + " CPU-bound work under one lock cannot use more cores: move it outside the lock or"
            + " into separate processes.";
    return Evaluation.found(
        List.of(
            new Finding(
                kind(), m.name(), severity, threads, victims, List.of(), start, end, evidence,
                summary, advice)));
  }

  static Severity severity(double utilization, double averageWaiters) {
    if (utilization >= UTILIZATION_CRITICAL && averageWaiters >= MIN_AVERAGE_WAITERS_CRITICAL) {
      return Severity.CRITICAL;
    }
    if (utilization >= UTILIZATION_WARNING && averageWaiters >= MIN_AVERAGE_WAITERS_WARNING) {
      return Severity.WARNING;
    }
    if (utilization >= UTILIZATION_INFO && averageWaiters >= MIN_AVERAGE_WAITERS_INFO) {
      return Severity.INFO;
    }
    return null;
  }

  static double contentionPerSecond(Counters c, long windowNanos) {
    return (c.get(Metric.CONTENDED) + c.get(Metric.BARGING)) / (windowNanos / 1e9);
  }

  /**
   * Average threads waiting to enter; a high rate of contended or barged acquisitions counts as a
   * waiter even when each wait is too short to add up.
   */
  static double waiters(Counters c, long windowNanos) {
    double measured = (double) c.get(Metric.WAIT_NANOS) / windowNanos;
    double contentionPerSecond =
        (c.get(Metric.CONTENDED) + c.get(Metric.BARGING)) / (windowNanos / 1e9);
    return contentionPerSecond >= CONTENTION_PER_SECOND
        ? Math.max(measured, MIN_AVERAGE_WAITERS_CRITICAL)
        : measured;
  }

  /** Held time / window; sampled holds are scaled to all acquisitions. */
  static double utilization(Counters c, long windowNanos) {
    return HoldTime.utilization(c, windowNanos);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
