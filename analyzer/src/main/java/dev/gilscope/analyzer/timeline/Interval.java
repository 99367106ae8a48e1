package dev.gilscope.analyzer.timeline;

/**
 * One thread's interval on one monitor, offsets in nanoseconds from the recording's start.
 *
 * @param priority the weighted-reservoir key that decides which intervals a full bucket keeps
 */
public record Interval(
    String thread,
    String monitor,
    IntervalKind kind,
    long startNanos,
    long endNanos,
    double priority) {

  public long durationNanos() {
    return endNanos - startNanos;
  }
}
