package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The window of a time, cached for the next events, is the division's in any order of times. */
class EventAccumulatorWindowTest {
  private static final long ORIGIN = 1_764_000_000_000_000_000L;
  private static final long WINDOW = 1_000_000_000L;

  private static int divided(long epochNanos) {
    return (int) Math.max(0, (epochNanos - ORIGIN) / WINDOW);
  }

  @Test
  void everyTimeFallsInTheDivisionsWindow() {
    EventAccumulator acc = new EventAccumulator(ORIGIN, WINDOW);
    long[] edges = {
      ORIGIN - 3 * WINDOW - 1,
      ORIGIN - WINDOW,
      ORIGIN - 1,
      ORIGIN,
      ORIGIN + 1,
      ORIGIN + WINDOW - 1,
      ORIGIN + WINDOW,
      ORIGIN + WINDOW + 1,
      ORIGIN + 2 * WINDOW - 1,
      ORIGIN + 2 * WINDOW,
      ORIGIN + 5 * WINDOW,
      ORIGIN + WINDOW - 1,
      ORIGIN - 1,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      ORIGIN
    };
    for (long t : edges) {
      assertThat(acc.window(t)).as("t - origin = %d", t - ORIGIN).isEqualTo(divided(t));
    }
    SplittableRandom random = new SplittableRandom(7);
    long t = ORIGIN - WINDOW;
    for (int i = 0; i < 100_000; i++) {
      // mostly forward by a little, sometimes back or far
      t +=
          random.nextInt(10) == 0
              ? random.nextLong(-5 * WINDOW, 5 * WINDOW)
              : random.nextInt(1 << 24);
      assertThat(acc.window(t)).isEqualTo(divided(t));
    }
  }
}
