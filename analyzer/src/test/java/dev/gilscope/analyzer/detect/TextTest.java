package dev.gilscope.analyzer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Text} writes exactly what {@code String.format(Locale.ROOT, ...)} writes. */
class TextTest {
  private static final double[] EDGES = {
    0,
    -0.0,
    0.05,
    0.15,
    0.25,
    0.35,
    0.45,
    0.5,
    1.5,
    2.5,
    0.949999,
    0.95,
    0.9500001,
    9.95,
    99.95,
    999.5,
    999.4999,
    1e-9,
    123456.789,
    1e9 - 0.5,
    1e12,
    1e300,
    -1.25,
    -0.04,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  @Test
  void fixedRoundsHalfUpAsTheFormatterDoesOnEdges() {
    for (double v : EDGES) {
      for (int decimals = 0; decimals <= 3; decimals++) {
        assertEquals(formatted(v, decimals), Text.fixed(v, decimals), v + " to " + decimals);
      }
    }
  }

  @Test
  void fixedMatchesTheFormatterOnRandomValuesAndOnEveryTie() {
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < 200_000; i++) {
      double v = random.nextDouble() * Math.pow(10, random.nextInt(-3, 13));
      int decimals = random.nextInt(0, 4);
      assertEquals(formatted(v, decimals), Text.fixed(v, decimals), v + " to " + decimals);
    }
    // every value on a tie of none, one and two decimals below 100: decimal digits of binary
    // doubles; a mean of integers is exactly k.5 when it is a tie
    for (int units = 0; units < 20_000; units++) {
      double quarter = units + (units % 4) * 0.25; // exact binary fractions: ties of one decimal
      assertEquals(formatted(quarter, 1), Text.fixed(quarter, 1), Double.toString(quarter));
      assertEquals(formatted(units + 0.5, 0), Text.fixed(units + 0.5, 0), units + ".5");
      assertEquals(formatted(units * 1.005, 0), Text.fixed(units * 1.005, 0), units + " * 1.005");
      double tie = (units + 0.5) / 100;
      assertEquals(formatted(tie, 2), Text.fixed(tie, 2), Double.toString(tie));
      assertEquals(formatted(tie * 10, 1), Text.fixed(tie * 10, 1), Double.toString(tie * 10));
    }
  }

  @Test
  void durationsPercentagesAndSecondsKeepTheirUnits() {
    assertEquals("999 ns", Text.nanos(999.4));
    assertEquals("1000 ns", Text.nanos(999.5));
    assertEquals("1.2 us", Text.nanos(1_234));
    assertEquals("1.2 ms", Text.nanos(1_234_567));
    assertEquals("2.35 s", Text.nanos(2_345_678_901.0));
    assertEquals("13%", Text.percent(0.125));
    assertEquals("NaN%", Text.percent(Double.NaN));
    assertEquals("0.1 s", Text.seconds(50_000_000));
  }

  @Test
  void countGroupsThousandsAsTheFormatterDoes() {
    long[] values = {
      0,
      7,
      999,
      1_000,
      12_345,
      999_999,
      1_000_000,
      -1,
      -999,
      -1_000,
      -1_234_567,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long n : values) {
      assertEquals(String.format(Locale.ROOT, "%,d", n), Text.count(n), Long.toString(n));
    }
  }

  @Test
  void fillWritesWhatStringFormatWrites() {
    String template = "  %-22s %12s %7s %d of %s%% done%n";
    Object[] args = {"pool-1-thread-1", "1,234", "a-very-long-cell", 42L, null};
    assertEquals(String.format(Locale.ROOT, template, args), Text.fill(template, args));
  }

  @Test
  void fillRefusesWhatItDoesNotWrite() {
    assertThrows(IllegalArgumentException.class, () -> Text.fill("%.1f", 1.0));
    assertThrows(IllegalArgumentException.class, () -> Text.fill("%x", 1));
    assertThrows(IllegalArgumentException.class, () -> Text.fill("%s and %s", "one"));
    assertThrows(IllegalArgumentException.class, () -> Text.fill("%s", "one", "two"));
  }

  private static String formatted(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
