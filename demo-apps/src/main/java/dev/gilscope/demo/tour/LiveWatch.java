package dev.gilscope.demo.tour;

import dev.gilscope.demo.JavaCommand;
import dev.gilscope.demo.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tour's live part: one scenario started <em>without</em> the agent, and {@code gilscope watch
 * <pid>} attached to it for a few seconds, its lines and findings echoed as they come. The scenario
 * is then stopped: it runs for minutes so that the watch never outlives it. A watch that fails, or
 * a scenario that dies before or during it, fails the tour, like a failed analysis.
 */
final class LiveWatch {
  /**
   * old-gil: its monitor is taken in a method called per check interval, which an attach changes
   * for its next call (a loaded class's {@code synchronized} methods, kv-store's, keep their
   * modifiers, and their contention is not seen).
   */
  static final String SCENARIO = "old-gil";

  static final String DURATION = "5s";
  static final String INTERVAL = "1s";
  private static final long TARGET_START_TIMEOUT_SECONDS = 60;
  private static final long WATCH_TIMEOUT_SECONDS = 120;
  private static final String INDENT = "  | ";

  private final ToolJars jars;
  private final Path outDirectory;
  private final PrintStream out;

  LiveWatch(ToolJars jars, Path outDirectory, PrintStream out) {
    this.jars = jars;
    this.outDirectory = outDirectory;
    this.out = out;
  }

  /**
   * The scenario's JVM: no {@code -javaagent}, a run far longer than the watch, in 1 s slices that
   * alternate 1 and 2 interpreter threads (the watch sees both within its seconds).
   */
  static List<String> targetCommand(Scenario scenario) {
    return JavaCommand.demoMain(
        List.of(), List.of(scenario.name(), "--seconds", "120", "--rounds", "120"));
  }

  /** {@code watch <pid> --monitor ... --duration 5s --interval 1s --agent <agent jar>}. */
  List<String> watchCommand(Scenario scenario, long pid) {
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.javaExecutable());
    command.add("-jar");
    command.add(jars.analyzer().toString());
    command.add("watch");
    command.add(Long.toString(pid));
    command.addAll(targetOptions(scenario.agentOptions()));
    command.addAll(
        List.of(
            "--duration", DURATION, "--interval", INTERVAL, "--agent", jars.agent().toString()));
    return command;
  }

  /** {@code monitor=A,lock=B} as the watch's {@code --monitor A --lock B}. */
  static List<String> targetOptions(String agentOptions) {
    List<String> options = new ArrayList<>();
    for (String option : agentOptions.split(",")) {
      int eq = option.indexOf('=');
      options.add("--" + option.substring(0, eq));
      options.add(option.substring(eq + 1));
    }
    return options;
  }

  /** Runs the live part; false when it failed (the reason is printed). */
  boolean run(Scenario scenario) throws IOException, InterruptedException {
    out.printf(
        "live: %s watched while it runs, started without the agent: %s%n",
        scenario.name(), scenario.summary());
    Path log = outDirectory.toAbsolutePath().resolve(scenario.name() + "-live.log");
    List<String> target = targetCommand(scenario);
    out.println("  run:      " + String.join(" ", Tour.displayed(target)) + " > " + log);
    long startNanos = System.nanoTime();
    Process process =
        new ProcessBuilder(target).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!awaitStarted(process, log)) {
        out.println(
            "  live watch failed: "
                + scenario.name()
                + " did not start"
                + (process.isAlive() ? " in " + TARGET_START_TIMEOUT_SECONDS + " s" : "")
                + "; its output is in "
                + log);
        return false;
      }
      List<String> watch = watchCommand(scenario, process.pid());
      out.println("  gilscope: " + String.join(" ", Tour.displayed(watch)));
      out.println();
      ChildProcess.Outcome outcome = ChildProcess.run(watch, WATCH_TIMEOUT_SECONDS, INDENT, out);
      String failure = watchFailure(outcome);
      if (failure == null && !process.isAlive()) {
        failure = scenario.name() + " ended during the watch; its output is in " + log;
      }
      if (failure != null) {
        out.println("  live watch failed: " + failure);
        return false;
      }
      out.printf(
          "%n  (%s ran on after the watch, pid %d; the tour stops it now; the live part took"
              + " %.1f s)%n",
          scenario.name(), process.pid(), (System.nanoTime() - startNanos) / 1e9);
      return true;
    } finally {
      stop(process);
    }
  }

  /**
   * Why the watch counts as failed, or null: exit status 0 with a line of the watched monitor. Its
   * {@code gilscope watch: ...} line says why it failed.
   */
  static String watchFailure(ChildProcess.Outcome outcome) {
    if (outcome.timedOut()) {
      return "the watch did not finish in " + WATCH_TIMEOUT_SECONDS + " s";
    }
    String message = outcome.output().strip();
    if (outcome.exitStatus() != 0) {
      return "exit status "
          + outcome.exitStatus()
          + (message.isEmpty() ? "" : ": " + message.replace("\n", "\n  "));
    }
    if (!message.contains("acquisitions/s")) {
      return "the watch saw no acquisition of the monitor";
    }
    return null;
  }

  /** The scenario printed its first line: its main method runs and its classes load. */
  private static boolean awaitStarted(Process process, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TARGET_START_TIMEOUT_SECONDS);
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains("\n")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
