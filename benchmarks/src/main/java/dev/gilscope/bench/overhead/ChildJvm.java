package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.GilInterpreterWorkload;
import dev.gilscope.bench.workload.WorkloadResult;
import dev.gilscope.bench.workload.WorkloadSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches the workload in a fresh JVM with one configuration's options, times it from launch to
 * exit, and parses the workload's result line from its stdout. The child's stdout and stderr go to
 * files in the output directory (never to pipes the harness would have to drain while timing).
 */
final class ChildJvm {
  private static final long TIMEOUT_SECONDS = 300;

  private final Path java;
  private final String classPath;
  private final WorkloadSize size;

  ChildJvm(Path java, String classPath, WorkloadSize size) {
    this.java = java;
    this.classPath = classPath;
    this.size = size;
  }

  /** The full command line of a child JVM with these extra JVM options. */
  List<String> command(List<String> jvmArgs) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(GilInterpreterWorkload.class.getName());
    command.addAll(List.of(size.toArgs()));
    return command;
  }

  /** Runs one child; the result's recording count is left empty for the caller to fill in. */
  RunOutcome run(Configuration configuration, int round, List<String> jvmArgs, Path logPrefix)
      throws IOException, InterruptedException {
    Path stdout = Path.of(logPrefix + ".out");
    Path stderr = Path.of(logPrefix + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command(jvmArgs))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    long startNanos = System.nanoTime();
    Process process = builder.start();
    boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    long wallNanos = System.nanoTime() - startNanos;
    if (!exited) {
      process.destroyForcibly();
      return failed(configuration, round, wallNanos, "timed out after " + TIMEOUT_SECONDS + " s");
    }
    WorkloadResult result = resultLine(stdout);
    if (process.exitValue() != 0 || result == null) {
      return failed(
          configuration,
          round,
          wallNanos,
          "exit code " + process.exitValue() + ", see " + stderr + ": " + firstLine(stderr));
    }
    return new RunOutcome(
        configuration, round, wallNanos, result, RecordingCount.NOT_RECORDED, null);
  }

  private static RunOutcome failed(
      Configuration configuration, int round, long wallNanos, String why) {
    return new RunOutcome(configuration, round, wallNanos, null, RecordingCount.NOT_RECORDED, why);
  }

  private static WorkloadResult resultLine(Path stdout) throws IOException {
    for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
      if (line.startsWith(GilInterpreterWorkload.RESULT_PREFIX + " ")) {
        return WorkloadResult.parseLine(line);
      }
    }
    return null;
  }

  private static String firstLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "(empty)" : lines.get(0);
  }
}
