package dev.gilscope.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine spent busy, from Linux's {@code /proc/stat}, so that a run can say how
 * much of the machine other processes took while it ran: on a 2-core machine shared with other
 * builds, that is the main source of noise in wall-clock ratios. Resolution is one clock tick (10
 * ms); -1 where {@code /proc/stat} is not readable.
 */
final class MachineCpu {
  private static final Path PROC_STAT = Path.of("/proc/stat");
  private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux

  private MachineCpu() {}

  /** Busy time of all CPUs since boot: user, nice, system, irq, softirq and steal. */
  static long busyNanos() {
    try {
      String first = Files.readAllLines(PROC_STAT).get(0);
      String[] fields = first.trim().split("\\s+", -1);
      if (!fields[0].equals("cpu") || fields.length < 9) {
        return -1;
      }
      long busyTicks = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busyTicks += Long.parseLong(fields[field]);
      }
      return busyTicks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
