package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.SerialFraction;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * SERIALIZATION: the GIL lets one thread run at a time (docs/patterns.md, "The countdown
 * experiment": two threads slower than one). Amdahl's law on the monitor's threads ({@link
 * SerialFraction}): the serial fraction {@code s} is the time they spend holding the monitor or
 * getting it (hold, wait, handoff) over that plus the time they spend outside it (the agent's timed
 * release-to-next-request gaps), and {@code n} = min(threads that want it, cores) threads run at
 * most {@code B = 1 / (s + (1 - s) / n)} times as fast as one. The pattern's definition, "threads
 * add no speed", is measured by the gain {@code G = (B - 1) / (n - 1)}: the share of the extra
 * threads' potential that becomes speed-up (1 with no lock, 0 under a perfect GIL). CRITICAL at
 * {@code G <= }{@link #GAIN_CRITICAL} (on 2 cores: a bound of at most 1.1x), WARNING at {@link
 * #GAIN_WARNING}, INFO at {@link #GAIN_INFO}; two or more threads must each take at least a tenth
 * of the acquisitions ({@link WantingThreads}) and want it at the same time ({@link
 * #MIN_CONTENTIONS} contended or barged acquisitions). Recordings with fewer than {@link
 * #MIN_TIMED_GAPS} timed gaps (agents before the gap fields, monitors used rarely) fall back to the
 * monitor's utilization (hold time / window) and its average waiters, which cannot see a GIL whose
 * cost is the handoff itself.
 */
public final class SerializationDetector implements Detector {
  /** The extra threads add at most a tenth of their potential: they run one at a time. */
  public static final double GAIN_CRITICAL = 0.10;

  /** The extra threads add at most a third of their potential. */
  public static final double GAIN_WARNING = 1.0 / 3;

  /** The extra threads add at most half of their potential. */
  public static final double GAIN_INFO = 0.50;

  /**
   * Threads want the monitor at the same time: at least this many acquisitions found it held or
   * barged past a waiter in the judged windows (a minimum sample, as for STARVATION's waits).
   */
  public static final long MIN_CONTENTIONS = 20;

  /**
   * The minimum sample of timed gaps (and holds) for Amdahl's law: fewer in the whole recording and
   * the detector falls back to utilization; fewer in a window and the window takes the whole
   * recording's serial fraction (a property of the code the threads run; the window's numbers only
   * say when). Gaps are heavy-tailed (one preempted gap of milliseconds among microsecond ones): a
   * handful would make the verdict flip from run to run.
   */
  public static final long MIN_TIMED_GAPS = 100;

  // --- the fallback for recordings without timed gaps ---
  public static final double UTILIZATION_INFO = 0.50;
  public static final double UTILIZATION_WARNING = 0.75;
  public static final double UTILIZATION_CRITICAL = 0.90;
  public static final double MIN_AVERAGE_WAITERS_INFO = 0.25;
  public static final double MIN_AVERAGE_WAITERS_WARNING = 0.50;
  public static final double MIN_AVERAGE_WAITERS_CRITICAL = 0.90;
  public static final int MIN_THREADS = 2;

  /**
   * Fallback only: contention that shows threads queueing even when each wait is short (an old-GIL
   * style re-take every few hundred nanoseconds keeps measured waits tiny): contended acquisitions
   * plus barges per second, while two or more threads each take at least a tenth of the
   * acquisitions ({@link WantingThreads}). Counts as {@link #MIN_AVERAGE_WAITERS_CRITICAL} waiters.
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
    Counters t = m.totals();
    Evaluation occupancy = fromUtilization(m, r);
    if (t.get(Metric.TIMED_GAPS) < MIN_TIMED_GAPS || t.get(Metric.TIMED_HOLDS) < MIN_TIMED_GAPS) {
      return occupancy;
    }
    // A lock held nearly all the time while threads queue for it serializes them whatever the
    // timed gaps say: each timed gap also carries the probe's own clock reads and preemptions,
    // which inflate the time "outside" of a GIL released and re-taken every few microseconds.
    // (On one core there is no parallelism to lose, and Amdahl's law says so.)
    Evaluation amdahl = amdahl(m, r);
    boolean parallel = r.cpuCores() == null || r.cpuCores() > 1;
    return parallel && worst(occupancy) > worst(amdahl) ? occupancy : amdahl;
  }

  /** The most severe finding's severity; below INFO when there is none. */
  private static int worst(Evaluation e) {
    int worst = -1;
    for (Finding f : e.findings()) {
      worst = Math.max(worst, f.severity().ordinal());
    }
    return worst;
  }

  /** Amdahl's law on the timed holds, waits and gaps. */
  private Evaluation amdahl(MonitorStats m, RecordingInfo r) {
    NavigableMap<Integer, Counters> windows = m.windows().all();
    Counters typical =
        windows.isEmpty()
            ? m.totals()
            : windows.get(medianWindow(m, windows.firstKey(), windows.lastKey()));
    double wholeRecording =
        SerialFraction.of(typical.get(Metric.TIMED_GAPS) >= MIN_TIMED_GAPS ? typical : m.totals());
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    Map<Integer, Integer> wantingPerWindow = WantingThreads.perWindow(m);
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      Counters c = e.getValue();
      int n = parallelThreads(wantingPerWindow.getOrDefault(w, 0), r.cpuCores());
      if (n < MIN_THREADS || contentions(c) == 0) {
        continue;
      }
      double gain = gain(serialFraction(c, wholeRecording), n);
      if (severity(gain) != null) {
        scores.put(w, 1 - gain);
      }
    }
    int[] run = WindowRuns.bestRun(scores);
    if (run == null) {
      return Evaluation.nothing();
    }
    Counters c = m.windows().sum(run[0], run[1]);
    if (contentions(c) < MIN_CONTENTIONS) {
      return Evaluation.nothing();
    }
    long len = 0;
    for (int w = run[0]; w <= run[1]; w++) {
      len += r.windowLengthNanos(w);
    }
    int wanting = WantingThreads.count(m, run[0], run[1]);
    Integer cores = r.cpuCores();
    int n = parallelThreads(wanting, cores);
    // the run's split of the threads' time is its median window's: a gap that took in a preemption
    // by another process (milliseconds among gaps of nanoseconds) is not work outside the monitor,
    // and such outliers fall in few windows
    Counters typicalOfRun = m.windows().get(medianWindow(m, run[0], run[1]));
    if (typicalOfRun.get(Metric.TIMED_GAPS) < MIN_TIMED_GAPS) {
      typicalOfRun = typical;
    }
    double s = serialFraction(typicalOfRun, wholeRecording);
    double bound = SerialFraction.bound(s, n);
    double gain = gain(s, n);
    Severity severity = severity(gain);
    if (severity == null) {
      severity = Severity.INFO; // each window qualified; the sum is at least INFO
    }
    double hold = HoldTime.totalNanos(typicalOfRun);
    double wait = typicalOfRun.get(Metric.WAIT_NANOS) + SerialFraction.entryNanos(typicalOfRun);
    double gap = SerialFraction.gapNanos(typicalOfRun);
    double threadTime = Math.max(1, hold + wait + gap);
    List<String> threads = new ArrayList<>();
    List<String> victims = new ArrayList<>();
    usersAndVictims(m, run, threads, victims);
    double shorter2 = SerialFraction.boundIfShorter(s, n, 2);
    double shorter10 = SerialFraction.boundIfShorter(s, n, 10);
    int ways = Math.max(2, n);
    double split = SerialFraction.boundIfSplit(s, n, ways);
    Map<String, Number> evidence = new LinkedHashMap<>();
    evidence.put("serialFraction", round(s));
    evidence.put("holdingFraction", round(hold / threadTime));
    evidence.put("waitingFraction", round(wait / threadTime));
    evidence.put("outsideFraction", round(gap / threadTime));
    evidence.put("amdahlThreads", n);
    evidence.put("threads", threads.size());
    evidence.put("cpuCores", cores);
    evidence.put("speedUpBound", round(bound));
    evidence.put("parallelGain", round(gain));
    evidence.put("speedUpIfHalfTheTimeInside", round(shorter2));
    evidence.put("speedUpIfATenthOfTheTimeInside", round(shorter10));
    evidence.put("speedUpIfSplit" + ways + "Ways", round(split));
    evidence.put("utilization", round(HoldTime.utilization(c, len)));
    evidence.put("contentionPerSecond", Math.round(contentions(c) / (len / 1e9)));
    evidence.put("acquisitionsPerSecond", Math.round(c.get(Metric.ACQUISITIONS) / (len / 1e9)));
    evidence.put("meanHoldNanos", Math.round(c.ratio(Metric.HOLD_NANOS, Metric.TIMED_HOLDS)));
    evidence.put("meanGapNanos", Math.round(c.ratio(Metric.GAP_NANOS, Metric.TIMED_GAPS)));
    evidence.put("timedGaps", c.get(Metric.TIMED_GAPS));
    evidence.put("windowNanos", len);
    long start = (long) run[0] * r.windowNanos();
    long end = start + len;
    String summary =
        String.format(
            "From %s to %s the %d threads of %s spent %s of their time holding it or getting it"
                + " (%s holding, %s waiting or acquiring) and %s outside it: by Amdahl's law %d threads%s"
                + " run at most %sx as fast as one. If a tenth of that time were spent inside"
                + " (the rest moved outside) they could run %sx as fast; half: %sx; split %d ways:"
                + " %sx.",
            Text.seconds(start),
            Text.seconds(end),
            Math.max(threads.size(), wanting),
            m.name(),
            Text.percent(s),
            Text.percent(hold / threadTime),
            Text.percent(wait / threadTime),
            Text.percent(gap / threadTime),
            n,
            cores == null ? "" : " on " + cores + " cores",
            Text.fixed(bound, 2),
            Text.fixed(shorter10, 2),
            Text.fixed(shorter2, 2),
            ways,
            Text.fixed(split, 2));
    return Evaluation.found(
        List.of(
            new Finding(
                kind(), m.name(), severity, threads, victims, List.of(), start, end, evidence,
                summary, ADVICE)));
  }

  private static final String ADVICE =
      "Shorten the critical section or split the monitor (finer-grained or per-thread state);"
          + " CPU-bound work under one lock cannot use more cores: move it outside the lock or"
          + " into separate processes.";

  /** Threads that can run in parallel: those that want the monitor, at most one per core. */
  static int parallelThreads(int wanting, Integer cores) {
    return cores == null ? wanting : Math.min(wanting, cores);
  }

  /** {@code (B - 1) / (n - 1)}: the share of the extra threads' potential that is speed-up. */
  static double gain(double serialFraction, int n) {
    return n < 2 ? 0 : (SerialFraction.bound(serialFraction, n) - 1) / (n - 1);
  }

  static Severity severity(double gain) {
    if (gain <= GAIN_CRITICAL) {
      return Severity.CRITICAL;
    }
    if (gain <= GAIN_WARNING) {
      return Severity.WARNING;
    }
    if (gain <= GAIN_INFO) {
      return Severity.INFO;
    }
    return null;
  }

  /**
   * The window from {@code from} to {@code to} whose serial fraction is the (lower) median of those
   * with enough timed gaps; {@code from} when none has.
   */
  private static int medianWindow(MonitorStats m, int from, int to) {
    List<double[]> measured = new ArrayList<>();
    for (int w = from; w <= to; w++) {
      Counters c = m.windows().get(w);
      if (c.get(Metric.TIMED_GAPS) >= MIN_TIMED_GAPS) {
        measured.add(new double[] {SerialFraction.of(c), w});
      }
    }
    if (measured.isEmpty()) {
      return from;
    }
    measured.sort((a, b) -> Double.compare(a[0], b[0]));
    return (int) measured.get((measured.size() - 1) / 2)[1];
  }

  private static double serialFraction(Counters c, double wholeRecording) {
    return c.get(Metric.TIMED_GAPS) >= MIN_TIMED_GAPS ? SerialFraction.of(c) : wholeRecording;
  }

  private static long contentions(Counters c) {
    return c.get(Metric.CONTENDED) + c.get(Metric.BARGING);
  }

  private static void usersAndVictims(
      MonitorStats m, int[] run, List<String> threads, List<String> victims) {
    for (ThreadStats t : m.threads()) {
      Counters tc = t.windows().sum(run[0], run[1]);
      if (tc.get(Metric.ACQUISITIONS) > 0 || tc.get(Metric.REQUESTS) > 0) {
        threads.add(t.name());
        if (tc.get(Metric.WAIT_NANOS) > 0 && !t.isEndedThreads()) {
          victims.add(t.name());
        }
      }
    }
  }

  /** Recordings of agents without timed gaps: utilization and waiters. */
  private Evaluation fromUtilization(MonitorStats m, RecordingInfo r) {
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    Map<Integer, Integer> wantingPerWindow = WantingThreads.perWindow(m);
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      long len = r.windowLengthNanos(w);
      double u = utilization(e.getValue(), len);
      boolean twoWant = wantingPerWindow.getOrDefault(w, 0) >= MIN_THREADS;
      double waiters = twoWant ? waiters(e.getValue(), len) : 0;
      if (utilizationSeverity(u, waiters) != null && twoWant) {
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
    Severity severity = utilizationSeverity(u, waiters);
    if (severity == null) {
      severity = Severity.INFO; // each window qualified; the sum is at least INFO
    }
    List<String> threads = new ArrayList<>();
    List<String> victims = new ArrayList<>();
    usersAndVictims(m, run, threads, victims);
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
    return Evaluation.found(
        List.of(
            new Finding(
                kind(), m.name(), severity, threads, victims, List.of(), start, end, evidence,
                summary, ADVICE)));
  }

  static Severity utilizationSeverity(double utilization, double averageWaiters) {
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
