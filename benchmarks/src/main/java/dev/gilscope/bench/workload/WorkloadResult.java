package dev.gilscope.bench.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link GilInterpreterWorkload} run measured, and its one-line wire form {@code
 * gilscope-workload key=value ...} that the harness reads back from the child's stdout.
 *
 * @param acquisitions exact count of GIL acquisitions, counted under the lock
 * @param workloadNanos wall time from the threads' common start to the last join
 * @param cpuNanos process CPU time over the same span (all threads, JIT, GC and agent included)
 * @param machineBusyNanos CPU time all processes on the machine spent over the same span, or -1
 * @param jitMillis time the JIT compilers spent compiling over the same span ({@code
 *     CompilationMXBean}), or -1 where unknown: one-time cost that competes for the cores
 * @param secondHalfNanos wall time of the second half of the acquisitions, from the one that
 *     completed the first half to the last join, or -1 where unknown: closer to the steady state,
 *     after most of the JIT's one-time work
 * @param counter the interpreter's shared counter at the end
 * @param expectedCounter what {@code counter} must be if no update was lost, or -1 if not computed
 */
public record WorkloadResult(
    WorkloadSize size,
    long acquisitions,
    long workloadNanos,
    long cpuNanos,
    long machineBusyNanos,
    long jitMillis,
    long secondHalfNanos,
    int counter,
    long expectedCounter) {

  /** Whether the shared counter shows no lost update (compared modulo 2^32, as it wraps). */
  public boolean counterMatches() {
    return expectedCounter >= 0 && counter == (int) expectedCounter;
  }

  /**
   * How many CPUs other processes kept busy, on average, while the workload ran (0 on a quiet
   * machine; NaN where unknown). On 2 cores, anything above ~0.1 makes the run's timing suspect.
   */
  public double otherLoadCpus() {
    if (machineBusyNanos < 0 || cpuNanos < 0) {
      return Double.NaN;
    }
    return Math.max(0, machineBusyNanos - cpuNanos) / (double) workloadNanos;
  }

  /** Acquisitions per second of workload wall time. */
  public double acquisitionsPerSecond() {
    return acquisitions * 1e9 / workloadNanos;
  }

  public String toLine() {
    StringBuilder line = new StringBuilder(GilInterpreterWorkload.RESULT_PREFIX);
    fields().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  private Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("threads", Integer.toString(size.threads()));
    fields.put("windowsPerThread", Long.toString(size.windowsPerThread()));
    fields.put("instructionsPerWindow", Integer.toString(size.instructionsPerWindow()));
    fields.put("acquisitions", Long.toString(acquisitions));
    fields.put("workloadNanos", Long.toString(workloadNanos));
    fields.put("cpuNanos", Long.toString(cpuNanos));
    fields.put("machineBusyNanos", Long.toString(machineBusyNanos));
    fields.put("jitMillis", Long.toString(jitMillis));
    fields.put("secondHalfNanos", Long.toString(secondHalfNanos));
    fields.put("acquisitionsPerSecond", Long.toString(Math.round(acquisitionsPerSecond())));
    fields.put("counter", Integer.toString(counter));
    fields.put("expectedCounter", Long.toString(expectedCounter));
    return fields;
  }

  /**
   * Parses a {@link #toLine()} line.
   *
   * @throws IllegalArgumentException if the line is not a workload result
   */
  public static WorkloadResult parseLine(String line) {
    String prefix = GilInterpreterWorkload.RESULT_PREFIX + " ";
    if (!line.startsWith(prefix)) {
      throw new IllegalArgumentException("not a workload result line: '" + line + "'");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : line.substring(prefix.length()).trim().split(" +", -1)) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("bad field '" + pair + "' in '" + line + "'");
      }
      fields.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    WorkloadSize size =
        new WorkloadSize(
            Integer.parseInt(required(fields, "threads")),
            Long.parseLong(required(fields, "windowsPerThread")),
            Integer.parseInt(required(fields, "instructionsPerWindow")),
            Long.parseLong(required(fields, "expectedCounter")) >= 0);
    return new WorkloadResult(
        size,
        Long.parseLong(required(fields, "acquisitions")),
        Long.parseLong(required(fields, "workloadNanos")),
        Long.parseLong(required(fields, "cpuNanos")),
        Long.parseLong(required(fields, "machineBusyNanos")),
        Long.parseLong(fields.getOrDefault("jitMillis", "-1")),
        Long.parseLong(fields.getOrDefault("secondHalfNanos", "-1")),
        Integer.parseInt(required(fields, "counter")),
        Long.parseLong(required(fields, "expectedCounter")));
  }

  private static String required(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null) {
      throw new IllegalArgumentException("workload result lacks '" + key + "'");
    }
    return value;
  }
}
