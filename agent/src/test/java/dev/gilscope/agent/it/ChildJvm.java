package dev.gilscope.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Launches a test program in a child JVM with the packaged agent jar, and captures its output. */
final class ChildJvm {
  static final Path AGENT_JAR =
      Path.of(System.getProperty("gilscope.agent.jar", "target/gilscope-agent.jar"))
          .toAbsolutePath();
  static final Path TEST_CLASSES =
      Path.of(System.getProperty("gilscope.test.classes", "target/test-classes")).toAbsolutePath();
  static final Path JFC = AGENT_JAR.resolveSibling("gilscope.jfc");

  private final Path java;
  private final List<String> jvmArgs = new ArrayList<>();
  private String classPath = TEST_CLASSES.toString();

  ChildJvm(Path javaHome) {
    this.java = javaHome.resolve("bin").resolve("java");
  }

  ChildJvm agent(String options) {
    jvmArgs.add("-javaagent:" + AGENT_JAR + "=" + options);
    return this;
  }

  ChildJvm jvmArg(String arg) {
    jvmArgs.add(arg);
    return this;
  }

  ChildJvm classPath(String cp) {
    classPath = cp;
    return this;
  }

  Result run(String mainClass, String... args) throws IOException, InterruptedException {
    return start(mainClass, args).finish(120);
  }

  Running start(String mainClass, String... args) throws IOException {
    List<String> launch = new ArrayList<>(List.of("-cp", classPath, mainClass));
    launch.addAll(List.of(args));
    return launch(launch);
  }

  /**
   * Starts the JVM with the agent and {@code launch} as its arguments, e.g. {@code -m mod/main}.
   */
  Running launch(List<String> launch) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmArgs);
    command.addAll(launch);
    Path out = Files.createTempFile("gilscope-it-", ".out");
    Path err = Files.createTempFile("gilscope-it-", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new Running(process, out, err, command);
  }

  static final class Running {
    final Process process;
    private final Path out;
    private final Path err;
    private final List<String> command;

    Running(Process process, Path out, Path err, List<String> command) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.command = command;
    }

    /** Waits until the child printed {@code line} on stdout. */
    void awaitLine(String line, long timeoutSeconds) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (System.nanoTime() < deadline) {
        if (Files.readAllLines(out, StandardCharsets.UTF_8).contains(line)) {
          return;
        }
        assertThat(process.isAlive()).as("child exited early: %s", Files.readString(err)).isTrue();
        Thread.sleep(50);
      }
      throw new AssertionError("child never printed " + line + ": " + Files.readString(err));
    }

    Result finish(long timeoutSeconds) throws IOException, InterruptedException {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("child JVM timed out: " + command);
      }
      Result r =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    }
  }

  static final class Result {
    final int exitCode;
    final String stdout;
    final String stderr;

    Result(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /** The {@code name=value} lines the scenarios print. */
    Map<String, String> expectations() {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : stdout.split("\\R")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return values;
    }

    long expected(String name) {
      String v = expectations().get(name);
      assertThat(v).as("the child did not print %s; stdout:%n%s", name, stdout).isNotNull();
      return Long.parseLong(v);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
