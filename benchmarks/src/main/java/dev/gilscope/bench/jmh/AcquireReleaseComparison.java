package dev.gilscope.bench.jmh;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AcquireReleaseBenchmark} once per {@link AgentSetup} in one invocation and prints the
 * per-operation times side by side, with each agent setup's ratio to and difference from the
 * no-agent forks. Writes {@code acquire-release.json} and {@code acquire-release.csv} to {@code
 * benchmarks/target/jmh/}.
 *
 * <p>Options: {@code --agent PATH}, {@code --setups none,agent-default,agent-detail-all}, {@code
 * --benchmarks REGEX} (method names, default all), {@code --forks N}, {@code --warmup N}, {@code
 * --iterations N}, {@code --iteration-ms N}, {@code --out DIR}.
 */
public final class AcquireReleaseComparison {
  private AcquireReleaseComparison() {}

  public static void main(String[] args) throws RunnerException, IOException, URISyntaxException {
    Path moduleDir = moduleDir();
    Path agentJar = moduleDir.resolve("../agent/target/gilscope-agent.jar").normalize();
    Path outDir = moduleDir.resolve("target/jmh");
    List<AgentSetup> setups = List.of(AgentSetup.values());
    String benchmarks = ".*";
    int forks = 1;
    int warmup = 3;
    int iterations = 5;
    int iterationMillis = 1000;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        usage("missing value for " + option);
        return;
      }
      String value = args[i + 1];
      switch (option) {
        case "--agent" -> agentJar = Path.of(value);
        case "--setups" -> setups = parseSetups(value);
        case "--benchmarks" -> benchmarks = value;
        case "--forks" -> forks = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--iterations" -> iterations = Integer.parseInt(value);
        case "--iteration-ms" -> iterationMillis = Integer.parseInt(value);
        case "--out" -> outDir = Path.of(value);
        default -> {
          usage("unknown option '" + option + "'");
          return;
        }
      }
    }
    if (!Files.isRegularFile(agentJar) && setups.size() > 1) {
      System.out.println("no agent jar at " + agentJar + ": running without the agent only");
      setups = List.of(AgentSetup.NO_AGENT);
    }
    Files.createDirectories(outDir);

    Map<AgentSetup, Map<String, Result<?>>> scores = new LinkedHashMap<>();
    Map<AgentSetup, List<String>> jvmArgs = new LinkedHashMap<>();
    for (AgentSetup setup : setups) {
      List<String> setupArgs = setup.jvmArgs(agentJar, outDir);
      jvmArgs.put(setup, setupArgs);
      System.out.println("\n=== " + setup.id + ": " + String.join(" ", setupArgs));
      ChainedOptionsBuilder options =
          new OptionsBuilder()
              .include(
                  "^"
                      + Pattern.quote(AcquireReleaseBenchmark.class.getName())
                      + "\\.("
                      + benchmarks
                      + ")$")
              .forks(forks)
              .warmupIterations(warmup)
              .warmupTime(TimeValue.milliseconds(iterationMillis))
              .measurementIterations(iterations)
              .measurementTime(TimeValue.milliseconds(iterationMillis))
              .shouldFailOnError(true);
      if (!setupArgs.isEmpty()) {
        options.jvmArgsAppend(setupArgs.toArray(new String[0]));
      }
      Collection<RunResult> results = new Runner(options.build()).run();
      Map<String, Result<?>> bySimpleName = new LinkedHashMap<>();
      for (RunResult result : results) {
        String name = result.getParams().getBenchmark();
        bySimpleName.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult());
      }
      scores.put(setup, bySimpleName);
    }
    String table = table(scores);
    System.out.println();
    System.out.print(table);
    Files.writeString(outDir.resolve("acquire-release.csv"), csv(scores), StandardCharsets.UTF_8);
    Files.writeString(
        outDir.resolve("acquire-release.json"), json(scores, jvmArgs), StandardCharsets.UTF_8);
    System.out.println("wrote " + outDir.resolve("acquire-release.json") + " and .csv");
  }

  private static String table(Map<AgentSetup, Map<String, Result<?>>> scores) {
    Map<String, Result<?>> base = scores.get(AgentSetup.NO_AGENT);
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%-20s", "benchmark (ns/op)"));
    for (AgentSetup setup : scores.keySet()) {
      table.append(String.format(Locale.ROOT, " %22s", setup.id));
      if (setup != AgentSetup.NO_AGENT && base != null) {
        table.append(String.format(Locale.ROOT, " %7s %9s", "ratio", "+ns"));
      }
    }
    table.append('\n');
    for (String benchmark : benchmarkNames(scores)) {
      table.append(String.format(Locale.ROOT, "%-20s", benchmark));
      for (Map.Entry<AgentSetup, Map<String, Result<?>>> entry : scores.entrySet()) {
        Result<?> result = entry.getValue().get(benchmark);
        table.append(
            result == null
                ? String.format(Locale.ROOT, " %22s", "-")
                : String.format(
                    Locale.ROOT, " %12.2f ± %7.2f", result.getScore(), result.getScoreError()));
        if (entry.getKey() != AgentSetup.NO_AGENT && base != null) {
          Result<?> reference = base.get(benchmark);
          if (result == null || reference == null) {
            table.append(String.format(Locale.ROOT, " %7s %9s", "-", "-"));
          } else {
            table.append(
                String.format(
                    Locale.ROOT,
                    " %6.2fx %+9.2f",
                    result.getScore() / reference.getScore(),
                    result.getScore() - reference.getScore()));
          }
        }
      }
      table.append('\n');
    }
    return table.toString();
  }

  private static String csv(Map<AgentSetup, Map<String, Result<?>>> scores) {
    StringBuilder csv = new StringBuilder("setup,benchmark,score,scoreError,unit\n");
    scores.forEach(
        (setup, results) ->
            results.forEach(
                (benchmark, result) ->
                    csv.append(
                        String.format(
                            Locale.ROOT,
                            "%s,%s,%.4f,%.4f,%s%n",
                            setup.id,
                            benchmark,
                            result.getScore(),
                            result.getScoreError(),
                            result.getScoreUnit()))));
    return csv.toString();
  }

  private static String json(
      Map<AgentSetup, Map<String, Result<?>>> scores, Map<AgentSetup, List<String>> jvmArgs) {
    Map<String, Result<?>> base = scores.get(AgentSetup.NO_AGENT);
    StringBuilder json =
        new StringBuilder("{\n  \"javaVersion\": \"")
            .append(Runtime.version())
            .append("\",\n  \"availableProcessors\": ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(",\n  \"setups\": [");
    String separator = "\n";
    for (Map.Entry<AgentSetup, Map<String, Result<?>>> entry : scores.entrySet()) {
      json.append(separator)
          .append("    {\"id\": \"")
          .append(entry.getKey().id)
          .append("\", \"jvmArgs\": [");
      List<String> args = jvmArgs.get(entry.getKey());
      for (int i = 0; i < args.size(); i++) {
        json.append(i == 0 ? "\"" : ", \"").append(args.get(i).replace("\\", "\\\\")).append('"');
      }
      json.append("], \"benchmarks\": {");
      String inner = "";
      for (Map.Entry<String, Result<?>> result : entry.getValue().entrySet()) {
        Result<?> reference = base == null ? null : base.get(result.getKey());
        json.append(inner)
            .append("\n      \"")
            .append(result.getKey())
            .append("\": {\"nsPerOp\": ")
            .append(number(result.getValue().getScore()))
            .append(", \"error\": ")
            .append(number(result.getValue().getScoreError()))
            .append(", \"ratioToNoAgent\": ")
            .append(
                reference == null
                    ? "null"
                    : number(result.getValue().getScore() / reference.getScore()))
            .append('}');
        inner = ",";
      }
      json.append("\n    }}");
      separator = ",\n";
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
  }

  private static Set<String> benchmarkNames(Map<AgentSetup, Map<String, Result<?>>> scores) {
    Set<String> names = new LinkedHashSet<>();
    scores.values().forEach(results -> names.addAll(results.keySet()));
    return names;
  }

  private static List<AgentSetup> parseSetups(String list) {
    List<AgentSetup> setups = new ArrayList<>();
    for (String id : list.split(",", -1)) {
      if (!id.isBlank()) {
        setups.add(AgentSetup.byId(id.trim()));
      }
    }
    return setups;
  }

  private static void usage(String problem) {
    System.err.println("gilscope jmh: " + problem);
    System.err.println(
        "usage: AcquireReleaseComparison [--agent PATH] [--setups"
            + " none,agent-default,agent-detail-all] [--benchmarks REGEX] [--forks N] [--warmup N]"
            + " [--iterations N] [--iteration-ms N] [--out DIR]");
    System.exit(2);
  }

  private static Path moduleDir() throws URISyntaxException {
    Path location =
        Path.of(
            AcquireReleaseComparison.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path target = location.getParent();
    Path module = target == null ? null : target.getParent();
    return module == null ? Path.of(".").toAbsolutePath() : module;
  }
}
