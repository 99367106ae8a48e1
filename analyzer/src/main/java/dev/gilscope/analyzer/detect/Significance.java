package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;

/**
 * Whether a monitor seen only through the JDK's lock events matters enough to be shown in full: the
 * reports for people collapse the rest (report/MonitorSelection). Lives with the detectors: like
 * theirs, its threshold decides what the user is told.
 */
public final class Significance {
  /**
   * Significant from this share of the recording's duration blocked on the monitor (its contended
   * blocked time summed over threads).
   */
  public static final double MIN_BLOCKED_FRACTION = 0.05;

  private Significance() {}

  /** Whether threads were blocked on {@code m} for {@link #MIN_BLOCKED_FRACTION} or more. */
  public static boolean blockedLongEnough(MonitorStats m, long durationNanos) {
    double blockedFraction =
        (double) m.totals().get(Metric.WAIT_NANOS) / Math.max(1, durationNanos);
    return blockedFraction >= MIN_BLOCKED_FRACTION;
  }
}
