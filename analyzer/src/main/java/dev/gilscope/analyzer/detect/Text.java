package dev.gilscope.analyzer.detect;

import java.util.List;
import java.util.Locale;

/**
 * Number formatting for finding sentences and report tables: durations, percentages, seconds,
 * counts, exactly as {@code String.format(Locale.ROOT, ...)} writes them.
 *
 * <p>Without {@link java.util.Formatter} on the common path: a report of 50 monitors formats some
 * 5,000 numbers in a JVM that has barely started, and {@code String.format} made the text report of
 * 10,000 monitors a sixth of the analysis (docs/analyzer.md). A value whose rounding could differ
 * from the {@code Formatter}'s is still formatted by it (see {@link #fixed}).
 */
public final class Text {
  private Text() {}

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  // units of the last decimal that a long holds, with room
  private static final double MAX_SCALED = 1e15;

  // how far from a half unit a scaled value must be for its rounding to be certain: the scaling
  // and the decimal digits the Formatter rounds are each within an ulp of the double, 2.2e-16 of
  // it, so the larger of an absolute millionth and a relative 1e-15 is a safe margin
  private static final double HALF_TOLERANCE = 1e-6;
  private static final double RELATIVE_TOLERANCE = 1e-15;

  /** {@code 1234567} → {@code "1.2 ms"}. */
  public static String nanos(double nanos) {
    if (nanos < 1_000) {
      return fixed(nanos, 0) + " ns";
    }
    if (nanos < 1_000_000) {
      return fixed(nanos / 1e3, 1) + " us";
    }
    if (nanos < 1_000_000_000) {
      return fixed(nanos / 1e6, 1) + " ms";
    }
    return fixed(nanos / 1e9, 2) + " s";
  }

  public static String percent(double fraction) {
    return fixed(fraction * 100, 0) + "%";
  }

  public static String seconds(long nanos) {
    return fixed(nanos / 1e9, 1) + " s";
  }

  /**
   * {@code value} with {@code decimals} decimals, as {@code %.<decimals>f} writes it: half up.
   * Values near a tie (but for a double that is exactly the tie), negative, huge or not a number go
   * to the {@code Formatter}: it rounds the decimal digits of the double, which may fall either
   * side of a tie near which the double sits.
   */
  public static String fixed(double value, int decimals) {
    if (decimals >= 0 && decimals < POWERS_OF_TEN.length && value >= 0 && !isNegativeZero(value)) {
      double scaled = value * POWERS_OF_TEN[decimals];
      if (scaled < MAX_SCALED) {
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) > Math.max(HALF_TOLERANCE, scaled * RELATIVE_TOLERANCE)) {
          return withPoint((long) whole + (fraction > 0.5 ? 1 : 0), decimals);
        }
        if (fraction == 0.5 && Math.fma(value, POWERS_OF_TEN[decimals], -scaled) == 0) {
          // the double is exactly the tie (a mean of two integers, 2051.75 to one decimal): its
          // decimal digits are the tie's, which the Formatter rounds up
          return withPoint((long) whole + 1, decimals);
        }
      }
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
  }

  /** {@code units} of {@code 10^-decimals}, written with its point. */
  private static String withPoint(long units, int decimals) {
    String digits = Long.toString(units);
    if (decimals == 0) {
      return digits;
    }
    StringBuilder sb = new StringBuilder(decimals + 3);
    for (int zeros = decimals + 1 - digits.length(); zeros > 0; zeros--) {
      sb.append('0');
    }
    sb.append(digits);
    return sb.insert(sb.length() - decimals, '.').toString();
  }

  /** {@code 1234567} → {@code "1,234,567"}, as {@code %,d} writes it. */
  public static String count(long n) {
    if (n == Long.MIN_VALUE) {
      return String.format(Locale.ROOT, "%,d", n);
    }
    String digits = Long.toString(Math.abs(n));
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      sb.append('-');
    }
    int firstGroup = (digits.length() - 1) % 3 + 1;
    sb.append(digits, 0, firstGroup);
    for (int i = firstGroup; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  /**
   * {@code template} with its conversions filled in from {@code args}, as {@code
   * String.format(Locale.ROOT, template, args)} would: {@code %s} (with a width, {@code %12s}, and
   * left-aligned, {@code %-22s}), {@code %d}, {@code %%} and {@code %n}; numbers are formatted
   * before ({@link #count}, {@link #fixed}). Any other conversion is an error, not a silent
   * difference.
   */
  public static String fill(String template, Object... args) {
    StringBuilder sb = new StringBuilder(template.length() + 16 * args.length);
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      boolean left = template.charAt(++i) == '-';
      if (left) {
        i++;
      }
      int width = 0;
      for (char d = template.charAt(i); d >= '0' && d <= '9'; d = template.charAt(++i)) {
        width = width * 10 + (d - '0');
      }
      char conversion = template.charAt(i);
      if ((conversion == 's' || (conversion == 'd' && width == 0 && !left)) && next < args.length) {
        pad(sb, String.valueOf(args[next++]), width, left);
      } else if (conversion == '%' && width == 0 && !left) {
        sb.append('%');
      } else if (conversion == 'n' && width == 0 && !left) {
        sb.append(System.lineSeparator());
      } else {
        throw new IllegalArgumentException(
            "unsupported conversion, or no argument left, at " + i + ": " + template);
      }
    }
    if (next != args.length) {
      throw new IllegalArgumentException(
          args.length + " arguments, " + next + " used: " + template);
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, String text, int width, boolean left) {
    int spaces = width - text.length();
    if (left) {
      sb.append(text);
    }
    for (; spaces > 0; spaces--) {
      sb.append(' ');
    }
    if (!left) {
      sb.append(text);
    }
  }

  /** Names a summary lists before it counts the rest. */
  static final int MAX_NAMES = 10;

  public static String names(List<String> names) {
    if (names.isEmpty()) {
      return "nobody";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    if (names.size() > MAX_NAMES) {
      // a summary of a monitor with 100,000 threads names a few and counts the rest
      return String.join(", ", names.subList(0, MAX_NAMES))
          + " and "
          + count(names.size() - MAX_NAMES)
          + " others";
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
