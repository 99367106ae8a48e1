package dev.gilscope.analyzer.model;

/**
 * Amdahl's law for the threads of one monitor. Their time splits into the part spent holding the
 * monitor or getting it (hold, plus the request-to-acquisition time: the wait of a contended
 * acquisition, which includes the handoff latency, and the entry cost of an uncontended one) and
 * the part spent outside it (the gap from a release to the same thread's next request). The serial
 * fraction {@code s} is the first over both; {@code n} threads on enough cores then run at most
 * {@code 1 / (s + (1 - s) / n)} times as fast as one. The gaps are sampled by the agent in the same
 * two strata as the holds (after every contended acquisition's hold; 1 in N of the others), so
 * their total is estimated like {@link HoldTime}'s, each stratum scaled to the acquisitions it
 * stands for.
 */
public final class SerialFraction {
  private SerialFraction() {}

  /** Whether the counters hold any timed gap (recordings of older agents have none). */
  public static boolean measurable(Counters c) {
    return c.get(Metric.TIMED_GAPS) > 0 && c.get(Metric.TIMED_HOLDS) > 0;
  }

  /** Estimated nanoseconds the threads spent outside the monitor; 0 when no gap was timed. */
  public static double gapNanos(Counters c) {
    long sampled = c.get(Metric.SAMPLED_GAPS);
    long contendedGaps = c.get(Metric.TIMED_GAPS) - sampled;
    double sampledNanos = c.get(Metric.SAMPLED_GAP_NANOS);
    double contendedNanos = c.get(Metric.GAP_NANOS) - sampledNanos;
    long contended = c.get(Metric.CONTENDED);
    long uncontended = Math.max(0, c.get(Metric.ACQUISITIONS) - contended);
    if (sampled == 0 && contendedGaps == 0) {
      return 0;
    }
    // a stratum without a timed gap borrows the other's mean
    double meanSampled = sampled > 0 ? sampledNanos / sampled : contendedNanos / contendedGaps;
    double meanContended = contendedGaps > 0 ? contendedNanos / contendedGaps : meanSampled;
    double uncontendedPart =
        sampled > 0
            ? SampledStratum.totalNanos(
                uncontended,
                sampled,
                sampledNanos,
                c.get(Metric.SAMPLED_LONG_GAPS),
                c.get(Metric.SAMPLED_LONG_GAP_NANOS))
            : meanSampled * uncontended;
    return meanContended * contended + uncontendedPart;
  }

  /**
   * Estimated nanoseconds holding the monitor or getting it: holds, the measured waits of contended
   * acquisitions, and the entry cost of the uncontended ones (their sampled mean; 0 in recordings
   * of agents that did not time it).
   */
  public static double serialNanos(Counters c) {
    return HoldTime.totalNanos(c) + c.get(Metric.WAIT_NANOS) + entryNanos(c);
  }

  /** Estimated nanoseconds the uncontended acquisitions took from request to acquisition. */
  public static double entryNanos(Counters c) {
    long uncontended = Math.max(0, c.get(Metric.ACQUISITIONS) - c.get(Metric.CONTENDED));
    return SampledStratum.totalNanos(
        uncontended,
        c.get(Metric.TIMED_ENTRIES),
        c.get(Metric.ENTRY_NANOS),
        c.get(Metric.LONG_ENTRIES),
        c.get(Metric.LONG_ENTRY_NANOS));
  }

  /** The serial fraction {@code s}, 0..1; 0 when nothing was measured. */
  public static double of(Counters c) {
    double serial = serialNanos(c);
    double total = serial + gapNanos(c);
    return total <= 0 ? 0 : serial / total;
  }

  /** The share of the threads' time spent waiting or acquiring (waits and entries); 0..1. */
  public static double gettingShare(Counters c) {
    double total = serialNanos(c) + gapNanos(c);
    return total <= 0 ? 0 : (c.get(Metric.WAIT_NANOS) + entryNanos(c)) / total;
  }

  /**
   * The serial fraction when {@code costlessShare} of the threads' time was waiting that idled no
   * core (another thread ran on it): that time is neither serial nor work, and leaves both sides.
   */
  public static double of(Counters c, double costlessShare) {
    double s = of(c);
    return costlessShare <= 0 || costlessShare >= 1 ? s : (s - costlessShare) / (1 - costlessShare);
  }

  /** Amdahl's speed-up bound of {@code n} threads (on at least {@code n} cores) over one. */
  public static double bound(double s, int n) {
    return 1 / (s + (1 - s) / Math.max(1, n));
  }

  /**
   * The speed-up if {@code k} times less time were spent holding or getting the monitor, the rest
   * of that work moving outside it: {@code 1 / (s / k + (1 - s / k) / n)}.
   */
  public static double boundIfShorter(double s, int n, double k) {
    double serial = s / k;
    return 1 / (serial + (1 - serial) / Math.max(1, n));
  }

  /**
   * The speed-up if the monitor were split {@code ways} ways (independent monitors, threads spread
   * evenly over them): the serial part runs {@code min(ways, n)} at a time.
   */
  public static double boundIfSplit(double s, int n, int ways) {
    int parallelSerial = Math.max(1, Math.min(ways, n));
    return 1 / (s / parallelSerial + (1 - s) / Math.max(1, n));
  }
}
