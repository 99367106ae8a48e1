package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.detect.SerializationDetector.contentions;
import static dev.gilscope.analyzer.detect.SerializationDetector.parallelThreads;
import static dev.gilscope.analyzer.detect.SerializationDetector.round;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.SerialFraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * SERIALIZATION's Amdahl estimate for one run of windows: the serial fraction {@code s}, the
 * threads that run in parallel {@code n}, the bound and its what-ifs, and the split of the threads'
 * time they come from. The split is the run's median window's: a gap that took in a preemption by
 * another process (milliseconds among gaps of nanoseconds) is not work outside the monitor, and
 * such outliers fall in few windows.
 */
final class AmdahlRun {
  private final Counters run;
  private final Integer cores;
  private final long start;
  private final long length;
  private final int n;
  private final double s;
  private final double hold;
  private final double getting;
  private final double gap;
  // the share of the threads' time they waited while another thread ran on the core
  private final double costlessWaiting;
  private final double usersCores;

  private AmdahlRun(
      Counters run,
      Integer cores,
      long start,
      long length,
      int n,
      Counters split,
      double costlessWaiting,
      double usersCores) {
    this.run = run;
    this.cores = cores;
    this.start = start;
    this.length = length;
    this.n = n;
    this.s = SerialFraction.of(split, costlessWaiting);
    this.hold = HoldTime.totalNanos(split);
    this.getting = split.get(Metric.WAIT_NANOS) + SerialFraction.entryNanos(split);
    this.gap = SerialFraction.gapNanos(split);
    this.costlessWaiting = costlessWaiting;
    this.usersCores = usersCores;
  }

  static AmdahlRun of(
      MonitorStats m,
      RecordingInfo r,
      int[] run,
      Counters typical,
      IdleCores idle,
      long minTimedGaps) {
    long length = 0;
    for (int w = run[0]; w <= run[1]; w++) {
      length += r.windowLengthNanos(w);
    }
    Counters split = m.windows().get(medianWindow(m, run[0], run[1], minTimedGaps));
    if (split.get(Metric.TIMED_GAPS) < minTimedGaps) {
      split = typical;
    }
    int wanting = WantingThreads.count(m, run[0], run[1]);
    return new AmdahlRun(
        m.windows().sum(run[0], run[1]),
        r.cpuCores(),
        (long) run[0] * r.windowNanos(),
        length,
        parallelThreads(wanting, r.cpuCores()),
        split,
        idle.costlessWaitingShare(SerialFraction.gettingShare(split), wanting),
        idle.usersCores());
  }

  /** The recording's median window, the whole recording when it has none with enough gaps. */
  static Counters typicalWindow(MonitorStats m, long minTimedGaps) {
    NavigableMap<Integer, Counters> windows = m.windows().all();
    if (windows.isEmpty()) {
      return m.totals();
    }
    Counters c = windows.get(medianWindow(m, windows.firstKey(), windows.lastKey(), minTimedGaps));
    return c.get(Metric.TIMED_GAPS) >= minTimedGaps ? c : m.totals();
  }

  /**
   * The window from {@code from} to {@code to} whose serial fraction is the (lower) median of those
   * with enough timed gaps; {@code from} when none has.
   */
  private static int medianWindow(MonitorStats m, int from, int to, long minTimedGaps) {
    List<double[]> measured = new ArrayList<>();
    for (int w = from; w <= to; w++) {
      Counters c = m.windows().get(w);
      if (c.get(Metric.TIMED_GAPS) >= minTimedGaps) {
        measured.add(new double[] {SerialFraction.of(c), w});
      }
    }
    if (measured.isEmpty()) {
      return from;
    }
    measured.sort((a, b) -> Double.compare(a[0], b[0]));
    return (int) measured.get((measured.size() - 1) / 2)[1];
  }

  long start() {
    return start;
  }

  long end() {
    return start + length;
  }

  double gain() {
    return SerializationDetector.gain(s, n);
  }

  double bound() {
    return SerialFraction.bound(s, n);
  }

  double ifShorter(double k) {
    return SerialFraction.boundIfShorter(s, n, k);
  }

  int splitWays() {
    return Math.max(2, n);
  }

  double ifSplit() {
    return SerialFraction.boundIfSplit(s, n, splitWays());
  }

  private double share(double part) {
    return part / Math.max(1, hold + getting + gap);
  }

  Map<String, Number> evidence(int threads) {
    Map<String, Number> evidence = new LinkedHashMap<>();
    evidence.put("serialFraction", round(s));
    evidence.put("holdingFraction", round(share(hold)));
    evidence.put("waitingFraction", round(share(getting)));
    evidence.put("outsideFraction", round(share(gap)));
    if (costlessWaiting > 0) {
      evidence.put("waitingThatIdledNoCore", round(costlessWaiting));
      evidence.put("usersCpuCores", round(usersCores));
    }
    evidence.put("amdahlThreads", n);
    evidence.put("threads", threads);
    evidence.put("cpuCores", cores);
    evidence.put("speedUpBound", round(bound()));
    evidence.put("parallelGain", round(gain()));
    evidence.put("speedUpIfHalfTheTimeInside", round(ifShorter(2)));
    evidence.put("speedUpIfATenthOfTheTimeInside", round(ifShorter(10)));
    evidence.put("speedUpIfSplit" + splitWays() + "Ways", round(ifSplit()));
    evidence.put("utilization", round(HoldTime.utilization(run, length)));
    evidence.put("contentionPerSecond", Math.round(contentions(run) / (length / 1e9)));
    evidence.put(
        "acquisitionsPerSecond", Math.round(run.get(Metric.ACQUISITIONS) / (length / 1e9)));
    evidence.put("meanHoldNanos", Math.round(run.ratio(Metric.HOLD_NANOS, Metric.TIMED_HOLDS)));
    evidence.put("meanGapNanos", Math.round(run.ratio(Metric.GAP_NANOS, Metric.TIMED_GAPS)));
    evidence.put("timedGaps", run.get(Metric.TIMED_GAPS));
    evidence.put("windowNanos", length);
    return evidence;
  }

  String summary(String monitor, int threads) {
    return SerializationWording.amdahl(
        monitor,
        start,
        end(),
        threads,
        s,
        share(hold),
        share(getting),
        share(gap),
        costlessWaiting,
        usersCores,
        n,
        cores,
        bound(),
        ifShorter(10),
        ifShorter(2),
        splitWays(),
        ifSplit());
  }
}
