package dev.gilscope.demo;

import dev.gilscope.demo.countdown.CountdownChild;
import dev.gilscope.demo.tour.Tour;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of {@code java -jar gilscope-demos.jar <command>}: {@code list}, {@code agent-options
 * <scenario>}, {@code tour}, or a scenario name followed by its options.
 *
 * <p>Exit status: 0 when the command ran, 1 when a scenario failed while running, 2 on bad usage.
 */
public final class DemoMain {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private DemoMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    if (status != EXIT_OK) {
      System.exit(status);
    }
  }

  /** Runs one command; returns the exit status instead of exiting (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      printUsage(out);
      return args.length == 0 ? EXIT_USAGE : EXIT_OK;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (command) {
        case "list" -> list(out);
        case "agent-options" -> agentOptions(rest, out);
        case "tour" -> {
          return Tour.main(rest, out, err);
        }
        case CountdownChild.COMMAND -> CountdownChild.main(rest.toArray(String[]::new));
        default -> {
          return runScenario(command, rest, out, err);
        }
      }
      return EXIT_OK;
    } catch (UsageException e) {
      err.println("gilscope demos " + command + ": " + e.getMessage());
      return EXIT_USAGE;
    }
  }

  private static int runScenario(String name, List<String> args, PrintStream out, PrintStream err)
      throws UsageException {
    Scenario scenario = findScenario(name);
    ScenarioOptions options;
    try {
      options = ScenarioOptions.parse(args, scenario.options());
    } catch (UsageException e) {
      if (e.getMessage().isEmpty()) {
        ScenarioOptions.printHelp(scenario, out);
        return EXIT_OK;
      }
      throw e;
    }
    try {
      MachineLoad.warning().ifPresent(out::println);
      scenario.run(options, out);
      return EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("gilscope demos " + name + ": interrupted");
      return EXIT_FAILED;
    } catch (Exception e) {
      err.println("gilscope demos " + name + ": " + e);
      e.printStackTrace(err);
      return EXIT_FAILED;
    }
  }

  private static void list(PrintStream out) {
    int width = Scenarios.all().stream().mapToInt(s -> s.name().length()).max().orElse(10);
    for (Scenario scenario : Scenarios.all()) {
      out.printf("%-" + width + "s  %s%n", scenario.name(), scenario.summary());
    }
  }

  private static void agentOptions(List<String> args, PrintStream out) throws UsageException {
    if (args.size() != 1) {
      throw new UsageException("expects exactly one scenario name, e.g. agent-options old-gil");
    }
    out.println(findScenario(args.get(0)).agentOptions());
  }

  private static Scenario findScenario(String name) throws UsageException {
    Optional<Scenario> scenario = Scenarios.byName(name);
    if (scenario.isPresent()) {
      return scenario.get();
    }
    String hint =
        Scenarios.all().stream()
            .map(Scenario::name)
            .filter(n -> ScenarioOptions.editDistance(n, name) <= 2 || n.startsWith(name))
            .findFirst()
            .map(n -> ", did you mean " + n + "?")
            .orElse(" (try list)");
    throw new UsageException("unknown scenario '" + name + "'" + hint);
  }

  private static void printUsage(PrintStream out) {
    out.println("usage: java -jar gilscope-demos.jar <command> [options]");
    out.println();
    out.println("commands:");
    out.println("  list                      every scenario, one line each");
    out.println("  <scenario> [options]      run a scenario (--help for its options)");
    out.println("  agent-options <scenario>  the -javaagent options that track its GIL");
    out.println("  tour [--quick] [--out DIR] [--agent JAR] [--analyzer JAR]");
    out.println("                            every scenario under the agent, then the analyzer");
    out.println();
    out.println("scenarios:");
    list(out);
  }
}
