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
import java.util.Map;

/**
 * {@code tour}: the seeds' story on this machine. Runs every scenario in a child JVM under the
 * gilscope agent ({@code -javaagent:<agent>=<scenario's options>,file=<out>/<scenario>.jfr}), then
 * the analyzer on the recording, and prints for each: what the scenario is and what to expect, the
 * scenario's own table, and the analyzer's findings.
 *
 * <p>Degrades instead of failing: without the agent jar the scenarios run unrecorded; when the
 * analyzer is missing or answers that it is not built yet (exit status 2), the tour counts the
 * recording's events per type itself.
 */
public final class Tour {
  private static final String RULE = "=".repeat(78);
  private static final String INDENT = "  | ";
  private static final long SCENARIO_TIMEOUT_SECONDS = 150;
  private static final long ANALYZER_TIMEOUT_SECONDS = 120;
  static final int ANALYZER_NOT_READY = 2;

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

  /** {@code tour [--quick] [--out DIR] [--agent JAR] [--analyzer JAR] [--only a,b]}. */
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
    out.println(
        jars.hasAgent()
            ? "agent:      " + jars.agent()
            : "agent:      not found at "
                + jars.agent()
                + ": the scenarios run without it"
                + " (build it: ./mvnw -B -q -DskipTests package)");
    out.println(
        jars.hasAnalyzer()
            ? "analyzer:   " + jars.analyzer()
            : "analyzer:   not found at " + jars.analyzer() + ": event counts instead of findings");

    int failures = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      if (!runScenario(scenarios.get(i), i + 1, scenarios.size())) {
        failures++;
      }
    }
    out.println(RULE);
    out.printf(
        "tour done in %.1f s: %d scenario(s), %d failed; recordings in %s%n",
        (System.nanoTime() - start) / 1e9,
        scenarios.size(),
        failures,
        options.outDirectory().toAbsolutePath());
    return failures == 0 ? 0 : 1;
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
    if (!jars.hasAgent()) {
      out.println("  (no agent: nothing recorded, nothing to analyze)");
      return true;
    }
    analyze(scenario, recording);
    return true;
  }

  private void analyze(Scenario scenario, Path recording) throws IOException, InterruptedException {
    if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
      out.println(
          "  no recording at " + recording + ": the agent did not write one (not built yet?)");
      return;
    }
    if (jars.hasAnalyzer()) {
      List<String> command = analyzerCommand(recording);
      out.println("  gilscope: " + String.join(" ", displayed(command)));
      out.println();
      ChildProcess.Outcome outcome =
          ChildProcess.run(command, ANALYZER_TIMEOUT_SECONDS, "  ", null);
      if (!outcome.timedOut() && !analyzerNotReady(outcome)) {
        AnalyzerReport.condense(outcome.output(), scenario.agentOptions())
            .lines()
            .forEach(line -> out.println("  " + line));
        if (outcome.exitStatus() != 0) {
          out.println("  (analyzer exit status " + outcome.exitStatus() + ")");
        }
        return;
      }
      out.println("  analyzer unavailable (" + firstLine(outcome) + "): counting events instead");
    }
    out.println(
        "  recording " + recording + " (" + Files.size(recording) + " bytes), events by type:");
    Map<String, Long> counts = RecordingSummary.countByType(recording);
    RecordingSummary.print(counts, "    ", out);
  }

  Path recordingOf(Scenario scenario) {
    return options.outDirectory().toAbsolutePath().resolve(scenario.name() + ".jfr");
  }

  /** The scenario's child JVM: under the agent when there is one. */
  List<String> scenarioCommand(Scenario scenario, Path recording) {
    List<String> jvmOptions = new ArrayList<>();
    if (jars.hasAgent()) {
      jvmOptions.add(
          "-javaagent:" + jars.agent() + "=" + scenario.agentOptions() + ",file=" + recording);
    }
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

  static boolean analyzerNotReady(ChildProcess.Outcome outcome) {
    return outcome.exitStatus() == ANALYZER_NOT_READY
        || outcome.timedOut()
        || outcome.output().contains("not built yet");
  }

  private static String firstLine(ChildProcess.Outcome outcome) {
    if (outcome.timedOut()) {
      return "timed out after " + ANALYZER_TIMEOUT_SECONDS + " s";
    }
    String first = outcome.output().lines().findFirst().orElse("").trim();
    return "exit status " + outcome.exitStatus() + (first.isEmpty() ? "" : ": " + first);
  }

  /** The command with the java executable shortened to {@code java}, for display. */
  private static List<String> displayed(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    shown.set(0, "java");
    return shown;
  }
}
