package dev.gilscope.analyzer.model;

/**
 * A fixed set of long counters indexed by {@link Metric}: the per-monitor, per-thread and
 * per-window totals. Not thread-safe: one reader thread owns an instance until it is merged. Costs
 * one {@code long[]} of {@code Metric.values().length} entries.
 */
public final class Counters {
  private static final Metric[] METRICS = Metric.values();

  private final long[] values = new long[METRICS.length];

  public void add(Metric metric, long amount) {
    if (metric.isMax()) {
      max(metric, amount);
    } else {
      values[metric.ordinal()] += amount;
    }
  }

  public void increment(Metric metric) {
    values[metric.ordinal()]++;
  }

  public void max(Metric metric, long candidate) {
    int i = metric.ordinal();
    if (candidate > values[i]) {
      values[i] = candidate;
    }
  }

  public long get(Metric metric) {
    return values[metric.ordinal()];
  }

  public void mergeFrom(Counters other) {
    for (Metric metric : METRICS) {
      add(metric, other.values[metric.ordinal()]);
    }
  }

  /** {@code numerator / denominator}, 0 when the denominator is 0. */
  public double ratio(Metric numerator, Metric denominator) {
    long d = get(denominator);
    return d == 0 ? 0 : (double) get(numerator) / d;
  }

  public boolean isEmpty() {
    for (long v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
