package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;

/**
 * Whether the threads wait for a monitor mainly inside {@code wait()} rather than at entry, with
 * the evidence of a flag-guarding GIL (CPython's new GIL, the second shape in docs/patterns.md):
 * more time in {@code wait()} than blocked at entry, at least {@link #MIN_WAITING_THREADS} threads
 * in {@code wait()}, at least {@link #MIN_EPISODES} wait episodes and {@link #MIN_TIMED_OUT_WAITS}
 * timed waits that expired. A {@code Thread.join()} or an idle pool worker's single wait is none of
 * these. The convoy and starvation detectors judge such a monitor by its waits in {@code wait()};
 * the reports name the shape.
 */
public final class FlagShape {
  /** At least this many threads that waited in {@code wait()}. */
  public static final int MIN_WAITING_THREADS = 2;

  /** At least this many wait episodes (one join() wait is not a GIL). */
  public static final long MIN_EPISODES = 20;

  /** At least this many timed waits that timed out (the switch interval). */
  public static final long MIN_TIMED_OUT_WAITS = 2;

  private FlagShape() {}

  public static boolean isFlagShaped(MonitorStats m) {
    if (m.totals().get(Metric.WAIT_IN_WAIT_NANOS) <= m.totals().get(Metric.WAIT_NANOS)
        || m.totals().get(Metric.WAITS) == 0
        || m.episodes().count() < MIN_EPISODES
        || m.totals().get(Metric.TIMED_OUT_WAITS) < MIN_TIMED_OUT_WAITS) {
      return false;
    }
    long waitingThreads = m.threads().stream().filter(t -> t.waitsInWaitCount() > 0).count();
    return waitingThreads >= MIN_WAITING_THREADS;
  }
}
