package dev.gilscope.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of this JVM's exited and reaped children, from {@code /proc/self/stat}
 * (cutime + cstime): read before and after one child runs, the difference is that child's CPU time,
 * all its threads included. In clock ticks of 10 ms ({@code CLK_TCK} is 100 on Linux).
 */
final class ChildCpu {
  static final long NANOS_PER_TICK = 10_000_000L;

  private ChildCpu() {}

  /** Whether this system has the file (Linux). */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/self/stat"));
  }

  /** The CPU time of all reaped children so far, in nanoseconds. */
  static long reapedChildrenNanos() throws IOException {
    return fromStat(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII));
  }

  /** Fields 16 and 17 (cutime, cstime) of a stat line; the name in field 2 may hold spaces. */
  static long fromStat(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // fields[0] is field 3 (state): field n is fields[n - 3]
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
  }
}
