package dev.gilscope.analyzer.read;

/**
 * A chunk's clock: ticks to epoch nanoseconds, computed exactly as the JDK's reader does (including
 * its divisor, {@code ticksPerSecond / 1_000_000_000} in integer arithmetic widened to double), so
 * both readers put every event in the same window.
 */
final class TicksConverter {
  private final long startTicks;
  private final long startNanos;
  private final double divisor;

  TicksConverter(long startTicks, long startNanos, long ticksPerSecond) {
    this.startTicks = startTicks;
    this.startNanos = startNanos;
    this.divisor = ticksPerSecond / 1_000_000_000L;
  }

  long timestamp(long ticks) {
    return startNanos + (long) ((ticks - startTicks) / divisor);
  }

  long timespan(long ticks) {
    return (long) (ticks / divisor);
  }
}
