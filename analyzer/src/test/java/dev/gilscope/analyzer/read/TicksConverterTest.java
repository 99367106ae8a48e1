package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The converter must give the JDK's figures to the nanosecond; with nanosecond ticks it skips the
 * division, and these tests hold it to the division's result, near the limits of exact doubles too.
 */
class TicksConverterTest {
  private static final long START_TICKS = 123_456_789_012L;
  private static final long START_NANOS = 1_764_000_000_000_000_000L;

  /** What the JDK computes: the tick count divided by the ticks per nanosecond, as a double. */
  private static long jdkTimestamp(long ticks, long ticksPerSecond) {
    double divisor = ticksPerSecond / 1_000_000_000L;
    return START_NANOS + (long) ((ticks - START_TICKS) / divisor);
  }

  private static long jdkTimespan(long ticks, long ticksPerSecond) {
    double divisor = ticksPerSecond / 1_000_000_000L;
    return (long) (ticks / divisor);
  }

  @Test
  void nanosecondTicksGiveTheDivisionsResultEverywhere() {
    TicksConverter clock = new TicksConverter(START_TICKS, START_NANOS, 1_000_000_000L);
    long exact = 1L << 53;
    long[] edges = {
      0,
      1,
      -1,
      exact - 1,
      exact,
      exact + 1,
      -exact + 1,
      -exact,
      -exact - 1,
      3 * exact + 1,
      Long.MAX_VALUE / 2,
      Long.MIN_VALUE / 2
    };
    for (long sinceStart : edges) {
      long ticks = START_TICKS + sinceStart;
      assertThat(clock.timestamp(ticks))
          .as("timestamp %d ticks after the start", sinceStart)
          .isEqualTo(jdkTimestamp(ticks, 1_000_000_000L));
      assertThat(clock.timespan(sinceStart))
          .as("timespan of %d ticks", sinceStart)
          .isEqualTo(jdkTimespan(sinceStart, 1_000_000_000L));
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      long ticks = random.nextLong();
      assertThat(clock.timestamp(ticks)).isEqualTo(jdkTimestamp(ticks, 1_000_000_000L));
      assertThat(clock.timespan(ticks)).isEqualTo(jdkTimespan(ticks, 1_000_000_000L));
    }
  }

  @Test
  void otherTickRatesDivide() {
    TicksConverter clock = new TicksConverter(START_TICKS, START_NANOS, 2_400_000_000L);
    long ticks = START_TICKS + 7_777_777_777L;
    assertThat(clock.timestamp(ticks)).isEqualTo(jdkTimestamp(ticks, 2_400_000_000L));
    assertThat(clock.timespan(5_000_000_001L))
        .isEqualTo(jdkTimespan(5_000_000_001L, 2_400_000_000L));
  }
}
