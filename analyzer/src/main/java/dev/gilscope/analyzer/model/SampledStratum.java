package dev.gilscope.analyzer.model;

/**
 * The total time of a stratum of operations (uncontended holds, the gaps after them, uncontended
 * entries) from the agent's 1-in-N sample of it. A plain scale-up multiplies each sample by N, so
 * one sample that took in the thread's preemption by another process (milliseconds, among samples
 * of microseconds) adds N times its length and can decide a verdict alone, differently in every
 * run. The agent counts the samples longer than 1 ms apart: when they are rare (under {@link
 * #RARE_LONG_SHARE} of the samples) they stand for themselves, not for N operations each, and the
 * short samples' mean is scaled to the rest; when they are common they are the workload's own (I/O
 * outside a lock, long critical sections) and scale like the others.
 */
public final class SampledStratum {
  /** Long samples in at most this share of a stratum's samples are counted at face value. */
  public static final double RARE_LONG_SHARE = 0.01;

  private SampledStratum() {}

  /**
   * Estimated nanoseconds of {@code population} operations of which {@code samples} were timed,
   * {@code nanos} in all, {@code longSamples} of them long ({@code longNanos}); 0 without samples.
   */
  public static double totalNanos(
      long population, long samples, double nanos, long longSamples, double longNanos) {
    if (samples <= 0) {
      return 0;
    }
    boolean rareLong = longSamples > 0 && longSamples < samples * RARE_LONG_SHARE;
    if (!rareLong || samples >= population) {
      return nanos * population / samples;
    }
    double shortMean = (nanos - longNanos) / (samples - longSamples);
    return shortMean * (population - longSamples) + longNanos;
  }
}
