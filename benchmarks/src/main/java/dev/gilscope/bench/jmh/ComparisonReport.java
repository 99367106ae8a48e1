package dev.gilscope.bench.jmh;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects {@link AcquireReleaseComparison}'s scores (one per benchmark, setup and pass) and
 * renders them: a side-by-side table of pass medians with ratios and differences to the no-agent
 * setup, a CSV of every score and a JSON summary.
 */
final class ComparisonReport {
  private final Map<AgentSetup, Map<String, List<Double>>> scores = new EnumMap<>(AgentSetup.class);
  private final Map<AgentSetup, List<String>> jvmArgs = new EnumMap<>(AgentSetup.class);
  private final Set<String> benchmarks = new LinkedHashSet<>();

  void setupArgs(AgentSetup setup, List<String> args) {
    jvmArgs.put(setup, List.copyOf(args));
  }

  void add(AgentSetup setup, String benchmark, double nanosPerOp) {
    benchmarks.add(benchmark);
    scores
        .computeIfAbsent(setup, s -> new LinkedHashMap<>())
        .computeIfAbsent(benchmark, b -> new ArrayList<>())
        .add(nanosPerOp);
  }

  String table() {
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%-35s", "ns/op, median of passes [min..max]"));
    for (AgentSetup setup : scores.keySet()) {
      table.append(String.format(Locale.ROOT, " | %-26s", setup.id));
      if (setup != AgentSetup.NO_AGENT) {
        table.append(String.format(Locale.ROOT, " %6s %7s", "ratio", "+ns"));
      }
    }
    table.append('\n');
    for (String benchmark : benchmarks) {
      table.append(String.format(Locale.ROOT, "%-35s", benchmark));
      for (AgentSetup setup : scores.keySet()) {
        List<Double> values = values(setup, benchmark);
        table.append(
            values.isEmpty()
                ? String.format(Locale.ROOT, " | %-26s", "-")
                : String.format(
                    Locale.ROOT,
                    " | %7.2f [%6.2f..%6.2f]",
                    median(values),
                    min(values),
                    max(values)));
        if (setup != AgentSetup.NO_AGENT) {
          double ratio = ratio(setup, benchmark);
          table.append(
              Double.isNaN(ratio)
                  ? String.format(Locale.ROOT, " %6s %7s", "-", "-")
                  : String.format(
                      Locale.ROOT,
                      " %5.2fx %+7.2f",
                      ratio,
                      median(values) - median(values(AgentSetup.NO_AGENT, benchmark))));
        }
      }
      table.append('\n');
    }
    return table.toString();
  }

  String csv() {
    StringBuilder csv = new StringBuilder("setup,benchmark,pass,nsPerOp\n");
    scores.forEach(
        (setup, byBenchmark) ->
            byBenchmark.forEach(
                (benchmark, values) -> {
                  for (int pass = 0; pass < values.size(); pass++) {
                    csv.append(
                        String.format(
                            Locale.ROOT,
                            "%s,%s,%d,%.4f%n",
                            setup.id,
                            benchmark,
                            pass + 1,
                            values.get(pass)));
                  }
                }));
    return csv.toString();
  }

  String json() {
    StringBuilder json =
        new StringBuilder("{\n  \"javaVersion\": \"")
            .append(Runtime.version())
            .append("\",\n  \"availableProcessors\": ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(",\n  \"unit\": \"ns/op\",\n  \"setups\": [");
    String separator = "\n";
    for (AgentSetup setup : scores.keySet()) {
      json.append(separator)
          .append("    {\"id\": \"")
          .append(setup.id)
          .append("\", \"jvmArgs\": [");
      List<String> args = jvmArgs.getOrDefault(setup, List.of());
      for (int i = 0; i < args.size(); i++) {
        json.append(i == 0 ? "" : ", ").append(quote(args.get(i)));
      }
      json.append("], \"benchmarks\": {");
      String inner = "";
      for (String benchmark : benchmarks) {
        List<Double> values = values(setup, benchmark);
        if (values.isEmpty()) {
          continue;
        }
        json.append(inner)
            .append("\n      ")
            .append(quote(benchmark))
            .append(": {\"median\": ")
            .append(number(median(values)))
            .append(", \"min\": ")
            .append(number(min(values)))
            .append(", \"max\": ")
            .append(number(max(values)))
            .append(", \"passes\": ")
            .append(values.size())
            .append(", \"ratioToNoAgent\": ")
            .append(number(ratio(setup, benchmark)))
            .append('}');
        inner = ",";
      }
      json.append("\n    }}");
      separator = ",\n";
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private double ratio(AgentSetup setup, String benchmark) {
    List<Double> values = values(setup, benchmark);
    List<Double> reference = values(AgentSetup.NO_AGENT, benchmark);
    return values.isEmpty() || reference.isEmpty()
        ? Double.NaN
        : median(values) / median(reference);
  }

  private List<Double> values(AgentSetup setup, String benchmark) {
    return scores.getOrDefault(setup, Map.of()).getOrDefault(benchmark, List.of());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
