package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.GilInterpreterWorkload;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-app overhead, side by side: runs {@link GilInterpreterWorkload} in child JVMs under each
 * {@link Configuration} (no agent; gilscope default and {@code detail=all}; the JDK's {@code
 * jdk.JavaMonitorEnter} at threshold 0; async-profiler's lock mode; gilscope tracking a monitor the
 * workload never takes), alternating configurations run by run so that drift in the machine's load
 * hits all of them alike. Reports medians, min/max and ratios to the no-agent runs, and checks each
 * tool's count of the workload's acquisitions against the workload's exact count.
 *
 * <p>Runs on the main thread, one child JVM at a time; a child's recording is read (and deleted)
 * between runs, never while one is being timed.
 *
 * <p>HOW TO RUN: {@code java -cp benchmarks/target/gilscope-benchmarks.jar
 * dev.gilscope.bench.overhead.OverheadHarness --runs 5} (see {@link HarnessOptions#USAGE}); the
 * table goes to stdout, {@code summary.json} and {@code runs.csv} to {@code
 * benchmarks/target/overhead/}.
 */
public final class OverheadHarness {
  private final HarnessOptions options;
  private final ChildJvm child;
  private final PrintStream out;

  OverheadHarness(HarnessOptions options, String classPath, PrintStream out) {
    this.options = options;
    this.child = new ChildJvm(options.java(), classPath, options.size());
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(HarnessOptions.USAGE);
      return;
    }
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(moduleDir(), args);
    } catch (IllegalArgumentException e) {
      System.err.println("gilscope overhead: " + e.getMessage());
      System.err.println(HarnessOptions.USAGE);
      System.exit(2);
      return;
    }
    String classPath = System.getProperty("java.class.path");
    boolean allSucceeded = new OverheadHarness(options, classPath, System.out).run();
    System.exit(allSucceeded ? 0 : 1);
  }

  /** Runs every round and writes the report; returns whether every run succeeded. */
  boolean run() throws IOException, InterruptedException {
    Path recordings = options.outDir().resolve("recordings");
    Path logs = options.outDir().resolve("logs");
    Files.createDirectories(recordings);
    Files.createDirectories(logs);
    List<Configuration> configurations = usableConfigurations();
    Path asyncProfiler = null;
    if (configurations.stream().anyMatch(Configuration::needsAsyncProfiler)) {
      asyncProfiler = AsyncProfilerLibrary.extractTo(options.outDir().resolve("lib"));
    }
    Map<String, String> environment = environment();
    environment.forEach((key, value) -> out.printf("%-22s %s%n", key, value));

    Map<Configuration, List<String>> jvmArgs = new EnumMap<>(Configuration.class);
    Map<Configuration, List<RunOutcome>> outcomes = new EnumMap<>(Configuration.class);
    for (Configuration configuration : configurations) {
      Path recording = recordings.resolve(configuration.id + ".jfr");
      jvmArgs.put(
          configuration, configuration.jvmArgs(options.agentJar(), asyncProfiler, recording));
      outcomes.put(configuration, new ArrayList<>());
      out.printf("%-22s %s%n", configuration.id, String.join(" ", jvmArgs.get(configuration)));
    }

    int rounds = options.warmupRounds() + options.runs();
    for (int round = 1; round <= rounds; round++) {
      boolean warmup = round <= options.warmupRounds();
      int measuredRound = round - options.warmupRounds();
      for (int i = 0; i < configurations.size(); i++) {
        // rotate the order each round: no configuration always runs first or after a heavy one
        Configuration configuration = configurations.get((i + round - 1) % configurations.size());
        RunOutcome outcome =
            runOnce(
                configuration,
                warmup ? 0 : measuredRound,
                jvmArgs.get(configuration),
                recordings,
                logs);
        out.println(progressLine(warmup ? "warm-up" : "round " + measuredRound, outcome));
        if (!warmup) {
          outcomes.get(configuration).add(outcome);
        }
      }
    }
    environment.put("loadAverageAtEnd", loadAverage());
    checkJit(configurations, jvmArgs, logs, environment);

    List<ConfigurationResult> results = new ArrayList<>();
    ConfigurationResult baseline = null;
    for (Configuration configuration : configurations) {
      ConfigurationResult result =
          ConfigurationResult.of(
              configuration,
              jvmArgs.get(configuration),
              outcomes.get(configuration),
              baseline,
              options.size().expectedAcquisitions());
      if (configuration == Configuration.NO_AGENT) {
        baseline = result;
      }
      results.add(result);
    }
    OverheadReport report = new OverheadReport(options, results, environment);
    report.printTable(out);
    report.writeFiles(options.outDir());
    out.println("\nwrote " + options.outDir().resolve("summary.json") + " and runs.csv");
    return results.stream().allMatch(result -> result.failedRuns() == 0);
  }

  /**
   * After the timed runs: which instrumented methods the JIT refuses under each agent configuration
   * (see {@link JitCheck}); goes into the environment block of the summary.
   */
  private void checkJit(
      List<Configuration> configurations,
      Map<Configuration, List<String>> jvmArgs,
      Path logs,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    for (Configuration configuration : configurations) {
      if (!configuration.needsAgent()) {
        continue;
      }
      List<String> args = new ArrayList<>(jvmArgs.get(configuration));
      // the diagnostic child must not overwrite a measured run's recording
      args.replaceAll(arg -> arg.replace(configuration.id + ".jfr", configuration.id + "-jit.jfr"));
      java.util.Set<String> methods =
          JitCheck.unbalancedMethods(
              options.java(), child.classPath(), args, logs.resolve(configuration.id + "-jit"));
      String verdict =
          methods.isEmpty()
              ? "every instrumented method JIT-compilable"
              : "NOT JIT-compilable (unbalanced monitors, runs interpreted): "
                  + String.join("; ", methods);
      environment.put("jitCheck." + configuration.id, verdict);
      out.printf("jit check %-22s %s%n", configuration.id, verdict);
    }
  }

  private RunOutcome runOnce(
      Configuration configuration, int round, List<String> jvmArgs, Path recordings, Path logs)
      throws IOException, InterruptedException {
    Path recording = recordings.resolve(configuration.id + ".jfr");
    Files.deleteIfExists(recording);
    String logName = configuration.id + (round == 0 ? "-warmup" : "-" + round);
    RunOutcome outcome = child.run(configuration, round, jvmArgs, logs.resolve(logName));
    RecordingCount count =
        configuration.recorder == Configuration.Recorder.NONE
            ? RecordingCount.NOT_RECORDED
            : RecordingCounter.count(recording);
    if (!options.keepRecordings()) {
      Files.deleteIfExists(recording);
    } else if (Files.exists(recording)) {
      Files.move(recording, recordings.resolve(logName + ".jfr"));
    }
    return new RunOutcome(
        outcome.configuration(),
        outcome.round(),
        outcome.processWallNanos(),
        outcome.workload(),
        count,
        outcome.failure());
  }

  private List<Configuration> usableConfigurations() {
    List<Configuration> usable = new ArrayList<>();
    for (Configuration configuration : options.runnableConfigurations()) {
      if (configuration.needsAsyncProfiler() && !AsyncProfilerLibrary.supportedHere()) {
        out.println(
            "skipping " + configuration.id + ": async-profiler is bundled for linux-x64 only");
      } else {
        usable.add(configuration);
      }
    }
    for (Configuration configuration : options.configurations()) {
      if (!usable.contains(configuration) && configuration.needsAgent()) {
        out.println("skipping " + configuration.id + ": no agent jar at " + options.agentJar());
      }
    }
    return usable;
  }

  private static String progressLine(String round, RunOutcome outcome) {
    if (!outcome.succeeded()) {
      return String.format(
          Locale.ROOT,
          "%-8s %-22s FAILED: %s",
          round,
          outcome.configuration().id,
          outcome.failure());
    }
    long recorded = outcome.recording().recordedAcquisitions(outcome.configuration().recorder);
    return String.format(
        Locale.ROOT,
        "%-8s %-22s workload %6.0f ms  process %6.0f ms  %5.2fM acq/s  jit %5d ms"
            + "  other load %4.2f CPUs  acquisitions %d%s",
        round,
        outcome.configuration().id,
        outcome.workload().workloadNanos() / 1e6,
        outcome.processWallNanos() / 1e6,
        outcome.workload().acquisitionsPerSecond() / 1e6,
        outcome.workload().jitMillis(),
        outcome.workload().otherLoadCpus(),
        outcome.workload().acquisitions(),
        outcome.configuration().recorder == Configuration.Recorder.NONE
            ? ""
            : outcome.recording().present() ? "  recorded " + recorded : "  (no recording)");
  }

  private Map<String, String> environment() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("java", options.java().toString());
    environment.put("javaVersion", Runtime.version().toString());
    environment.put(
        "availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    environment.put("loadAverageAtStart", loadAverage());
    Path agent = options.agentJar();
    environment.put(
        "agentJar",
        Files.isRegularFile(agent)
            ? agent + " (" + Files.size(agent) + " bytes, " + Files.getLastModifiedTime(agent) + ")"
            : agent + " (missing)");
    environment.put("workloadThreads", Integer.toString(options.size().threads()));
    environment.put("acquisitionsPerRun", Long.toString(options.size().expectedAcquisitions()));
    return environment;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The benchmarks module directory: the jar (or classes directory) sits in its target/. */
  private static Path moduleDir() throws URISyntaxException {
    Path location =
        Path.of(OverheadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = location.getParent();
    Path module = target == null ? null : target.getParent();
    return module == null ? Path.of(".").toAbsolutePath() : module;
  }
}
