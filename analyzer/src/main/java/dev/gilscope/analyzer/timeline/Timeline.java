package dev.gilscope.analyzer.timeline;

import java.util.List;

/**
 * The timeline a report draws, from {@link TimelineCollector#snapshot}: lanes aggregated per bucket
 * and the kept intervals. Offsets are nanoseconds from the recording's start.
 *
 * @param bucketNanos width of one bucket
 * @param buckets buckets covering the recording
 * @param spanNanos the time covered
 * @param lanes the busiest threads, then (if any) one lane folding the others
 * @param intervals the kept intervals (at most {@link TimelineCollector#MAX_INTERVALS}), by start
 * @param intervalsSeen per bucket, how many intervals started there before the reservoir chose
 * @param eventCounts intervals recorded per {@link IntervalKind} ordinal
 * @param jdkEvents whether the JDK's lock events contributed (contended waits above a threshold)
 * @param agentDetail the agent's detail setting, null when the recording does not say
 */
public record Timeline(
    long bucketNanos,
    int buckets,
    long spanNanos,
    List<LaneData> lanes,
    List<Shown> intervals,
    long[] intervalsSeen,
    long[] eventCounts,
    boolean jdkEvents,
    String agentDetail) {

  /**
   * One lane: per bucket nanoseconds holding (from hold events), acquiring, in wait(), holding as
   * estimated from the statistics events; handoffs; pass-overs.
   */
  public record LaneData(
      String label,
      int threads,
      long[] holdNanos,
      long[] acquireNanos,
      long[] waitNanos,
      long[] estimatedHoldNanos,
      long[] handoffs,
      long[] passOvers) {}

  /** An interval and the lane it is drawn in. */
  public record Shown(int lane, Interval interval) {}

  public long events(IntervalKind kind) {
    return eventCounts[kind.ordinal()];
  }
}
