package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.WorkloadSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the methods an agent instrumented can still be JIT-compiled. HotSpot's compilers
 * refuse a method whose {@code monitorenter}/{@code monitorexit} it cannot prove balanced on every
 * path, exceptions included (for instance a call that can throw between a {@code monitorenter} and
 * the start of the handler that releases it); such a method runs in the interpreter for the JVM's
 * whole life, 10-50x slower, which no timing ratio explains by itself. The JVM names those methods
 * under {@code -Xlog:monitormismatch=info}; this runs one short diagnostic child per configuration
 * with that log on and collects them. Not part of the timed runs.
 */
final class JitCheck {
  static final String MISMATCH = "Monitor mismatch in method";
  private static final WorkloadSize SIZE = new WorkloadSize(2, 200_000, 100, false);

  private JitCheck() {}

  /**
   * The instrumented methods the JIT refused, e.g. {@code Workload::loop: reason}; empty if none.
   */
  static Set<String> unbalancedMethods(
      Path java, String classPath, List<String> jvmArgs, Path logPrefix)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(jvmArgs);
    args.add("-Xlog:monitormismatch=info");
    RunOutcome outcome =
        new ChildJvm(java, classPath, SIZE).run(Configuration.NO_AGENT, 0, args, logPrefix);
    Set<String> methods = new TreeSet<>();
    Path stdout = Path.of(logPrefix + ".out");
    if (Files.exists(stdout)) {
      for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
        int at = line.indexOf(MISMATCH);
        if (at >= 0) {
          methods.add(line.substring(at + MISMATCH.length()).trim());
        }
      }
    }
    if (!outcome.succeeded()) {
      methods.add("(diagnostic run failed: " + outcome.failure() + ")");
    }
    return methods;
  }
}
