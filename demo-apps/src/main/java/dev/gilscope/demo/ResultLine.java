package dev.gilscope.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-greppable last line of every scenario: {@code RESULT scenario=<name> key=value ...}.
 * Keys are snake_case with their unit in the name ({@code p99_us}, {@code wall_ms}); values never
 * contain spaces. Tests and the tour parse it with {@link #parse}.
 */
public final class ResultLine {
  public static final String PREFIX = "RESULT ";

  private final Map<String, String> values = new LinkedHashMap<>();

  public ResultLine(String scenario) {
    values.put("scenario", scenario);
  }

  public ResultLine put(String key, long value) {
    values.put(key, Long.toString(value));
    return this;
  }

  public ResultLine put(String key, double value) {
    values.put(key, String.format(Locale.ROOT, "%.4f", value));
    return this;
  }

  public ResultLine put(String key, String value) {
    values.put(key, value.replace(' ', '_'));
    return this;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder("RESULT");
    values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  /** The key/value pairs of the last {@code RESULT} line in {@code output}; empty if none. */
  public static Map<String, String> parse(String output) {
    Map<String, String> parsed = new LinkedHashMap<>();
    String last = null;
    for (String line : output.split("\\R", -1)) {
      if (line.startsWith(PREFIX)) {
        last = line;
      }
    }
    if (last != null) {
      for (String pair : last.substring(PREFIX.length()).trim().split("\\s+", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parsed.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return parsed;
  }
}
