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
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

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

  /**
   * Fallback only: the same for a monitor held too long for that rate (1 ms holds allow 1,000
   * acquisitions a second in all): at least half of the acquisitions were contended or barged past
   * a waiter, i.e. threads queued at every other turn; with at least {@link #MIN_CONTENTIONS} of
   * them. Two threads doing all their work under an unfair lock held 1 ms had 479 a second, 0.52
   * per acquisition, and measured only 0.49 waiters: a starved waiter's wait is counted when it
   * ends, and one still pending when the recording stops is not counted at all.
   */
  public static final double CONTENTION_PER_ACQUISITION = 0.5;

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
    if (t.get(Metric.TIMED_GAPS) < MIN_TIMED_GAPS || t.get(Metric.TIMED_HOLDS) < MIN_TIMED_GAPS) {
      return fromUtilization(m, r);
    }
    // Where the gaps are timed, Amdahl's law alone. Occupancy used to override it when more
    // severe, since a gap timed from before the monitorexit took in the exit's own cost
    // (countdown's
    // 1.0 us instead of 0.1-0.2 us); with the gap started after the exit, the override only raised
    // false alarms: a 1 us hold with 10 us outside, its sampled holds inflated to 5 us by their own
    // events, was "held 83 %" and a WARNING in one matrix run.
    return amdahl(m, r);
  }

  /** Amdahl's law on the timed holds, waits and gaps: the scan, then the run's estimate. */
  private Evaluation amdahl(MonitorStats m, RecordingInfo r) {
    Counters typical = AmdahlRun.typicalWindow(m, MIN_TIMED_GAPS);
    IdleCores idle = IdleCores.of(m, r);
    int wanting = wantingOverall(m);
    double wholeRecording =
        serialFraction(typical, serialFraction(m.totals(), idle, wanting), idle, wanting);
    int[] run = WindowRuns.bestRun(amdahlScores(m, r, idle, wholeRecording));
    if (run == null || contentions(m.windows().sum(run[0], run[1])) < MIN_CONTENTIONS) {
      return Evaluation.nothing();
    }
    AmdahlRun a = AmdahlRun.of(m, r, run, typical, idle, MIN_TIMED_GAPS);
    // each window qualified: the run is at least INFO
    Severity severity = Objects.requireNonNullElse(severity(a.gain()), Severity.INFO);
    return finding(m, run, severity, a.start(), a.end(), a::evidence, n -> a.summary(m.name(), n));
  }

  /** Threads that want the monitor over the whole recording. */
  private static int wantingOverall(MonitorStats m) {
    NavigableMap<Integer, Counters> windows = m.windows().all();
    return windows.isEmpty() ? 0 : WantingThreads.count(m, windows.firstKey(), windows.lastKey());
  }

  /** Each window's score, 1 - gain, where its gain alone would raise a finding. */
  private static NavigableMap<Integer, Double> amdahlScores(
      MonitorStats m, RecordingInfo r, IdleCores idle, double wholeRecording) {
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    Map<Integer, Integer> wantingPerWindow = WantingThreads.perWindow(m);
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      Counters c = e.getValue();
      int wanting = wantingPerWindow.getOrDefault(w, 0);
      int n = parallelThreads(wanting, r.cpuCores());
      if (n < MIN_THREADS || contentions(c) == 0) {
        continue;
      }
      double gain = gain(serialFraction(c, wholeRecording, idle, wanting), n);
      if (severity(gain) != null) {
        scores.put(w, 1 - gain);
      }
    }
    return scores;
  }

  /** Recordings of agents without timed gaps: utilization and waiters. */
  private Evaluation fromUtilization(MonitorStats m, RecordingInfo r) {
    int[] run = WindowRuns.bestRun(occupancyScores(m, r));
    if (run == null) {
      return Evaluation.nothing();
    }
    OccupancyRun o = OccupancyRun.of(m, r, run, MIN_THREADS);
    Severity amdahl =
        contentions(m.windows().sum(run[0], run[1])) >= MIN_CONTENTIONS ? o.amdahlSeverity() : null;
    Severity severity =
        Objects.requireNonNullElse(
            Severity.worse(utilizationSeverity(o.utilization(), o.waiters()), amdahl),
            Severity.INFO);
    return finding(m, run, severity, o.start(), o.end(), o::evidence, n -> o.summary(m.name(), n));
  }

  /**
   * Each window's score where two threads want it and it qualifies: utilization x waiters, or 1 -
   * gain on the window's serial floor (whichever is higher).
   */
  private static NavigableMap<Integer, Double> occupancyScores(MonitorStats m, RecordingInfo r) {
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    Map<Integer, Integer> wantingPerWindow = WantingThreads.perWindow(m);
    Map<Integer, Integer> usersPerWindow = WantingThreads.usersPerWindow(m);
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      long len = r.windowLengthNanos(w);
      Counters c = e.getValue();
      int wanting = wantingPerWindow.getOrDefault(w, 0);
      if (wanting < MIN_THREADS) {
        continue;
      }
      double u = utilization(c, len);
      double waiters = waiters(c, len);
      double score = utilizationSeverity(u, waiters) != null ? u * waiters : 0;
      int n = parallelThreads(wanting, r.cpuCores());
      double gain = gain(OccupancyRun.serialFloor(c, len, usersPerWindow.getOrDefault(w, 0)), n);
      if (n >= MIN_THREADS && contentions(c) > 0 && severity(gain) != null) {
        score = Math.max(score, 1 - gain);
      }
      if (score > 0) {
        scores.put(w, score);
      }
    }
    return scores;
  }

  /**
   * The finding of a run: its users and victims, then the evidence (given the number of users) and
   * the summary (given the number of threads it names: users, or those that want it if more).
   */
  private Evaluation finding(
      MonitorStats m,
      int[] run,
      Severity severity,
      long start,
      long end,
      IntFunction<Map<String, Number>> evidence,
      IntFunction<String> summary) {
    List<String> threads = new ArrayList<>();
    List<String> victims = new ArrayList<>();
    usersAndVictims(m, run, threads, victims);
    return Evaluation.found(
        List.of(
            new Finding(
                kind(),
                m.name(),
                severity,
                threads,
                victims,
                List.of(),
                start,
                end,
                evidence.apply(threads.size()),
                summary.apply(Math.max(threads.size(), WantingThreads.count(m, run[0], run[1]))),
                SerializationWording.ADVICE)));
  }

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

  /** The window's serial fraction where it has enough timed gaps, else the whole recording's. */
  static double serialFraction(Counters c, double wholeRecording, IdleCores idle, int wanting) {
    return c.get(Metric.TIMED_GAPS) >= MIN_TIMED_GAPS
        ? serialFraction(c, idle, wanting)
        : wholeRecording;
  }

  /** {@code s} without the waiting that idled no core ({@link IdleCores}). */
  static double serialFraction(Counters c, IdleCores idle, int wanting) {
    return SerialFraction.of(c, idle.costlessWaitingShare(SerialFraction.gettingShare(c), wanting));
  }

  static long contentions(Counters c) {
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
   * Average threads waiting to enter; a high rate or share of contended or barged acquisitions
   * counts as a waiter even when the measured waits do not add up to one.
   */
  static double waiters(Counters c, long windowNanos) {
    double measured = (double) waitingNanos(c) / windowNanos;
    long contentions = contentions(c);
    boolean queueing =
        contentionPerSecond(c, windowNanos) >= CONTENTION_PER_SECOND
            || (contentions >= MIN_CONTENTIONS
                && contentions >= CONTENTION_PER_ACQUISITION * c.get(Metric.ACQUISITIONS));
    return queueing ? Math.max(measured, MIN_AVERAGE_WAITERS_CRITICAL) : measured;
  }

  /**
   * The time threads waited to enter in a window or run: where the acquire events have it, each
   * wait split over the windows it spans ({@link Metric#WAITING_NANOS}), else the statistics' waits
   * counted where they ended.
   */
  static long waitingNanos(Counters c) {
    return Math.max(c.get(Metric.WAIT_NANOS), c.get(Metric.WAITING_NANOS));
  }

  /** Held time / window; sampled holds are scaled to all acquisitions. */
  static double utilization(Counters c, long windowNanos) {
    return HoldTime.utilization(c, windowNanos);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
