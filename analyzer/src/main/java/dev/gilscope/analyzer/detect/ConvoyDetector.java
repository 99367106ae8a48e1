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
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * CONVOY: an I/O-bound thread that gave the GIL up must wait a whole interval behind a CPU-bound
 * holder to get it back; short jobs queue behind long ones (docs/patterns.md). Evaluated per thread
 * (the victim), in two shapes, and reported once per cause with all its victims:
 *
 * <ul>
 *   <li><b>the monitor is the GIL</b>: the victim's mean wait to enter is at least {@link
 *       #MIN_MEAN_WAIT_NANOS} and {@link #WAIT_TO_HOLD_WARNING} times its own mean hold, and the
 *       holder it waited behind most (blame from {@code previousOwner}, as Go's mutex profile
 *       charges the holder) holds {@link #HOLD_RATIO_WARNING} times longer than the victim (median
 *       holds; where the cause's holds were not timed, it used at least twice the victim's CPU);
 *   <li><b>a flag guarded by the monitor is the GIL</b> (CPython's new GIL): the victim's wait
 *       episodes (back-to-back {@code wait()} calls) last at least {@link #MIN_MEAN_WAIT_NANOS} on
 *       average, at least {@link #MIN_TIMED_OUT_EPISODE_SHARE} of them sat out a whole timed wait,
 *       they are {@link #EPISODE_RATIO_WARNING} times longer than the cause's, and the cause (the
 *       thread whose notify ended the victim's waits, else the thread that waited least) spent at
 *       most {@link #MAX_CAUSE_WAIT_FRACTION} of the time waiting. Where jdk.ThreadCPULoad exists,
 *       the victim must use less CPU than the cause.
 * </ul>
 */
public final class ConvoyDetector implements Detector {
  /**
   * "Waits a whole interval": a switch interval or a CPU-bound slice is milliseconds (CPython's 5
   * ms), a loopback round trip tens of microseconds; a mean wait of 1 ms is a response time that
   * the I/O itself does not explain (2 ms: most of a 5 ms interval on average; 0.2 ms: a trend).
   */
  public static final long MIN_MEAN_WAIT_NANOS = 1_000_000;

  public static final long MIN_MEAN_WAIT_INFO_NANOS = 200_000;
  public static final long CRITICAL_MEAN_WAIT_NANOS = 2_000_000;

  /**
   * "Waiting time far above its own hold": a short job whose wait is 10x its own critical section
   * spends over 90 % of its lock time queued (100x: over 99 %); 5x is a trend.
   */
  public static final double WAIT_TO_HOLD_INFO = 5;

  public static final double WAIT_TO_HOLD_WARNING = 10;
  public static final double WAIT_TO_HOLD_CRITICAL = 100;

  /**
   * "Short jobs behind a long one": the holder it waits behind holds an order of magnitude longer
   * than the victim, and accounts for at least half of its wait (else the victim queues behind
   * peers like itself: contention, not a convoy).
   */
  public static final double HOLD_RATIO_WARNING = 10;

  public static final double MIN_BLAME_SHARE = 0.5;

  /**
   * The flag-shaped GIL: "sits out a whole timeout" means most of the victim's wait episodes
   * contain a timed wait that expired (the drop request's interval), and its episodes are 5x (50x)
   * the cause's, measured like the entry shape's wait-to-hold (3x for INFO).
   */
  public static final double MIN_TIMED_OUT_EPISODE_SHARE = 0.5;

  public static final double EPISODE_RATIO_INFO = 3;
  public static final double EPISODE_RATIO_WARNING = 5;
  public static final double EPISODE_RATIO_CRITICAL = 50;

  /** The cause is CPU-bound: it holds the GIL and waits at most half of the time. */
  public static final double MAX_CAUSE_WAIT_FRACTION = 0.5;

  /**
   * "An I/O-bound thread behind a CPU-bound one", measured where the recording has {@code
   * jdk.ThreadCPULoad}: the victim used at most half the CPU the cause used. Two CPU-bound threads
   * sharing the GIL wait alike and use alike (a ratio near 1), so with this split the victim's
   * episodes need only be as long as the cause's ({@link #EPISODE_RATIO_WITH_CPU_SPLIT}). The
   * episode ratio alone depends on how fast the machine wakes the victim: the cause's forced-switch
   * waits are that wake-up, measured at 0.1 ms on a quiet machine and 1.2-1.8 ms at load 4-13,
   * which took new-gil's ratio from 46 to 3 while both CPU splits stayed under 0.2.
   */
  public static final double MAX_VICTIM_CPU_SHARE_OF_CAUSE = 0.5;

  public static final double EPISODE_RATIO_WITH_CPU_SPLIT = 1;

  /**
   * Minimum sample: a convoy is what happens to the victim's every request; fewer than this many
   * measured waits (or wait episodes) in the whole recording are anecdotes (a negative control with
   * 1 us holds showed one preempted holder as a 1.5 ms "convoy" from a handful of waits).
   */
  public static final long MIN_VICTIM_WAITS = 10;

  /**
   * Fewer waits are enough when they fill this share of the recording: then they are the victim's
   * life, not an anecdote (the share a starving victim must wait, {@link
   * StarvationDetector#MIN_WAIT_FRACTION}). The matrix's `ioconvoy-2t-synchronized` I/O thread,
   * behind two CPU-bound threads holding it 2 ms at a time, once got the monitor 9 times in 2 s: 6
   * waits of 220 ms on average, two thirds of its time, and no finding.
   */
  public static final double MIN_VICTIM_WAIT_SHARE = StarvationDetector.MIN_WAIT_FRACTION;

  @Override
  public FindingKind kind() {
    return FindingKind.CONVOY;
  }

  @Override
  public Evaluation evaluate(MonitorStats m, RecordingInfo r) {
    if (m.source() != EventSource.GILSCOPE || !m.hasExactCounts()) {
      return Evaluation.notApplicable("needs gilscope hold times (JDK events carry no holds)");
    }
    // once per monitor, not per victim: both look at every thread
    boolean flagShaped = FlagShape.isFlagShaped(m);
    LeastWaiting leastWaiting = flagShaped ? new LeastWaiting(m) : null;
    // by name: a holder seen only as previousOwner is a new object for each of its victims
    Map<String, List<Case>> byCause = new LinkedHashMap<>();
    // whether a thread has enough waits to be a victim, from the monitor's columns
    ThreadColumns columns = m.columns();
    int[] arrival = m.arrivalIndicesInThreadsOrder();
    List<ThreadStats> threads = m.threads();
    for (int rank = 0; rank < threads.size(); rank++) {
      ThreadStats victim = threads.get(rank);
      if (victim.isEndedThreads()) {
        continue;
      }
      int i = arrival[rank];
      Case c =
          flagShaped
              ? flagShaped(m, victim, columns, i, r, leastWaiting)
              : entryShaped(m, victim, columns, i, r);
      if (c != null) {
        byCause.computeIfAbsent(c.cause().name(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Case> cases : byCause.values()) {
      findings.add(groupFinding(cases));
    }
    return Evaluation.found(findings);
  }

  /**
   * One victim's verdict; its finding, text and all, is made only for the victim that speaks for
   * its cause's group (formatting one per victim was a fifth of the detectors' time on 100,000
   * virtual threads, for 1,146 findings that all named the same few holders).
   */
  private record Case(
      ThreadStats victim,
      ThreadStats cause,
      Severity severity,
      double meanWait,
      Supplier<Finding> finding) {}

  private static final Comparator<Case> WORST_FIRST =
      Comparator.comparing(Case::severity)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Case::meanWait).reversed());

  /**
   * One finding per cause: a convoy is the holder's doing, and a user with 10,000 request threads
   * behind one holder needs one finding that lists them, not 10,000. The worst victim (most severe,
   * then the longest mean wait) speaks for the group: its evidence, window and severity; every
   * victim is listed, worst first.
   */
  private static Finding groupFinding(List<Case> cases) {
    cases.sort(WORST_FIRST);
    Finding worst = cases.get(0).finding().get();
    if (cases.size() == 1) {
      return worst;
    }
    List<String> victims = new ArrayList<>(cases.size());
    for (Case c : cases) {
      victims.add(c.victim().name());
    }
    String cause = cases.get(0).cause().name();
    List<String> threads = new ArrayList<>(victims);
    threads.add(cause);
    String others = Text.count(cases.size() - 1);
    return new Finding(
        worst.kind(),
        worst.monitor(),
        worst.severity(),
        threads,
        victims,
        worst.causes(),
        worst.windowStartNanos(),
        worst.windowEndNanos(),
        worst.evidence(),
        worst.summary()
            + " "
            + cause
            + " kept "
            + others
            + (cases.size() == 2 ? " other thread" : " other threads")
            + " waiting likewise (victims).",
        worst.advice());
  }

  /** Victim {@code v}, number {@code i} of the monitor's columns {@code c}, at entry. */
  private Case entryShaped(MonitorStats m, ThreadStats v, ThreadColumns c, int i, RecordingInfo r) {
    long waits = c.total(i, TIMED_WAITS);
    long waitNanos = c.total(i, WAIT_NANOS);
    if (!enoughWaits(waits, waitNanos, r) || c.total(i, TIMED_HOLDS) == 0) {
      return null;
    }
    double meanWait = (double) waitNanos / waits;
    double hold = Math.max(1, typicalHold(v));
    double waitToHold = meanWait / hold;
    ThreadStats cause = topBlamed(m, v);
    if (cause == null) {
      return null;
    }
    double causeHold = typicalHold(cause);
    double victimCpu = r.cpuLoad(v.name());
    double causeCpu = r.cpuLoad(cause.name());
    // the cause's holds untimed (a CPU-bound holder re-taking it uncontended is timed 1 in N):
    // the CPU split stands for the hold ratio, as in the flag shape
    boolean untimedCpuBound =
        Double.isNaN(causeHold)
            && victimCpu >= 0
            && causeCpu > 0
            && victimCpu <= MAX_VICTIM_CPU_SHARE_OF_CAUSE * causeCpu;
    double holdRatio = untimedCpuBound ? HOLD_RATIO_WARNING : causeHold / hold;
    double blameShare = blameShare(v, cause.name());
    Severity severity =
        Double.isNaN(holdRatio) ? null : entrySeverity(meanWait, waitToHold, holdRatio, blameShare);
    if (severity == null) {
      return null;
    }
    return new Case(
        v,
        cause,
        severity,
        meanWait,
        () -> {
          int[] run = victimRun(v, r, false);
          Map<String, Number> evidence = new LinkedHashMap<>();
          evidence.put("victimMeanWaitNanos", Math.round(meanWait));
          evidence.put("victimP99WaitNanos", v.waits().percentileNanos(99));
          evidence.put("victimMedianHoldNanos", Math.round(hold));
          evidence.put("waitToHoldRatio", SerializationDetector.round(waitToHold));
          evidence.put("causeMedianHoldNanos", untimedCpuBound ? null : Math.round(causeHold));
          evidence.put(
              "holdRatio", untimedCpuBound ? null : SerializationDetector.round(holdRatio));
          evidence.put("blameShare", SerializationDetector.round(blameShare));
          putCpu(evidence, r, v.name(), cause.name());
          String causeLength =
              untimedCpuBound
                  ? Text.fill(
                      "whose holds were not timed but who used %s of the CPU against its %s",
                      Text.percent(causeCpu), Text.percent(victimCpu))
                  : "whose holds last " + Text.nanos(causeHold);
          String summary =
              Text.fill(
                  "%s waited %s on average (p99 %s) to enter %s, %sx its own %s hold, mostly behind %s"
                      + " (%s of its wait), %s: short jobs queue behind a long one.",
                  v.name(),
                  Text.nanos(meanWait),
                  Text.nanos(v.waits().percentileNanos(99)),
                  m.name(),
                  Text.fixed(waitToHold, 0),
                  Text.nanos(hold),
                  cause.name(),
                  Text.percent(blameShare),
                  causeLength);
          return finding(m, r, v, cause, severity, run, evidence, summary);
        });
  }

  /**
   * A thread's typical hold: the median of its timed holds (one preempted hold of 13 ms among
   * sixteen of 26 us made an I/O thread's mean 0.9 ms, and its convoy vanish), else their mean
   * where only counters exist; NaN when none was timed.
   */
  static double typicalHold(ThreadStats t) {
    if (t.holds().count() > 0) {
      return t.holds().percentileNanos(50);
    }
    long timed = t.total(Metric.TIMED_HOLDS);
    return timed == 0 ? Double.NaN : (double) t.total(Metric.HOLD_NANOS) / timed;
  }

  /** The monitor-is-the-GIL shape's severity cascade; null below INFO. */
  static Severity entrySeverity(
      double meanWait, double waitToHold, double holdRatio, double blameShare) {
    if (blameShare < MIN_BLAME_SHARE) {
      return null;
    }
    if (meanWait >= MIN_MEAN_WAIT_NANOS
        && waitToHold >= WAIT_TO_HOLD_WARNING
        && holdRatio >= HOLD_RATIO_WARNING) {
      return waitToHold >= WAIT_TO_HOLD_CRITICAL && meanWait >= CRITICAL_MEAN_WAIT_NANOS
          ? Severity.CRITICAL
          : Severity.WARNING;
    }
    if (meanWait >= MIN_MEAN_WAIT_INFO_NANOS
        && waitToHold >= WAIT_TO_HOLD_INFO
        && holdRatio >= WAIT_TO_HOLD_INFO) {
      return Severity.INFO;
    }
    return null;
  }

  /** Victim {@code v}, number {@code i} of the monitor's columns {@code c}, on a flag. */
  private Case flagShaped(
      MonitorStats m,
      ThreadStats v,
      ThreadColumns c,
      int i,
      RecordingInfo r,
      LeastWaiting leastWaiting) {
    long episodes = c.total(i, EPISODES);
    if (!enoughWaits(episodes, c.total(i, EPISODE_NANOS), r)) {
      return null;
    }
    Counters vc = v.totals();
    double meanEpisode = vc.ratio(Metric.EPISODE_NANOS, Metric.EPISODES);
    double timedOutShare = vc.ratio(Metric.EPISODES_TIMED_OUT, Metric.EPISODES);
    ThreadStats blamed = topBlamed(m, v);
    ThreadStats cause = blamed != null ? blamed : leastWaiting.other(v);
    if (cause == null) {
      return null;
    }
    Counters cc = cause.totals();
    double causeEpisode = Math.max(1, cc.ratio(Metric.EPISODE_NANOS, Metric.EPISODES));
    double episodeRatio = meanEpisode / causeEpisode;
    double causeWaitFraction = (double) waitInWait(cause) / r.durationNanos();
    double victimCpu = r.cpuLoad(v.name());
    double causeCpu = r.cpuLoad(cause.name());
    boolean cpuKnown = victimCpu >= 0 && causeCpu >= 0;
    boolean ioBound = !cpuKnown || victimCpu < causeCpu;
    double cpuShareOfCause = cpuKnown && ioBound ? victimCpu / causeCpu : Double.NaN;
    Severity severity =
        causeWaitFraction <= MAX_CAUSE_WAIT_FRACTION && ioBound
            ? flagSeverity(meanEpisode, timedOutShare, episodeRatio, cpuShareOfCause)
            : null;
    if (severity == null) {
      return null;
    }
    return new Case(
        v,
        cause,
        severity,
        meanEpisode,
        () -> {
          int[] run = victimRun(v, r, true);
          double blameShare = blameShare(v, cause.name());
          Map<String, Number> evidence = new LinkedHashMap<>();
          evidence.put("victimMeanWaitEpisodeNanos", Math.round(meanEpisode));
          evidence.put("victimP99WaitEpisodeNanos", v.episodes().percentileNanos(99));
          evidence.put("victimWaitEpisodes", episodes);
          evidence.put("victimTimedOutEpisodeShare", SerializationDetector.round(timedOutShare));
          evidence.put("causeMeanWaitEpisodeNanos", Math.round(causeEpisode));
          evidence.put("episodeRatio", SerializationDetector.round(episodeRatio));
          evidence.put("causeWaitFraction", SerializationDetector.round(causeWaitFraction));
          evidence.put("blameShare", SerializationDetector.round(blameShare));
          putCpu(evidence, r, v.name(), cause.name());
          String summary =
              Text.fill(
                  "%s waited %s on average (p99 %s) in wait() on %s for the flag it guards, %s of those"
                      + " waits sitting out a whole timeout, while %s held it and rarely waited (%s of"
                      + " the time): the I/O thread queues behind the CPU-bound holder's interval.",
                  v.name(),
                  Text.nanos(meanEpisode),
                  Text.nanos(v.episodes().percentileNanos(99)),
                  m.name(),
                  Text.percent(timedOutShare),
                  cause.name(),
                  Text.percent(causeWaitFraction));
          return finding(m, r, v, cause, severity, run, evidence, summary);
        });
  }

  /**
   * The flag-is-the-GIL shape's severity cascade, given a cause that waits little; {@code
   * cpuShareOfCause} is the victim's CPU over the cause's, NaN where not recorded. Null below INFO.
   */
  static Severity flagSeverity(
      double meanEpisode, double timedOutShare, double episodeRatio, double cpuShareOfCause) {
    boolean ioBehindCpu =
        Double.isNaN(cpuShareOfCause)
            ? episodeRatio >= EPISODE_RATIO_WARNING
            : cpuShareOfCause <= MAX_VICTIM_CPU_SHARE_OF_CAUSE
                && episodeRatio >= EPISODE_RATIO_WITH_CPU_SPLIT;
    if (meanEpisode >= MIN_MEAN_WAIT_NANOS
        && timedOutShare >= MIN_TIMED_OUT_EPISODE_SHARE
        && ioBehindCpu) {
      return episodeRatio >= EPISODE_RATIO_CRITICAL && meanEpisode >= CRITICAL_MEAN_WAIT_NANOS
          ? Severity.CRITICAL
          : Severity.WARNING;
    }
    if (meanEpisode >= MIN_MEAN_WAIT_INFO_NANOS && episodeRatio >= EPISODE_RATIO_INFO) {
      return Severity.INFO;
    }
    return null;
  }

  private Finding finding(
      MonitorStats m,
      RecordingInfo r,
      ThreadStats victim,
      ThreadStats cause,
      Severity severity,
      int[] run,
      Map<String, Number> evidence,
      String summary) {
    long start = 0;
    long end = r.durationNanos();
    if (run != null) {
      start = (long) run[0] * r.windowNanos();
      end = Math.min(r.durationNanos(), (long) (run[1] + 1) * r.windowNanos());
    }
    String advice =
        "Keep I/O and short requests off the global lock: do the I/O and the thread's own work"
            + " outside it and take it only to publish; or shorten the CPU-bound holder's slice"
            + " (give waiting I/O threads priority).";
    return new Finding(
        kind(),
        m.name(),
        severity,
        List.of(victim.name(), cause.name()),
        List.of(victim.name()),
        List.of(cause.name()),
        start,
        end,
        evidence,
        summary,
        advice);
  }

  /** The windows where the victim waited long: the longest run of them. */
  private static int[] victimRun(ThreadStats v, RecordingInfo r, boolean episodes) {
    NavigableMap<Integer, Double> scores = new TreeMap<>();
    WindowedCounters windows = v.windows();
    for (int p = 0; p < windows.size(); p++) {
      Counters c = windows.counters(p);
      double mean =
          episodes
              ? c.ratio(Metric.EPISODE_NANOS, Metric.EPISODES)
              : c.ratio(Metric.WAIT_NANOS, Metric.TIMED_WAITS);
      if (mean >= MIN_MEAN_WAIT_INFO_NANOS) {
        scores.put(windows.index(p), mean);
      }
    }
    return WindowRuns.bestRun(scores);
  }

  private static ThreadStats topBlamed(MonitorStats m, ThreadStats v) {
    String top = null;
    long topNanos = 0;
    for (Map.Entry<String, Long> e : v.blameNanosByHolder().entrySet()) {
      if (e.getValue() > topNanos) {
        top = e.getKey();
        topNanos = e.getValue();
      }
    }
    if (top == null) {
      return null;
    }
    ThreadStats holder = m.threadOrNull(top);
    // a holder seen only as previousOwner (its own counts went to the ended threads): named, with
    // no counts, and not added to the monitor, which the detectors only read
    return holder != null ? holder : new ThreadStats(top);
  }

  /**
   * The thread that acquired the monitor and waited least in {@code wait()}, other than a given
   * victim: the first such thread in {@link MonitorStats#threads()} order. The best two are found
   * in one pass so that asking for each victim costs nothing.
   */
  private static final class LeastWaiting {
    private ThreadStats best;
    private ThreadStats second;

    LeastWaiting(MonitorStats m) {
      for (ThreadStats t : m.threads()) {
        if (t.total(Metric.ACQUISITIONS) == 0) {
          continue;
        }
        if (best == null || waitInWait(t) < waitInWait(best)) {
          second = best;
          best = t;
        } else if (second == null || waitInWait(t) < waitInWait(second)) {
          second = t;
        }
      }
    }

    ThreadStats other(ThreadStats victim) {
      return best == victim ? second : best;
    }
  }

  private static final int TIMED_WAITS = ThreadColumns.column(Metric.TIMED_WAITS);
  private static final int WAIT_NANOS = ThreadColumns.column(Metric.WAIT_NANOS);
  private static final int TIMED_HOLDS = ThreadColumns.column(Metric.TIMED_HOLDS);
  private static final int EPISODES = ThreadColumns.column(Metric.EPISODES);
  private static final int EPISODE_NANOS = ThreadColumns.column(Metric.EPISODE_NANOS);

  /** The minimum sample: {@link #MIN_VICTIM_WAITS} waits, or two filling a tenth of the time. */
  static boolean enoughWaits(long waits, long waitNanos, RecordingInfo r) {
    return waits >= MIN_VICTIM_WAITS
        || (waits >= 2 && waitNanos >= MIN_VICTIM_WAIT_SHARE * r.durationNanos());
  }

  private static long waitInWait(ThreadStats t) {
    return t.total(Metric.WAIT_IN_WAIT_NANOS);
  }

  private static double blameShare(ThreadStats v, String holder) {
    long total = 0;
    for (long nanos : v.blameNanosByHolder().values()) {
      total += nanos;
    }
    Long mine = v.blameNanosByHolder().get(holder);
    return total == 0 || mine == null ? 0 : (double) mine / total;
  }

  private static void putCpu(
      Map<String, Number> evidence, RecordingInfo r, String victim, String cause) {
    double v = r.cpuLoad(victim);
    double c = r.cpuLoad(cause);
    evidence.put("victimCpuLoad", v < 0 ? null : SerializationDetector.round(v));
    evidence.put("causeCpuLoad", c < 0 ? null : SerializationDetector.round(c));
  }
}
