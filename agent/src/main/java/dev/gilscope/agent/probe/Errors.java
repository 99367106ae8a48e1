package dev.gilscope.agent.probe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what went wrong inside the agent, reported in {@code gilscope.AgentStatus}. Any
 * thread; an atomic increment per call, which only happens on error paths.
 */
public final class Errors {
  private static final AtomicLong SUPPRESSED = new AtomicLong();
  private static final AtomicInteger INSTRUMENTED = new AtomicInteger();
  private static final AtomicInteger SKIPPED = new AtomicInteger();
  private static volatile boolean debug;

  private Errors() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  /** Called by the probe instead of throwing into application code. */
  public static void suppressed(Throwable t) {
    long n = SUPPRESSED.incrementAndGet();
    if (debug && n <= 10) {
      System.err.println("gilscope: suppressed probe error #" + n + ": " + t);
      t.printStackTrace();
    }
  }

  public static long suppressedCount() {
    return SUPPRESSED.get();
  }

  public static void classInstrumented() {
    INSTRUMENTED.incrementAndGet();
  }

  public static void classSkipped() {
    SKIPPED.incrementAndGet();
  }

  public static int instrumentedClasses() {
    return INSTRUMENTED.get();
  }

  public static int skippedClasses() {
    return SKIPPED.get();
  }
}
