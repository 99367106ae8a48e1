package dev.gilscope.bench.overhead;

import dev.gilscope.bench.CommandLines;
import dev.gilscope.bench.workload.WorkloadSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The overhead harness's command line, parsed and validated; {@link #USAGE} lists every option.
 *
 * @param runs measured runs per configuration (medians need at least 5)
 * @param warmupRounds rounds of every configuration run first and discarded (page cache, CDS)
 * @param size the workload's size, identical in every run
 * @param configurations the configurations, run in rotating order within each round
 * @param agentJar the gilscope agent jar
 * @param java the {@code java} launcher for the child JVMs
 * @param outDir where recordings, logs and the summary go
 * @param keepRecordings keep every run's recording instead of deleting it once counted
 */
record HarnessOptions(
    int runs,
    int warmupRounds,
    WorkloadSize size,
    List<Configuration> configurations,
    Path agentJar,
    Path java,
    Path outDir,
    boolean keepRecordings) {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: java -cp gilscope-benchmarks.jar dev.gilscope.bench.overhead.OverheadHarness"
              + " [options]",
          "  --runs N                 measured runs per configuration (default 5)",
          "  --warmup-rounds N        discarded rounds of all configurations first (default 1)",
          "  --windows N              lock windows per workload thread (default "
              + WorkloadSize.DEFAULT_WINDOWS_PER_THREAD
              + ", ~3 s)",
          "  --threads N              workload threads (default 2)",
          "  --configs a,b,...        configurations to run (default all): " + Configuration.ids(),
          "  --agent PATH             gilscope agent jar (default agent/target/gilscope-agent.jar"
              + " next to this jar's module)",
          "  --java PATH              java launcher for the child JVMs (default: this JVM's)",
          "  --out DIR                output directory (default benchmarks/target/overhead)",
          "  --keep-recordings        keep every run's .jfr instead of deleting it once counted");

  HarnessOptions {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
    }
    if (warmupRounds < 0) {
      throw new IllegalArgumentException("--warmup-rounds must not be negative");
    }
    if (configurations.isEmpty()) {
      throw new IllegalArgumentException("--configs names no configuration");
    }
    configurations = List.copyOf(configurations);
  }

  /**
   * Parses the command line.
   *
   * @param defaultModuleDir the benchmarks module directory that relative defaults hang off
   * @throws IllegalArgumentException on an unknown option or a bad value
   */
  static HarnessOptions parse(Path defaultModuleDir, String... args) {
    CommandSpec command = CommandLines.command("OverheadHarness");
    for (String option :
        List.of(
            "--runs",
            "--warmup-rounds",
            "--threads",
            "--windows",
            "--configs",
            "--agent",
            "--java",
            "--out")) {
      command.addOption(CommandLines.valued(option, "VALUE"));
    }
    command.addOption(CommandLines.flag("--keep-recordings"));
    ParseResult parsed = CommandLines.parse(command, args);
    String configs = parsed.matchedOptionValue("--configs", null);
    String agent = parsed.matchedOptionValue("--agent", null);
    String java = parsed.matchedOptionValue("--java", null);
    String out = parsed.matchedOptionValue("--out", null);
    WorkloadSize size =
        new WorkloadSize(
            intValue(parsed, "--threads", WorkloadSize.DEFAULT_THREADS),
            longValue(parsed, "--windows", WorkloadSize.DEFAULT_WINDOWS_PER_THREAD),
            WorkloadSize.DEFAULT_INSTRUCTIONS_PER_WINDOW,
            false);
    return new HarnessOptions(
        intValue(parsed, "--runs", 5),
        intValue(parsed, "--warmup-rounds", 1),
        size,
        configs == null ? Arrays.asList(Configuration.values()) : parseConfigurations(configs),
        agent == null
            ? defaultModuleDir.resolve("../agent/target/gilscope-agent.jar").normalize()
            : Path.of(agent),
        java == null ? Path.of(System.getProperty("java.home"), "bin", "java") : Path.of(java),
        out == null ? defaultModuleDir.resolve("target/overhead") : Path.of(out),
        parsed.hasMatchedOption("--keep-recordings"));
  }

  /** The configurations that can run here: gilscope ones need the agent jar to exist. */
  List<Configuration> runnableConfigurations() {
    List<Configuration> runnable = new ArrayList<>();
    for (Configuration configuration : configurations) {
      if (!configuration.needsAgent() || Files.isRegularFile(agentJar)) {
        runnable.add(configuration);
      }
    }
    return runnable;
  }

  private static List<Configuration> parseConfigurations(String list) {
    List<Configuration> configurations = new ArrayList<>();
    for (String id : list.split(",", -1)) {
      if (!id.isBlank()) {
        Configuration configuration = Configuration.byId(id.trim());
        if (!configurations.contains(configuration)) {
          configurations.add(configuration);
        }
      }
    }
    if (!configurations.contains(Configuration.NO_AGENT)) {
      // every ratio is against the no-agent runs of the same rounds
      configurations.add(0, Configuration.NO_AGENT);
    }
    return configurations;
  }

  private static int intValue(ParseResult parsed, String option, int absent) {
    String value = parsed.matchedOptionValue(option, null);
    return value == null ? absent : intValue(option, value);
  }

  private static long longValue(ParseResult parsed, String option, long absent) {
    String value = parsed.matchedOptionValue(option, null);
    return value == null ? absent : longValue(option, value);
  }

  private static int intValue(String option, String value) {
    long parsed = longValue(option, value);
    if (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(option + " is out of range: " + value);
    }
    return (int) parsed;
  }

  private static long longValue(String option, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'", e);
    }
  }
}
