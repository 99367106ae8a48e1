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
  // ticks are nanoseconds (what JDK 11+ on Linux writes): a division by 1.0 is the value itself,
  // so the double division (a few per event, of 3 million) is skipped where it cannot round
  private final boolean nanosecondTicks;

  /** Beyond this magnitude a long does not convert to a double exactly. */
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  TicksConverter(long startTicks, long startNanos, long ticksPerSecond) {
    this.startTicks = startTicks;
    this.startNanos = startNanos;
    this.divisor = ticksPerSecond / 1_000_000_000L;
    this.nanosecondTicks = divisor == 1.0;
  }

  long timestamp(long ticks) {
    long sinceStart = ticks - startTicks;
    if (nanosecondTicks && sinceStart > -EXACT_IN_DOUBLE && sinceStart < EXACT_IN_DOUBLE) {
      return startNanos + sinceStart; // what the division below gives, exactly
    }
    return startNanos + (long) (sinceStart / divisor);
  }

  long timespan(long ticks) {
    if (nanosecondTicks && ticks > -EXACT_IN_DOUBLE && ticks < EXACT_IN_DOUBLE) {
      return ticks;
    }
    return (long) (ticks / divisor);
  }
}
