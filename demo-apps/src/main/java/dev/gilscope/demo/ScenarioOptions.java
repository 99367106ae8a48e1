package dev.gilscope.demo;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Parsed {@code --key value} options of one scenario. A value given on the command line wins; else
 * the {@code --quick} default when {@code --quick} is given; else the normal default. picocli
 * parses them ({@link CommandLines}); the values stay text until read, as numbers with {@code _}
 * separators ({@code 50_000_000}).
 */
public final class ScenarioOptions {
  private final Map<String, OptionSpec> specs;
  private final Map<String, String> given;

  private ScenarioOptions(Map<String, OptionSpec> specs, Map<String, String> given) {
    this.specs = specs;
    this.given = given;
  }

  /**
   * Parses {@code args} against {@code specs}.
   *
   * @throws UsageException for an unknown option (with a hint), a missing value or {@code --help}
   *     (whose message is empty: the caller prints the help)
   */
  public static ScenarioOptions parse(List<String> args, List<OptionSpec> specs)
      throws UsageException {
    Map<String, OptionSpec> byName = new LinkedHashMap<>();
    CommandSpec command = CommandLines.withHelp("scenario");
    for (OptionSpec spec : specs) {
      byName.put(spec.name(), spec);
      command.addOption(option(spec));
    }
    ParseResult parsed =
        CommandLines.parse(
            command,
            args,
            new CommandLines.Errors() {
              @Override
              public String unmatched(String argument) {
                if (!argument.startsWith("--")) {
                  return "unexpected argument '" + argument + "'";
                }
                String name = argument.substring(2);
                return "unknown option --" + name + hint(name, byName);
              }

              @Override
              public String missingValue(String option, String label) {
                return "option " + option + " needs a value " + label;
              }
            });
    Map<String, String> given = new HashMap<>();
    for (CommandLine.Model.OptionSpec matched : parsed.matchedOptions()) {
      given.put(matched.longestName().substring(2), String.valueOf((Object) matched.getValue()));
    }
    ScenarioOptions options = new ScenarioOptions(byName, given);
    for (OptionSpec spec : specs) {
      options.value(spec.name()); // fail early on malformed numbers
      if (!spec.isFlag()) {
        options.checkNumber(spec.name());
      }
    }
    return options;
  }

  /** A flag takes an attached value too ({@code --quick=false}); any other option one value. */
  private static CommandLine.Model.OptionSpec option(OptionSpec spec) {
    CommandLine.Model.OptionSpec.Builder option =
        CommandLine.Model.OptionSpec.builder("--" + spec.name()).description(spec.description());
    if (spec.isFlag()) {
      return option.type(boolean.class).arity("0..1").build();
    }
    return option.type(String.class).paramLabel(spec.valueName()).build();
  }

  public boolean quick() {
    return Boolean.parseBoolean(given.getOrDefault("quick", "false"));
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(value(name));
  }

  public int intValue(String name) {
    return (int) longValue(name);
  }

  public long longValue(String name) {
    String value = value(name).replace("_", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return (long) Double.parseDouble(value);
    }
  }

  public double doubleValue(String name) {
    return Double.parseDouble(value(name).replace("_", ""));
  }

  /** Nanoseconds of an option given in seconds. */
  public long nanosOfSeconds(String name) {
    return (long) (doubleValue(name) * 1e9);
  }

  /** The option's effective value as text. */
  public String value(String name) {
    OptionSpec spec = specs.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no option --" + name);
    }
    String value = given.get(name);
    if (value != null) {
      return value;
    }
    return quick() ? spec.quickValue() : spec.defaultValue();
  }

  private void checkNumber(String name) throws UsageException {
    try {
      double number = Double.parseDouble(value(name).replace("_", ""));
      if (number < 0 || Double.isNaN(number)) {
        throw new UsageException("option --" + name + " must not be negative: " + value(name));
      }
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " needs a number, not '" + value(name) + "'");
    }
  }

  /** Prints the option list of a scenario, one line per option. */
  public static void printHelp(Scenario scenario, PrintStream out) {
    out.println("usage: java -jar gilscope-demos.jar " + scenario.name() + " [options]");
    out.println();
    out.println(scenario.summary());
    out.println("seed:     " + scenario.seed());
    out.println("expected: " + scenario.expectedFinding());
    out.println("agent:    -javaagent:gilscope-agent.jar=" + scenario.agentOptions() + ",file=...");
    out.println();
    out.println("options:");
    for (OptionSpec spec : scenario.options()) {
      String left = "--" + spec.name() + (spec.isFlag() ? "" : " " + spec.valueName());
      String defaults =
          spec.isFlag()
              ? ""
              : " (default " + spec.defaultValue() + ", quick " + spec.quickValue() + ")";
      out.printf("  %-22s %s%s%n", left, spec.description(), defaults);
    }
    out.println("  --help                 this help");
  }

  private static String hint(String typo, Map<String, OptionSpec> byName) {
    for (String name : byName.keySet()) {
      if (name.startsWith(typo) || typo.startsWith(name) || editDistance(name, typo) <= 2) {
        return ", did you mean --" + name + "?";
      }
    }
    return " (see --help)";
  }

  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
