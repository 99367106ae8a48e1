package dev.gilscope.bench.jmh;

import dev.gilscope.bench.CommandLines;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs {@link AcquireReleaseBenchmark} under every {@link AgentSetup} in one invocation and prints
 * the per-operation times side by side, with each agent setup's ratio to and difference from the
 * no-agent forks. The setups alternate: {@code --passes N} runs every setup once per pass, so load
 * from other processes that drifts over minutes hits all setups alike; each score is the median of
 * the passes. Writes {@code acquire-release.json} and {@code acquire-release.csv} to {@code
 * benchmarks/target/jmh/}.
 *
 * <p>Options: {@code --agent PATH}, {@code --setups none,agent-default,agent-detail-all}, {@code
 * --benchmarks REGEX} (method names, default all), {@code --passes N} (default 3), {@code --forks
 * N} (per pass, default 1), {@code --warmup N}, {@code --iterations N}, {@code --iteration-ms N},
 * {@code --out DIR}.
 */
public final class AcquireReleaseComparison {
  private AcquireReleaseComparison() {}

  public static void main(String[] args) throws RunnerException, IOException, URISyntaxException {
    Path moduleDir = moduleDir();
    Path agentJar = moduleDir.resolve("../agent/target/gilscope-agent.jar").normalize();
    Path outDir = moduleDir.resolve("target/jmh");
    CommandSpec command = CommandLines.command("AcquireReleaseComparison");
    for (String option :
        List.of(
            "--agent",
            "--setups",
            "--benchmarks",
            "--passes",
            "--forks",
            "--warmup",
            "--iterations",
            "--iteration-ms",
            "--out")) {
      command.addOption(CommandLines.valued(option, "VALUE"));
    }
    ParseResult parsed;
    try {
      parsed = CommandLines.parse(command, args);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      return;
    }
    String agent = parsed.matchedOptionValue("--agent", null);
    if (agent != null) {
      agentJar = Path.of(agent);
    }
    String out = parsed.matchedOptionValue("--out", null);
    if (out != null) {
      outDir = Path.of(out);
    }
    String setupList = parsed.matchedOptionValue("--setups", null);
    List<AgentSetup> setups =
        setupList == null ? List.of(AgentSetup.values()) : parseSetups(setupList);
    String benchmarks = parsed.matchedOptionValue("--benchmarks", ".*");
    int passes = Integer.parseInt(parsed.matchedOptionValue("--passes", "3"));
    int forks = Integer.parseInt(parsed.matchedOptionValue("--forks", "1"));
    int warmup = Integer.parseInt(parsed.matchedOptionValue("--warmup", "2"));
    int iterations = Integer.parseInt(parsed.matchedOptionValue("--iterations", "4"));
    int iterationMillis = Integer.parseInt(parsed.matchedOptionValue("--iteration-ms", "1000"));
    if (!Files.isRegularFile(agentJar) && setups.size() > 1) {
      System.out.println("no agent jar at " + agentJar + ": running without the agent only");
      setups = List.of(AgentSetup.NO_AGENT);
    }
    Files.createDirectories(outDir);

    ComparisonReport report = new ComparisonReport();
    for (int pass = 1; pass <= passes; pass++) {
      for (int i = 0; i < setups.size(); i++) {
        AgentSetup setup = setups.get((i + pass - 1) % setups.size());
        List<String> setupArgs = setup.jvmArgs(agentJar, outDir);
        report.setupArgs(setup, setupArgs);
        System.out.printf(
            "%n=== pass %d/%d, %s: %s%n", pass, passes, setup.id, String.join(" ", setupArgs));
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
        for (RunResult result : results) {
          String name = result.getParams().getBenchmark();
          report.add(
              setup,
              name.substring(name.lastIndexOf('.') + 1),
              result.getPrimaryResult().getScore());
        }
      }
    }
    System.out.println();
    System.out.print(report.table());
    Files.writeString(outDir.resolve("acquire-release.csv"), report.csv(), StandardCharsets.UTF_8);
    Files.writeString(
        outDir.resolve("acquire-release.json"), report.json(), StandardCharsets.UTF_8);
    System.out.println("wrote " + outDir.resolve("acquire-release.json") + " and .csv");
  }

  private static List<AgentSetup> parseSetups(String list) {
    List<AgentSetup> setups = new ArrayList<>();
    for (String id : list.split(",", -1)) {
      if (!id.isBlank()) {
        setups.add(AgentSetup.byId(id.trim()));
      }
    }
    if (!setups.contains(AgentSetup.NO_AGENT)) {
      setups.add(0, AgentSetup.NO_AGENT); // every ratio is against the no-agent forks
    }
    return setups;
  }

  private static void usage(String problem) {
    System.err.println("gilscope jmh: " + problem);
    System.err.println(
        "usage: AcquireReleaseComparison [--agent PATH] [--setups"
            + " none,agent-default,agent-detail-all] [--benchmarks REGEX] [--passes N] [--forks N]"
            + " [--warmup N] [--iterations N] [--iteration-ms N] [--out DIR]");
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
