package dev.gilscope.demo.tour;

import dev.gilscope.demo.CommandLines;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The tour's options.
 *
 * @param quick run every scenario with {@code --quick}
 * @param outDirectory where the recordings go
 * @param agent the agent jar, or null to locate it
 * @param analyzer the analyzer jar, or null to locate it
 * @param only scenario names to run (empty: all)
 * @param live whether the tour ends by watching one scenario live (not with {@code --no-live})
 */
record TourOptions(
    boolean quick, Path outDirectory, Path agent, Path analyzer, List<String> only, boolean live) {
  static final Path DEFAULT_OUT = Path.of("target", "gilscope-tour");

  static TourOptions parse(List<String> args) throws UsageException {
    CommandSpec command = CommandLines.withHelp("tour");
    command.addOption(OptionSpec.builder("--quick").type(boolean.class).build());
    command.addOption(OptionSpec.builder("--out").type(Path.class).paramLabel("DIR").build());
    command.addOption(OptionSpec.builder("--agent").type(Path.class).paramLabel("JAR").build());
    command.addOption(OptionSpec.builder("--analyzer").type(Path.class).paramLabel("JAR").build());
    command.addOption(OptionSpec.builder("--only").type(String.class).paramLabel("A,B").build());
    command.addOption(OptionSpec.builder("--no-live").type(boolean.class).build());
    ParseResult parsed =
        CommandLines.parse(
            command,
            args,
            new CommandLines.Errors() {
              @Override
              public String unmatched(String argument) {
                return "unknown option " + argument + " (see tour --help)";
              }

              @Override
              public String missingValue(String option, String label) {
                return "option " + option + " needs a value";
              }
            });
    String only = parsed.matchedOptionValue("--only", null);
    return new TourOptions(
        parsed.hasMatchedOption("--quick"),
        parsed.matchedOptionValue("--out", DEFAULT_OUT),
        parsed.matchedOptionValue("--agent", null),
        parsed.matchedOptionValue("--analyzer", null),
        only == null ? List.of() : Arrays.asList(only.split(",")),
        !parsed.hasMatchedOption("--no-live"));
  }

  List<Scenario> selected(List<Scenario> all) throws UsageException {
    if (only.isEmpty()) {
      return all;
    }
    List<Scenario> selected = new ArrayList<>();
    for (String name : only) {
      Scenario scenario =
          all.stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new UsageException("unknown scenario '" + name + "' in --only"));
      selected.add(scenario);
    }
    return selected;
  }

  static void printHelp(PrintStream out) {
    out.println("usage: java -jar gilscope-demos.jar tour [options]");
    out.println();
    out.println("Runs every scenario in a child JVM under the gilscope agent, then the analyzer");
    out.println("on its recording, and prints the scenario's table and the analyzer's findings.");
    out.println("Then it starts " + LiveWatch.SCENARIO + " without the agent and watches it live");
    out.println("for " + LiveWatch.DURATION + " (gilscope watch <pid>).");
    out.println();
    out.println("options:");
    out.println("  --quick            short runs (well under a minute in all)");
    out.println("  --out DIR          where the recordings go (default target/gilscope-tour)");
    out.println(
        "  --agent JAR        the agent jar (default ../../"
            + ToolJars.AGENT_JAR
            + " from the demos jar)");
    out.println(
        "  --analyzer JAR     the analyzer jar (default ../../" + ToolJars.ANALYZER_JAR + ")");
    out.println("  --only A,B         only these scenarios, in this order");
    out.println("  --no-live          skip the live watch at the end");
  }
}
