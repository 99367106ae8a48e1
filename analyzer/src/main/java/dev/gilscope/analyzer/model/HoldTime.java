package dev.gilscope.analyzer.model;

/**
 * The total time a monitor was held, from gilscope's timed holds. The agent times the hold of every
 * contended acquisition and of a 1-in-N sample of the uncontended ones (all of them at {@code
 * detail=all}); since agent 0.1.0's {@code sampledHolds}/{@code sampledHold} statistics keep the
 * sampled stratum apart, the total is estimated without bias: the contended holds as measured plus
 * the sampled uncontended holds scaled to every uncontended acquisition. Older recordings only have
 * the mixed sum, which scaled to all acquisitions over-weights the (usually longer) contended
 * holds.
 */
public final class HoldTime {
  private HoldTime() {}

  /** How {@link #totalNanos(Counters)} was obtained. */
  public enum Basis {
    /** Every acquisition's hold was timed. */
    EXACT("exact"),
    /** Contended holds measured, uncontended ones scaled from a uniform sample: unbiased. */
    STRATIFIED_SAMPLE("estimated-from-sample"),
    /** Older agents: the mixed sum scaled to all acquisitions, an upper estimate. */
    SCALED_MIXED_SAMPLE("scaled-sample-biased-high");

    private final String label;

    Basis(String label) {
      this.label = label;
    }

    /** The name used in reports, e.g. JSON's {@code utilizationBasis}. */
    public String label() {
      return label;
    }
  }

  /** The basis of the estimate, or null when no hold was timed. */
  public static Basis basis(Counters c) {
    long timed = c.get(Metric.TIMED_HOLDS);
    if (timed == 0) {
      return null;
    }
    long sampled = c.get(Metric.SAMPLED_HOLDS);
    long uncontended = uncontended(c);
    if (sampled > 0 || uncontended == 0) {
      return sampled >= uncontended ? Basis.EXACT : Basis.STRATIFIED_SAMPLE;
    }
    return timed >= c.get(Metric.ACQUISITIONS) ? Basis.EXACT : Basis.SCALED_MIXED_SAMPLE;
  }

  /** Estimated nanoseconds held in total; 0 when no hold was timed. */
  public static double totalNanos(Counters c) {
    Basis basis = basis(c);
    if (basis == null) {
      return 0;
    }
    double measured = c.get(Metric.HOLD_NANOS);
    return switch (basis) {
      case EXACT -> measured;
      case STRATIFIED_SAMPLE -> {
        double sampledNanos = c.get(Metric.SAMPLED_HOLD_NANOS);
        yield measured
            - sampledNanos
            + SampledStratum.totalNanos(
                uncontended(c),
                c.get(Metric.SAMPLED_HOLDS),
                sampledNanos,
                c.get(Metric.SAMPLED_LONG_HOLDS),
                c.get(Metric.SAMPLED_LONG_HOLD_NANOS));
      }
      case SCALED_MIXED_SAMPLE -> measured * c.get(Metric.ACQUISITIONS) / c.get(Metric.TIMED_HOLDS);
    };
  }

  /** Fraction of {@code windowNanos} the monitor was held, at most 1; 0 when nothing was timed. */
  public static double utilization(Counters c, long windowNanos) {
    return windowNanos <= 0 ? 0 : Math.min(1, totalNanos(c) / windowNanos);
  }

  private static long uncontended(Counters c) {
    return Math.max(0, c.get(Metric.ACQUISITIONS) - c.get(Metric.CONTENDED));
  }
}
