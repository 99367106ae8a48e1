package dev.gilscope.analyzer.live;

import java.util.Locale;

/** Parses the watch's {@code 30s}, {@code 500ms}, {@code 2m} and {@code 1h} durations. */
final class Durations {
  private Durations() {}

  static long parseNanos(String option, String value) throws WatchException {
    String v = value.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    long factor =
        switch (v.substring(i)) {
          case "ms" -> 1_000_000L;
          case "s", "" -> 1_000_000_000L;
          case "m", "min" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> -1;
        };
    if (i == 0 || factor < 0 || i > 9) {
      throw new WatchException(
          option + " " + value + ": not a duration, use e.g. 500ms, 30s or 5m");
    }
    long nanos = Long.parseLong(v.substring(0, i)) * factor;
    if (nanos <= 0) {
      throw new WatchException(option + " " + value + ": must be more than 0");
    }
    return nanos;
  }
}
