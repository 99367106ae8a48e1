package dev.gilscope.analyzer.model;

/**
 * Average CPU load of one thread from jdk.ThreadCPULoad samples (user + system, 0..1 of one core).
 * Not thread-safe.
 */
public final class ThreadCpu {
  private double loadSum;
  private long samples;

  public void add(double load) {
    loadSum += load;
    samples++;
  }

  public long samples() {
    return samples;
  }

  public double averageLoad() {
    return samples == 0 ? 0 : loadSum / samples;
  }
}
