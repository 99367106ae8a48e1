package dev.gilscope.bench.jmh;

/**
 * The monitors the JMH benchmarks synchronize on. A top-level class, so the agent option reads
 * plainly: {@code monitor=dev.gilscope.bench.jmh.BenchMonitors#GIL}.
 */
public final class BenchMonitors {
  /** The monitor the agent is told to track in the agent configurations. */
  public static final Object GIL = new Object();

  /** A monitor the agent never tracks: what instrumentation costs everybody else. */
  public static final Object UNTRACKED = new Object();

  private BenchMonitors() {}
}
