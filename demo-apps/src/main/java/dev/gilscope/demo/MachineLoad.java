package dev.gilscope.demo;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * Says whether other processes are competing for the cores a scenario is about to measure. The
 * demos compare wall-clock times of runs with different thread counts; on a machine whose cores are
 * busy with other work those comparisons measure the scheduler's sharing, not the lock. Called once
 * by the main thread before a scenario runs; costs one {@code getloadavg}.
 */
public final class MachineLoad {
  /** Above this load per core, other work competes noticeably for the CPU. */
  static final double BUSY_LOAD_PER_CORE = 0.75;

  private MachineLoad() {}

  /** A one-line warning when the machine is busy, empty when it is quiet or unknown. */
  public static Optional<String> warning() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    return warning(load, cores);
  }

  static Optional<String> warning(double loadAverage, int cores) {
    if (loadAverage < 0 || loadAverage <= BUSY_LOAD_PER_CORE * cores) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "note: system load average %.1f on %d cores before this run: other processes compete"
                + " for the CPU, so wall-clock comparisons between runs are unreliable",
            loadAverage,
            cores));
  }
}
