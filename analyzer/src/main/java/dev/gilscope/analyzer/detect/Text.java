package dev.gilscope.analyzer.detect;

import java.util.List;
import java.util.Locale;

/** Number formatting for finding sentences: durations, percentages, seconds. */
public final class Text {
  private Text() {}

  /** {@code 1234567} → {@code "1.2 ms"}. */
  public static String nanos(double nanos) {
    if (nanos < 1_000) {
      return String.format(Locale.ROOT, "%.0f ns", nanos);
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }
    if (nanos < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  public static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  public static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
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
