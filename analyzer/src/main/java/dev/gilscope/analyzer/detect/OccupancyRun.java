package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.detect.SerializationDetector.contentionPerSecond;
import static dev.gilscope.analyzer.detect.SerializationDetector.round;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.SerialFraction;
import dev.gilscope.analyzer.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SERIALIZATION's fallback for one run of windows (recordings without timed gaps): how much of the
 * time the monitor was held, how many threads waited, and the speed-up that occupancy allows; and
 * Amdahl's law on the users' time, whose part outside the monitor is not timed: it is taken as
 * whatever their holds, waits and entries leave of the run ({@link #serialFloor}), a lower bound of
 * {@code s} (threads that lived part of the run count whole). A lock that always has a waiter shows
 * why both are needed: each hand-over's transit leaves it idle (held 70 % of the time by 4 threads
 * that do nothing else, measured), yet no user gets anything done outside it.
 */
final class OccupancyRun {
  private final Counters run;
  private final Integer cores;
  private final long start;
  private final long length;
  private final double utilization;
  private final double waiters;
  private final double measuredWaiters;
  private final int users;
  private final int parallel;
  private final double serialFloor;

  private OccupancyRun(
      Counters run,
      Integer cores,
      long start,
      long length,
      double waiters,
      int users,
      int wanting) {
    this.run = run;
    this.cores = cores;
    this.start = start;
    this.length = length;
    this.utilization = SerializationDetector.utilization(run, length);
    this.waiters = waiters;
    this.measuredWaiters = (double) SerializationDetector.waitingNanos(run) / length;
    this.users = users;
    this.parallel = SerializationDetector.parallelThreads(wanting, cores);
    this.serialFloor = serialFloor(run, length, users);
  }

  /**
   * The users' measured time holding or getting the monitor (timed holds, waits and entries, none
   * scaled up) over their time in the run, at most 1: a lower bound. Scaled estimates are not: at
   * load 10, 2 of io-outside's 7 sampled entries were preempted for 6 ms each, and scaled to its
   * 1,540 acquisitions they made the users "get" the lock for longer than the run.
   */
  static double serialFloor(Counters c, long length, int users) {
    if (users == 0 || length <= 0) {
      return 0;
    }
    double measured =
        c.get(Metric.HOLD_NANOS)
            + SerializationDetector.waitingNanos(c)
            + c.get(Metric.ENTRY_NANOS);
    return Math.min(1, measured / ((double) users * length));
  }

  static OccupancyRun of(MonitorStats m, RecordingInfo r, int[] run, int minThreads) {
    Counters c = m.windows().sum(run[0], run[1]);
    long length = 0;
    for (int w = run[0]; w <= run[1]; w++) {
      length += r.windowLengthNanos(w);
    }
    int wanting = WantingThreads.count(m, run[0], run[1]);
    // two threads that want it count the contention rate as waiters (see waiters())
    double waiters =
        wanting >= minThreads
            ? SerializationDetector.waiters(c, length)
            : (double) SerializationDetector.waitingNanos(c) / length;
    return new OccupancyRun(
        c,
        r.cpuCores(),
        (long) run[0] * r.windowNanos(),
        length,
        waiters,
        WantingThreads.users(m, run[0], run[1]),
        wanting);
  }

  long start() {
    return start;
  }

  long end() {
    return start + length;
  }

  double utilization() {
    return utilization;
  }

  double waiters() {
    return waiters;
  }

  /**
   * The lower of the two bounds: one thread at a time (1 / utilization, at most the cores) and
   * Amdahl's on the serial floor.
   */
  double bound() {
    double bound = utilization <= 0 ? Double.POSITIVE_INFINITY : 1 / utilization;
    bound = cores != null ? Math.min(cores, bound) : bound;
    return parallel < 2 ? bound : Math.min(bound, SerialFraction.bound(serialFloor, parallel));
  }

  /** Amdahl's severity on the serial floor; null below INFO or with fewer than two in parallel. */
  Severity amdahlSeverity() {
    return parallel < 2
        ? null
        : SerializationDetector.severity(SerializationDetector.gain(serialFloor, parallel));
  }

  Map<String, Number> evidence(int threads) {
    boolean sampled = HoldTime.basis(run) != HoldTime.Basis.EXACT;
    Map<String, Number> evidence = new LinkedHashMap<>();
    evidence.put("utilization", round(utilization));
    // the measured holds alone: a true lower bound whatever the sampling
    evidence.put(
        "utilizationLowerBound", round(Math.min(1, (double) run.get(Metric.HOLD_NANOS) / length)));
    evidence.put("utilizationFromSampledHolds", sampled ? 1 : 0);
    evidence.put("serialFractionLowerBound", round(serialFloor));
    evidence.put("users", users);
    evidence.put("averageWaiters", round(measuredWaiters));
    evidence.put("contentionPerSecond", Math.round(contentionPerSecond(run, length)));
    evidence.put("threads", threads);
    evidence.put("cpuCores", cores);
    evidence.put("speedUpBound", round(bound()));
    evidence.put(
        "acquisitionsPerSecond", Math.round(run.get(Metric.ACQUISITIONS) / (length / 1e9)));
    evidence.put("meanHoldNanos", Math.round(run.ratio(Metric.HOLD_NANOS, Metric.TIMED_HOLDS)));
    evidence.put(
        "timedHoldFraction",
        round(Math.min(1, run.ratio(Metric.TIMED_HOLDS, Metric.ACQUISITIONS))));
    evidence.put("windowNanos", length);
    return evidence;
  }

  String summary(String monitor, int threads) {
    return SerializationWording.occupancy(
        monitor,
        HoldTime.basis(run),
        utilization,
        start,
        end(),
        threads,
        measuredWaiters,
        Math.round(contentionPerSecond(run, length)),
        cores,
        bound(),
        serialFloor,
        users);
  }
}
