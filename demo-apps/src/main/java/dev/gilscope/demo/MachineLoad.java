package dev.gilscope.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Says whether other processes are competing for the cores a scenario is about to measure. The
 * demos compare wall-clock times of runs with different thread counts; on a machine whose cores are
 * busy with other work those comparisons measure the scheduler's sharing, not the lock. Called once
 * by the main thread before a scenario runs.
 *
 * <p>On Linux it measures, over {@link #SAMPLE_MILLIS}, the CPU time every other process used
 * ({@code /proc/stat} minus {@code /proc/self/stat}): the load average would also count the build
 * that launched this JVM and is now idle waiting for it, and it lags by a minute. Elsewhere it
 * falls back to the load average.
 */
public final class MachineLoad {
  /** Above this many CPUs used by other processes, they compete noticeably for the cores. */
  static final double BUSY_OTHER_CPUS = 0.5;

  /** Above this load per core (fallback without /proc), other work competes for the CPU. */
  static final double BUSY_LOAD_PER_CORE = 0.75;

  static final long SAMPLE_MILLIS = 500;

  private MachineLoad() {}

  /** A one-line warning when the machine is busy, empty when it is quiet or unknown. */
  public static Optional<String> warning() {
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      long[] before = sample();
      Thread.sleep(SAMPLE_MILLIS);
      long[] after = sample();
      return otherCpusWarning(otherCpus(before, after, cores), cores);
    } catch (IOException | RuntimeException e) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return warning(load, cores);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {busy jiffies of all CPUs, all jiffies of all CPUs, this process's jiffies}. */
  private static long[] sample() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
    String[] f = cpu.trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length; i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0); // idle + iowait
    String self = Files.readString(Path.of("/proc/self/stat"));
    // fields after the command name, which may contain spaces: state is field 3, utime 14, stime 15
    String[] s = self.substring(self.lastIndexOf(')') + 2).split(" ");
    long own = Long.parseLong(s[11]) + Long.parseLong(s[12]);
    return new long[] {total - idle, total, own};
  }

  static double otherCpus(long[] before, long[] after, int cores) {
    long elapsedPerCpu = (after[1] - before[1]) / Math.max(1, cores);
    if (elapsedPerCpu <= 0) {
      return 0;
    }
    long otherBusy = (after[0] - before[0]) - (after[2] - before[2]);
    return Math.max(0, (double) otherBusy / elapsedPerCpu);
  }

  static Optional<String> otherCpusWarning(double otherCpus, int cores) {
    if (otherCpus <= BUSY_OTHER_CPUS) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "note: other processes used %.1f of %d CPUs just before this run: they compete"
                + " for the CPU, so wall-clock comparisons between runs are unreliable",
            otherCpus,
            cores));
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
