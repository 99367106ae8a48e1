package dev.gilscope.demo;

/**
 * One {@code --name value} option of a scenario, with its default and its smaller {@code --quick}
 * default.
 *
 * @param name the option name without dashes, e.g. {@code threads}
 * @param valueName the placeholder shown in help, e.g. {@code N}; {@code null} for a flag
 * @param defaultValue the value when the option is absent
 * @param quickValue the value when the option is absent and {@code --quick} is given
 * @param description one line for {@code --help}
 */
public record OptionSpec(
    String name, String valueName, String defaultValue, String quickValue, String description) {

  public static OptionSpec threads(int defaultThreads, String description) {
    String value = Integer.toString(defaultThreads);
    return new OptionSpec("threads", "N", value, value, description);
  }

  public static OptionSpec seconds(double defaultSeconds, double quickSeconds, String description) {
    return new OptionSpec(
        "seconds",
        "S",
        Double.toString(defaultSeconds),
        Double.toString(quickSeconds),
        description);
  }

  public static OptionSpec quick() {
    return new OptionSpec(
        "quick", null, "false", "true", "small run, a few seconds at most (tests, tour --quick)");
  }

  public boolean isFlag() {
    return valueName == null;
  }
}
