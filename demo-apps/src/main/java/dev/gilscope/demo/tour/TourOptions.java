package dev.gilscope.demo.tour;

import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    boolean quick = false;
    Path out = DEFAULT_OUT;
    Path agent = null;
    Path analyzer = null;
    List<String> only = List.of();
    boolean live = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--agent" -> agent = Path.of(value(args, ++i, arg));
        case "--analyzer" -> analyzer = Path.of(value(args, ++i, arg));
        case "--only" -> only = Arrays.asList(value(args, ++i, arg).split(","));
        case "--no-live" -> live = false;
        case "--help", "-h" -> throw new UsageException("");
        default -> throw new UsageException("unknown option " + arg + " (see tour --help)");
      }
    }
    return new TourOptions(quick, out, agent, analyzer, only, live);
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

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException("option " + option + " needs a value");
    }
    return args.get(index);
  }
}
