package dev.gilscope.bench.startup;

import dev.gilscope.bench.CommandLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Start-up cost, side by side: the one-class {@link StartupProgram} from launch to exit in fresh
 * JVMs without the agent, with it (one tracked monitor), with it and {@code file=}, and with JFR's
 * own {@code -XX:StartFlightRecording}. Each round runs every configuration once, in rotating
 * order, so that the load of other processes hits them alike; a first round is discarded (page
 * cache). Measures whole-process wall time and CPU time (user + system of all the child's threads,
 * from {@code /proc/self/stat}); reports medians and the median of the per-round differences to the
 * plain JVM of the same round.
 *
 * <p>HOW TO RUN: {@code benchmarks/run-benchmarks.sh startup}, or {@code java -cp
 * benchmarks/target/gilscope-benchmarks.jar dev.gilscope.bench.startup.StartupBenchmark --runs 11
 * [--java PATH]... [--agent PATH] [--out DIR]}.
 */
public final class StartupBenchmark {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path java;
  private final Path agentJar;
  private final Path classes;
  private final Path out;

  StartupBenchmark(Path java, Path agentJar, Path classes, Path out) {
    this.java = java;
    this.agentJar = agentJar;
    this.classes = classes;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path module = moduleDir();
    CommandSpec command = CommandLines.command("StartupBenchmark");
    command.addOption(CommandLines.valued("--runs", "N"));
    command.addOption(CommandLines.repeated("--java", "PATH"));
    command.addOption(CommandLines.valued("--agent", "PATH"));
    command.addOption(CommandLines.valued("--out", "DIR"));
    ParseResult parsed;
    try {
      parsed = CommandLines.parse(command, args);
    } catch (IllegalArgumentException e) {
      System.err.println(
          "usage: StartupBenchmark [--runs N] [--java PATH]... [--agent PATH] [--out DIR]");
      System.exit(2);
      return;
    }
    int runs = Integer.parseInt(parsed.matchedOptionValue("--runs", "11"));
    List<Path> javas = new ArrayList<>();
    parsed
        .<List<String>>matchedOptionValue("--java", List.of())
        .forEach(j -> javas.add(Path.of(j)));
    String agent = parsed.matchedOptionValue("--agent", null);
    Path agentJar =
        agent == null
            ? module.resolve("../agent/target/gilscope-agent.jar").normalize()
            : Path.of(agent);
    String outOption = parsed.matchedOptionValue("--out", null);
    Path out = outOption == null ? module.resolve("target/startup") : Path.of(outOption);
    if (javas.isEmpty()) {
      javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    if (!ChildCpu.available()) {
      System.err.println("gilscope startup: needs /proc/self/stat (Linux) for CPU times");
      System.exit(2);
    }
    Files.createDirectories(out);
    Path classes = extractProgram(out.resolve("classes"));
    boolean ok = true;
    for (Path java : javas) {
      ok &= new StartupBenchmark(java, agentJar, classes, out).run(runs, System.out);
    }
    System.exit(ok ? 0 : 1);
  }

  /** Runs the warm-up round and {@code runs} measured rounds, then prints the table. */
  boolean run(int runs, PrintStream report) throws IOException, InterruptedException {
    StartupConfiguration[] configurations = StartupConfiguration.values();
    Map<StartupConfiguration, List<StartupRun>> results = new EnumMap<>(StartupConfiguration.class);
    for (StartupConfiguration c : configurations) {
      results.put(c, new ArrayList<>());
    }
    for (int round = 0; round <= runs; round++) {
      for (int k = 0; k < configurations.length; k++) {
        StartupConfiguration c = configurations[(round + k) % configurations.length];
        StartupRun run = runOnce(c);
        if (round > 0) {
          results.get(c).add(run);
        }
      }
    }
    report.println(StartupTable.render(version(), results));
    return results.values().stream().flatMap(List::stream).allMatch(StartupRun::succeeded);
  }

  private StartupRun runOnce(StartupConfiguration configuration)
      throws IOException, InterruptedException {
    Path recording = out.resolve(configuration.id + ".jfr");
    Files.deleteIfExists(recording);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(configuration.jvmArgs(agentJar, recording));
    command.add("-cp");
    command.add(classes.toString());
    command.add(StartupProgram.class.getName());
    Path stdout = out.resolve(configuration.id + ".out");
    Path stderr = out.resolve(configuration.id + ".err");
    long cpuBefore = ChildCpu.reapedChildrenNanos();
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    long wall = System.nanoTime() - start;
    if (!exited) {
      process.destroyForcibly().waitFor();
      return StartupRun.failed("timed out: " + String.join(" ", command));
    }
    long cpu = ChildCpu.reapedChildrenNanos() - cpuBefore;
    String problem = problem(process.exitValue(), stdout, stderr, configuration, recording);
    Files.deleteIfExists(recording);
    return problem == null ? new StartupRun(wall, cpu, null) : StartupRun.failed(problem);
  }

  /** Why a run does not count, or null: a start-up without a working agent would be too fast. */
  private static String problem(
      int exitCode, Path stdout, Path stderr, StartupConfiguration configuration, Path recording)
      throws IOException {
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    // -XX:StartFlightRecording prints its own line first
    boolean ran =
        Files.readString(stdout, StandardCharsets.UTF_8)
            .lines()
            .anyMatch(line -> line.startsWith("started "));
    if (exitCode != 0 || !ran) {
      return configuration.id + ": exit code " + exitCode + ", stderr: " + err.strip();
    }
    if (err.contains("gilscope:")) {
      return configuration.id + ": the agent reported: " + err.strip();
    }
    boolean recorded =
        configuration == StartupConfiguration.AGENT_FILE
            || configuration == StartupConfiguration.JFR;
    if (recorded && (!Files.exists(recording) || Files.size(recording) == 0)) {
      return configuration.id + ": no recording at " + recording;
    }
    return null;
  }

  private String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String first = text.lines().filter(l -> l.contains("version")).findFirst().orElse("?");
    return String.format(
        Locale.ROOT,
        "%s (%s), %d CPUs, load average %s",
        java,
        first.strip(),
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** Copies the program's one class file into a directory of its own, the child's class path. */
  private static Path extractProgram(Path dir) throws IOException {
    String name = StartupProgram.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = StartupBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the class path");
      }
      Files.write(target, in.readAllBytes());
    }
    return dir;
  }

  private static Path moduleDir() throws URISyntaxException {
    Path jar =
        Path.of(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // benchmarks/target/gilscope-benchmarks.jar (or benchmarks/target/classes)
    return jar.getParent().getParent();
  }
}
