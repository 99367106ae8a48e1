package dev.gilscope.demo.tour;

import dev.gilscope.demo.JavaCommand;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.Scenarios;
import dev.gilscope.demo.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tour}: the seeds' story on this machine. Runs every scenario in a child JVM under the
 * gilscope agent ({@code -javaagent:<agent>=<scenario's options>,file=<out>/<scenario>.jfr}), then
 * the analyzer on the recording, and prints for each: what the scenario is and what to expect, the
 * scenario's own table, and the analyzer's findings. Then one scenario is shown live ({@link
 * LiveWatch}): started without the agent, watched by {@code gilscope watch <pid>} for a few seconds
 * ({@code --no-live} skips it).
 *
 * <p>Both jars must be built: without them the tour stops with one line saying how to build them. A
 * scenario that fails, writes no recording, or whose analysis fails (the analyzer's message is
 * shown) counts as a failed scenario, and the tour then exits with status 1; so does a failed live
 * watch.
 */
public final class Tour {
  private static final String RULE = "=".repeat(78);
  private static final String INDENT = "  | ";
  private static final long SCENARIO_TIMEOUT_SECONDS = 150;
  private static final long ANALYZER_TIMEOUT_SECONDS = 120;

  private final TourOptions options;
  private final List<Scenario> scenarios;
  private final ToolJars jars;
  private final PrintStream out;

  Tour(TourOptions options, List<Scenario> scenarios, ToolJars jars, PrintStream out) {
    this.options = options;
    this.scenarios = scenarios;
    this.jars = jars;
    this.out = out;
  }

  /** {@code tour [--quick] [--out DIR] [--agent JAR] [--analyzer JAR] [--only a,b] [--no-live]}. */
  public static int main(List<String> args, PrintStream out, PrintStream err) {
    TourOptions options;
    List<Scenario> scenarios;
    try {
      options = TourOptions.parse(args);
      scenarios = options.selected(Scenarios.all());
    } catch (UsageException e) {
      if (e.getMessage().isEmpty()) {
        TourOptions.printHelp(out);
        return 0;
      }
      err.println("gilscope demos tour: " + e.getMessage());
      return 2;
    }
    ToolJars jars =
        ToolJars.locate(JavaCommand.demosCodeSource(), options.agent(), options.analyzer());
    String missing = jars.missing();
    if (missing != null) {
      err.println(
          "gilscope demos tour: " + missing + " (build it: ./mvnw -B -q -DskipTests package)");
      return 2;
    }
    try {
      return new Tour(options, scenarios, jars, out).run();
    } catch (IOException e) {
      err.println("gilscope demos tour: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("gilscope demos tour: interrupted");
      return 1;
    }
  }

  int run() throws IOException, InterruptedException {
    Files.createDirectories(options.outDirectory());
    long start = System.nanoTime();
    out.println(
        "gilscope tour: "
            + scenarios.size()
            + (scenarios.size() == 1 ? " scenario" : " scenarios")
            + (options.quick() ? " (quick)" : "")
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version"));
    out.println("recordings: " + options.outDirectory().toAbsolutePath());
    out.println("agent:      " + jars.agent());
    out.println("analyzer:   " + jars.analyzer());

    int failures = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      if (!runScenario(scenarios.get(i), i + 1, scenarios.size())) {
        failures++;
      }
    }
    boolean liveFailed = false;
    if (options.live()) {
      out.println(RULE);
      Scenario live = Scenarios.byName(LiveWatch.SCENARIO).orElseThrow();
      liveFailed = !new LiveWatch(jars, options.outDirectory(), out).run(live);
    }
    out.println(RULE);
    out.printf(
        "tour done in %.1f s: %d scenario(s), %d failed%s; recordings in %s%n",
        (System.nanoTime() - start) / 1e9,
        scenarios.size(),
        failures,
        options.live() ? (liveFailed ? "; the live watch failed" : "; live watch ok") : "",
        options.outDirectory().toAbsolutePath());
    return failures == 0 && !liveFailed ? 0 : 1;
  }

  private boolean runScenario(Scenario scenario, int number, int total)
      throws IOException, InterruptedException {
    Path recording = recordingOf(scenario);
    Files.deleteIfExists(recording);
    List<String> command = scenarioCommand(scenario, recording);
    out.println(RULE);
    out.printf("[%d/%d] %s: %s%n", number, total, scenario.name(), scenario.summary());
    out.println("  seed:     " + scenario.seed());
    out.println("  expect:   " + scenario.expectedFinding());
    out.println("  run:      " + String.join(" ", displayed(command)));
    out.println();
    long startNanos = System.nanoTime();
    ChildProcess.Outcome outcome = ChildProcess.run(command, SCENARIO_TIMEOUT_SECONDS, INDENT, out);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    if (outcome.timedOut()) {
      out.println(
          "  scenario "
              + scenario.name()
              + " did not finish in "
              + SCENARIO_TIMEOUT_SECONDS
              + " s: killed");
      return false;
    }
    if (outcome.exitStatus() != 0) {
      out.println(
          "  scenario " + scenario.name() + " failed with exit status " + outcome.exitStatus());
      return false;
    }
    out.printf("  (%s ran %.1f s)%n%n", scenario.name(), seconds);
    return analyze(scenario, recording);
  }

  /** Runs the analyzer on the scenario's recording; false when there is none or it fails. */
  private boolean analyze(Scenario scenario, Path recording)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
      out.println(
          "  scenario "
              + scenario.name()
              + " failed: the agent wrote no recording at "
              + recording);
      return false;
    }
    List<String> command = analyzerCommand(recording);
    out.println("  gilscope: " + String.join(" ", displayed(command)));
    out.println();
    ChildProcess.Outcome outcome = ChildProcess.run(command, ANALYZER_TIMEOUT_SECONDS, "  ", null);
    String failure = analyzerFailure(outcome);
    if (failure != null) {
      out.println("  analysis of " + scenario.name() + " failed: " + failure);
      return false;
    }
    AnalyzerReport.condense(outcome.output(), scenario.agentOptions())
        .lines()
        .forEach(line -> out.println("  " + line));
    return true;
  }

  Path recordingOf(Scenario scenario) {
    return options.outDirectory().toAbsolutePath().resolve(scenario.name() + ".jfr");
  }

  /** The scenario's child JVM, under the agent. */
  List<String> scenarioCommand(Scenario scenario, Path recording) {
    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add(
        "-javaagent:" + jars.agent() + "=" + scenario.agentOptions() + ",file=" + recording);
    List<String> arguments = new ArrayList<>();
    arguments.add(scenario.name());
    arguments.addAll(scenario.tourArguments(options.quick()));
    return JavaCommand.demoMain(jvmOptions, arguments);
  }

  List<String> analyzerCommand(Path recording) {
    return List.of(
        JavaCommand.javaExecutable(),
        "-jar",
        jars.analyzer().toString(),
        "analyze",
        recording.toString());
  }

  /**
   * Why the analyzer's run counts as failed, or null when it analysed the recording: exit status 0,
   * or 3 ({@code --fail-on} found something, which the tour does not ask for but is an analysis).
   */
  static String analyzerFailure(ChildProcess.Outcome outcome) {
    if (outcome.timedOut()) {
      return "the analyzer did not finish in " + ANALYZER_TIMEOUT_SECONDS + " s";
    }
    if (outcome.exitStatus() == 0 || outcome.exitStatus() == 3) {
      return null;
    }
    String message = outcome.output().strip();
    return "exit status "
        + outcome.exitStatus()
        + (message.isEmpty() ? "" : ": " + message.replace("\n", "\n  "));
  }

  /** The command with the java executable shortened to {@code java}, for display. */
  static List<String> displayed(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    shown.set(0, "java");
    return shown;
  }
}
