package dev.gilscope.analyzer.timeline;

/**
 * One thread's interval on one monitor, offsets in nanoseconds from the recording's start.
 *
 * @param priority a hash of the interval in (0, 1]: the key of the uniform sample that keeps it
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
