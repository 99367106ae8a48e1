package dev.gilscope.analyzer.model;

import java.util.Arrays;

/**
 * A fixed set of long counters indexed by {@link Metric}: the per-monitor, per-thread and
 * per-window totals. Not thread-safe: one reader thread owns an instance until it is merged.
 *
 * <p>Sparse: only the metrics that were ever non-zero take a slot, in {@link Metric} order, found
 * through a bit mask. A thread's counters use about a dozen of the metrics, and a recording of
 * 100,000 threads has about three of these per thread and monitor (totals and each window): a dense
 * {@code long[]} of every metric was over half the analyzer's heap there (90 MB of 165 MB).
 *
 * <p>Dense once written often ({@link #DENSE_AFTER_WRITES}): every metric has its slot, at its
 * ordinal, and the mask is all ones, so the slot of a metric is found without counting bits. The
 * few counters that take most of a large recording's events (a monitor's, a busy thread's) pay no
 * more per event than a plain array; the many that see a few events stay small.
 */
public final class Counters {
  private static final Metric[] METRICS = Metric.values();
  private static final long[] NONE = new long[0];

  static {
    if (METRICS.length > Long.SIZE) {
      throw new AssertionError("Counters' mask has room for " + Long.SIZE + " metrics");
    }
  }

  /** Bit i: METRICS[i] keeps its maximum ({@link Metric#isMax}), read per metric by addAll. */
  private static final long MAX_METRICS = maxMetrics();

  private static long maxMetrics() {
    long bits = 0;
    for (Metric m : METRICS) {
      if (m.isMax()) {
        bits |= 1L << m.ordinal();
      }
    }
    return bits;
  }

  /** All metrics present: the slot of a metric is its ordinal. */
  private static final long ALL = METRICS.length == Long.SIZE ? -1L : (1L << METRICS.length) - 1;

  /** Writes after which an instance makes a slot for every metric (see the class comment). */
  static final int DENSE_AFTER_WRITES = 256;

  // the window these counters are of, when a WindowedCounters holds them in its array: in room the
  // object's alignment leaves free (12 bytes of header and 16 of fields take 32 with or without it)
  int window;
  private long present; // bit i: METRICS[i] has a slot
  private int writes; // while not dense
  // the slots, in Metric order; past bitCount(present) unused room
  private long[] values = NONE;

  public void add(Metric metric, long amount) {
    if (metric.isMax()) {
      max(metric, amount);
    } else if (amount != 0) {
      int o = metric.ordinal();
      // the dense case here, not in slot(): small enough for C1 to inline on the reader's path
      int i = present == ALL ? o : slot(o); // before reading 'values': slot() may replace it
      values[i] += amount;
    }
  }

  public void increment(Metric metric) {
    int o = metric.ordinal();
    int i = present == ALL ? o : slot(o);
    values[i]++;
  }

  public void max(Metric metric, long candidate) {
    // an absent metric reads 0, so a candidate of 0 or less changes nothing
    if (candidate > 0) {
      int o = metric.ordinal();
      int i = present == ALL ? o : slot(o);
      if (candidate > values[i]) {
        values[i] = candidate;
      }
    }
  }

  /**
   * Adds {@code amounts[m.ordinal()]} to each metric {@code m} at once (the larger value for a
   * {@code MAX_*} metric), as {@link #add} would one by one: a sparse instance makes its slots for
   * the new metrics in one step, the size it needs, instead of growing once per new metric (the
   * first statistics event of a thread's window writes a dozen: three arrays made and dropped).
   */
  public void addAll(long[] amounts) {
    long added = 0; // the metrics this changes
    for (int o = 0; o < amounts.length; o++) {
      long a = amounts[o];
      // a maximum only when positive (an absent metric reads 0), a sum when not zero
      if (a != 0 && (a > 0 || (MAX_METRICS & (1L << o)) == 0)) {
        added |= 1L << o;
      }
    }
    if (present == 0 && added != 0 && writes + Long.bitCount(added) <= DENSE_AFTER_WRITES) {
      // into an empty instance (the first event of a thread's window): the slots are the amounts,
      // in metric order, what the general path below makes with a rank per metric
      writes += Long.bitCount(added);
      long[] slots = new long[Long.bitCount(added)];
      int slot = 0;
      for (long bits = added; bits != 0; bits &= bits - 1) {
        slots[slot++] = amounts[Long.numberOfTrailingZeros(bits)];
      }
      values = slots;
      present = added;
      return;
    }
    if (present != ALL && (added & ~present) != 0) {
      writes += Long.bitCount(added);
      if (writes > DENSE_AFTER_WRITES) {
        makeDense();
      } else {
        spread(present | added);
      }
    }
    for (long bits = added; bits != 0; bits &= bits - 1) {
      int o = Long.numberOfTrailingZeros(bits);
      int i = present == ALL ? o : Long.bitCount(present & ((1L << o) - 1));
      if ((MAX_METRICS & (1L << o)) == 0) {
        values[i] += amounts[o];
      } else if (amounts[o] > values[i]) {
        values[i] = amounts[o];
      }
    }
  }

  /** Makes a slot for each metric of {@code bits} (a superset of the present ones), exactly. */
  private void spread(long bits) {
    long[] to = new long[Long.bitCount(bits)];
    long old = present;
    for (int slot = 0; old != 0; slot++, old &= old - 1) {
      int o = Long.numberOfTrailingZeros(old);
      to[Long.bitCount(bits & ((1L << o) - 1))] = values[slot];
    }
    values = to;
    present = bits;
  }

  public long get(Metric metric) {
    if (present == ALL) {
      return values[metric.ordinal()];
    }
    long bit = 1L << metric.ordinal();
    return (present & bit) == 0 ? 0 : values[Long.bitCount(present & (bit - 1))];
  }

  /** The index of {@code ordinal}'s slot, made (zero) when it has none. */
  private int slot(int ordinal) {
    if (++writes > DENSE_AFTER_WRITES) {
      makeDense();
      return ordinal;
    }
    long bit = 1L << ordinal;
    int i = Long.bitCount(present & (bit - 1));
    if ((present & bit) == 0) {
      int used = Long.bitCount(present);
      long[] to = values;
      if (used == values.length) {
        // doubling: the first event of a window fills many metrics one after the other
        to = new long[Math.min(METRICS.length, Math.max(4, 2 * used))];
        System.arraycopy(values, 0, to, 0, i);
      }
      System.arraycopy(values, i, to, i + 1, used - i);
      to[i] = 0;
      values = to;
      present |= bit;
    }
    return i;
  }

  private void makeDense() {
    long[] dense = new long[METRICS.length];
    long bits = present;
    for (int slot = 0; bits != 0; slot++) {
      dense[Long.numberOfTrailingZeros(bits)] = values[slot];
      bits &= bits - 1;
    }
    values = dense;
    present = ALL;
  }

  public void mergeFrom(Counters other) {
    if (present == 0) {
      // into an empty one (a sum over windows starts so): a copy, sums and maxima alike
      present = other.present;
      values = Arrays.copyOf(other.values, Long.bitCount(other.present));
      return;
    }
    long bits = other.present;
    if (present != ALL && (bits & ~present) != 0) {
      // the slots of all the other's new metrics made at once (a sum over a thread's windows:
      // growing one metric at a time made and dropped two or three arrays per sum)
      spread(present | bits);
    }
    for (int slot = 0; bits != 0; slot++) {
      int ordinal = Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      add(METRICS[ordinal], other.values[slot]);
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
