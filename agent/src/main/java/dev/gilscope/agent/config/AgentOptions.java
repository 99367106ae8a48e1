package dev.gilscope.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The parsed {@code -javaagent:gilscope-agent.jar=OPTIONS} string: comma-separated {@code
 * key=value} pairs, {@code monitor=} and {@code lock=} repeatable. Immutable; parsed once in
 * premain. Every error is an {@link OptionException} whose message fits on one line.
 */
public final class AgentOptions {
  static final String[] KEYS = {
    "monitor",
    "lock",
    "file",
    "detail",
    "threshold",
    "sample",
    "stacks",
    "period",
    "instances",
    "strict",
    "debug",
    "live"
  };

  /** Detail levels, in the order of {@code dev.gilscope.agent.probe.Detail}'s constants. */
  static final String[] DETAILS = {"contended", "all", "threshold", "sampled", "holds"};

  private final String raw;
  private final List<Target> targets;
  private final String file;
  private final int detail;
  private final long thresholdNanos;
  private final int sample;
  private final boolean stacks;
  private final long periodNanos;
  private final int instances;
  private final boolean strict;
  private final boolean debug;
  private final long liveNanos;

  private AgentOptions(Builder b) {
    this.raw = b.raw;
    this.targets = Collections.unmodifiableList(new ArrayList<>(b.targets));
    this.file = b.file;
    this.detail = b.detail;
    this.thresholdNanos = b.thresholdNanos;
    this.sample = b.sample;
    this.stacks = b.stacks;
    this.periodNanos = b.periodNanos;
    this.instances = b.instances;
    this.strict = b.strict;
    this.debug = b.debug;
    this.liveNanos = b.liveNanos;
  }

  /** Whether {@code strict=true} appears in the string, even if another option is bad. */
  public static boolean isStrict(String options) {
    if (options == null) {
      return false;
    }
    for (String part : options.split(",")) {
      if (part.trim().equalsIgnoreCase("strict=true")) {
        return true;
      }
    }
    return false;
  }

  public static AgentOptions parse(String options) throws OptionException {
    Builder b = new Builder();
    b.raw = options == null ? "" : options;
    if (options == null || options.isBlank()) {
      throw new OptionException(
          "no options: name a monitor, e.g. -javaagent:gilscope-agent.jar=monitor=com.acme.Interp#GIL");
    }
    for (String part : options.split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new OptionException("option '" + item + "' is not key=value" + hint(item));
      }
      String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = item.substring(eq + 1).trim();
      b.apply(key, value);
    }
    if (b.targets.isEmpty()) {
      throw new OptionException(
          "nothing to track: add monitor=<class>#<field>, monitor=<class> or lock=<class>#<field>");
    }
    return new AgentOptions(b);
  }

  private static String hint(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : KEYS) {
      int d = distance(key.toLowerCase(Locale.ROOT), k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= 3 ? ", did you mean " + best + "=?" : "";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Parses {@code 100us}, {@code 10ms}, {@code 1s}, {@code 250ns}, {@code 2m}, {@code 1 s}. */
  static long parseDurationNanos(String key, String value) throws OptionException {
    String v = value.replace(" ", "").toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new OptionException(key + "=" + value + ": not a duration, use e.g. 100us, 10ms or 1s");
    }
    long amount;
    try {
      amount = Long.parseLong(v.substring(0, i));
    } catch (NumberFormatException e) {
      throw new OptionException(key + "=" + value + ": number too large");
    }
    String unit = v.substring(i);
    long factor;
    switch (unit) {
      case "ns":
        factor = 1L;
        break;
      case "us":
        factor = 1_000L;
        break;
      case "ms":
        factor = 1_000_000L;
        break;
      case "s":
        factor = 1_000_000_000L;
        break;
      case "m":
      case "min":
        factor = 60_000_000_000L;
        break;
      default:
        throw new OptionException(
            key + "=" + value + ": unknown unit '" + unit + "', use ns, us, ms, s or m");
    }
    if (amount > Long.MAX_VALUE / factor) {
      throw new OptionException(key + "=" + value + ": duration too large");
    }
    return amount * factor;
  }

  private static boolean parseBoolean(String key, String value) throws OptionException {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new OptionException(key + "=" + value + ": use true or false");
  }

  public String raw() {
    return raw;
  }

  public List<Target> targets() {
    return targets;
  }

  /** The recording to write at exit, or null: the events go to recordings the user starts. */
  public String file() {
    return file;
  }

  /** One of {@code dev.gilscope.agent.probe.Detail}'s level constants. */
  public int detail() {
    return detail;
  }

  public String detailName() {
    return DETAILS[detail];
  }

  public long thresholdNanos() {
    return thresholdNanos;
  }

  public int sample() {
    return sample;
  }

  public boolean stacks() {
    return stacks;
  }

  public long periodNanos() {
    return periodNanos;
  }

  /** How many instances of each {@code monitor=<class>} class are tracked on their own. */
  public int instances() {
    return instances;
  }

  public boolean strict() {
    return strict;
  }

  public boolean debug() {
    return debug;
  }

  /** {@code live=}: the interval of the per-monitor stderr lines, 0 when off. */
  public long liveNanos() {
    return liveNanos;
  }

  private static final class Builder {
    String raw;
    final List<Target> targets = new ArrayList<>();
    String file;
    int detail;
    long thresholdNanos = 100_000L;
    int sample = 1000;
    boolean stacks;
    long periodNanos = 1_000_000_000L;
    int instances = 100;
    boolean strict;
    boolean debug;
    long liveNanos;

    void apply(String key, String value) throws OptionException {
      if (value.isEmpty()) {
        throw new OptionException("option " + key + "= has no value");
      }
      switch (key) {
        case "monitor":
        case "lock":
          targets.add(Target.parse(key, value));
          break;
        case "file":
          file = value;
          break;
        case "detail":
          detail = -1;
          for (int i = 0; i < DETAILS.length; i++) {
            if (DETAILS[i].equalsIgnoreCase(value)) {
              detail = i;
            }
          }
          if (detail < 0) {
            throw new OptionException(
                "detail=" + value + ": use contended (default), all, holds, threshold or sampled");
          }
          break;
        case "threshold":
          thresholdNanos = parseDurationNanos(key, value);
          break;
        case "sample":
          try {
            sample = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            sample = 0;
          }
          if (sample < 1) {
            throw new OptionException("sample=" + value + ": use a whole number >= 1, e.g. 1000");
          }
          break;
        case "stacks":
          stacks = parseBoolean(key, value);
          break;
        case "period":
          periodNanos = parseDurationNanos(key, value);
          if (periodNanos < 1_000_000L) {
            throw new OptionException("period=" + value + ": use at least 1ms");
          }
          break;
        case "instances":
          try {
            instances = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            instances = -1;
          }
          if (instances < 0) {
            throw new OptionException("instances=" + value + ": use a whole number >= 0, e.g. 100");
          }
          break;
        case "strict":
          strict = parseBoolean(key, value);
          break;
        case "debug":
          debug = parseBoolean(key, value);
          break;
        case "live":
          liveNanos = parseDurationNanos(key, value);
          if (liveNanos < 100_000_000L) {
            throw new OptionException("live=" + value + ": use at least 100ms, e.g. live=1s");
          }
          break;
        default:
          throw new OptionException("unknown option " + key + "=" + value + hint(key));
      }
    }
  }
}
