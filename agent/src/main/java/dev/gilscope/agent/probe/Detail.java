package dev.gilscope.agent.probe;

/**
 * The detail level and sampling settings the probe reads on every acquisition. Written once at
 * premain (before any instrumented code runs), read by every thread as plain static fields.
 */
public final class Detail {
  public static final int CONTENDED = 0;
  public static final int ALL = 1;
  public static final int THRESHOLD = 2;
  public static final int SAMPLED = 3;

  /**
   * A hold event for every acquisition (it carries the acquisition's sequence), acquire events only
   * for contended acquisitions: one JFR event per uncontended acquisition instead of two.
   */
  public static final int HOLDS = 4;

  static int level = CONTENDED;

  /**
   * ALL, HOLDS and THRESHOLD time every hold; the others time contended holds plus one in {@link
   * #sampleEvery}.
   */
  static boolean timeEveryHold;

  static int sampleEvery = 1000;

  /**
   * A sampled hold, gap or entry longer than this is counted apart as well (see MonitorState): a
   * Linux time slice is a few milliseconds, so a microsecond-scale sample this long has usually
   * taken in the thread's preemption.
   */
  static final long LONG_SAMPLE_NANOS = 1_000_000;

  static long thresholdNanos;

  private Detail() {}

  public static void configure(
      int detailLevel, int sample, long thresholdNanosValue, boolean jdkMonitors) {
    Emitter.setGuardNeeded(jdkMonitors);
    level = detailLevel;
    timeEveryHold = detailLevel == ALL || detailLevel == HOLDS || detailLevel == THRESHOLD;
    sampleEvery = Math.max(1, sample);
    thresholdNanos = Math.max(0, thresholdNanosValue);
  }

  public static String name() {
    switch (level) {
      case ALL:
        return "all";
      case THRESHOLD:
        return "threshold";
      case SAMPLED:
        return "sampled";
      case HOLDS:
        return "holds";
      default:
        return "contended";
    }
  }
}
