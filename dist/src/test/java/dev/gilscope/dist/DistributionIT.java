package dev.gilscope.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/gilscope} of the built distribution, run as a user runs it, through a symlink too. */
class DistributionIT {
  private static final Path HOME = Path.of(System.getProperty("gilscope.dist.home"));
  private static final Path LAUNCHER = HOME.resolve("bin").resolve("gilscope");
  private static final String RECORDING =
      Path.of("../analyzer/src/test/resources/fixtures/agent-jdk17-old-gil.jfr")
          .toAbsolutePath()
          .toString();

  @TempDir Path temp;

  @Test
  void holdsTheLauncherTheJarsAndTheLicense() {
    assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    for (String jar :
        List.of(
            "gilscope-agent.jar",
            "gilscope-analyzer.jar",
            "gilscope-demos.jar",
            "gilscope-jmc.jar",
            "gilscope.jfc")) {
      assertThat(HOME.resolve("lib").resolve(jar)).isRegularFile();
    }
    assertThat(HOME.resolve("LICENSE")).content().contains("Apache License");
    assertThat(HOME.resolve("NOTICE")).content().contains("Byte Buddy");
  }

  @Test
  void printsItsVersionAndTheAgentsPathFromAnywhere() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("gilscope"), LAUNCHER);
    Result version = run(link.toString(), "version");
    assertThat(version.output.strip())
        .isEqualTo("gilscope " + System.getProperty("gilscope.version"));
    Result agent = run(link.toString(), "agent");
    assertThat(Path.of(agent.output.strip()))
        .isEqualTo(HOME.resolve("lib").resolve("gilscope-agent.jar").toRealPath());
  }

  @Test
  void analyzeRunsTheAnalyzerWithItsExitCodes() throws Exception {
    Path empty = Files.createFile(temp.resolve("empty.jfr"));
    Result result = run(LAUNCHER.toString(), "analyze", empty.toString());
    assertThat(result.status).isEqualTo(2);
    assertThat(result.output).startsWith("gilscope analyze: ").contains("empty");
  }

  @Test
  void analyzeMakesItsClassDataArchiveOnceAndReportsTheSameWithIt() throws Exception {
    Path cache = temp.resolve("cache");
    Path empty = Files.createFile(temp.resolve("none.jfr"));
    assertThat(run(cache, LAUNCHER.toString(), "analyze", empty.toString()).status).isEqualTo(2);
    assertThat(archives(cache)).as("no archive from a run that analysed nothing").isEmpty();

    Result first = run(cache, LAUNCHER.toString(), "analyze", RECORDING, "--format", "json");
    assertThat(archives(cache)).hasSize(1);
    Result second = run(cache, LAUNCHER.toString(), "analyze", RECORDING, "--format", "json");
    Result plain =
        run(
            cache,
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            HOME.resolve("lib").resolve("gilscope-analyzer.jar").toString(),
            "analyze",
            RECORDING,
            "--format",
            "json");
    assertThat(first.status).isZero();
    assertThat(second.output).isEqualTo(first.output).isEqualTo(plain.output);
    assertThat(archives(cache)).hasSize(1);
  }

  @Test
  void aRunWithOtherFlagsMakesAndMapsAnArchiveOfItsOwn() throws Exception {
    // an archive written under other JIT or GC flags can slow the runs that map it several times
    Path cache = temp.resolve("flags-cache");
    assertThat(run(cache, LAUNCHER.toString(), "analyze", RECORDING).status).isZero();
    assertThat(archives(cache)).hasSize(1);
    String[] analyzeJson = {LAUNCHER.toString(), "analyze", RECORDING, "--format", "json"};
    Result serial = runWithJavaOpts(cache, "-XX:+UseSerialGC", analyzeJson);
    assertThat(serial.status).isZero();
    assertThat(archives(cache)).hasSize(2);
    Result again = runWithJavaOpts(cache, "-XX:+UseSerialGC", analyzeJson);
    assertThat(again.output).isEqualTo(serial.output);
    assertThat(archives(cache)).hasSize(2);
  }

  @Test
  void analyzeAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
    // with "never" the flag would print a warning into the user's output; "always" needs no flag
    Path modeFile = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest =
        Files.isReadable(modeFile) && Files.readString(modeFile).contains("[madvise]");
    Path cache = temp.resolve("pages-cache");
    assertThat(flag(analyzeFlags(cache, ""), "UseTransparentHugePages")).isEqualTo(onRequest);
    String refused = analyzeFlags(cache, "-XX:-UseTransparentHugePages");
    assertThat(flag(refused, "UseTransparentHugePages")).isFalse();
    assertThat(refused).doesNotContain("warning");
  }

  @Test
  void analyzeGivesHalfTheHeapToTheYoungGenerationUnlessJavaOptsSizeIt() throws Exception {
    // the analysis keeps what it builds: a larger eden means fewer collections copying all of it
    Path cache = temp.resolve("young-cache");
    String launched = analyzeFlags(cache, "");
    assertThat(flagValue(launched, "NewRatio")).isEqualTo("1");
    assertThat(flagValue(launched, "SurvivorRatio")).isEqualTo("16");
    String sized = analyzeFlags(cache, "-Xmn32m");
    assertThat(flagValue(sized, "NewRatio")).isEqualTo("2");
    assertThat(flagValue(sized, "SurvivorRatio")).isEqualTo("8");
  }

  @Test
  void analyzeCompilesLongLoopsEarlyUnlessJavaOptsTuneTheCompiler() throws Exception {
    // a pass over 100,000 threads, entered once, ran mostly interpreted at the default 60,000
    Path cache = temp.resolve("loops-cache");
    assertThat(flagValue(analyzeFlags(cache, ""), "Tier3BackEdgeThreshold")).isEqualTo("6000");
    // the user's scaling of the default 60,000, not of the launcher's 6,000
    assertThat(
            flagValue(
                analyzeFlags(cache, "-XX:CompileThresholdScaling=2"), "Tier3BackEdgeThreshold"))
        .isEqualTo("120000");
  }

  /**
   * The output of {@code gilscope analyze} on the fixture with {@code -XX:+PrintFlagsFinal} and
   * {@code javaOpts} in {@code JAVA_OPTS}, which must succeed: the JVM's flags as the launcher set
   * them.
   */
  private static String analyzeFlags(Path cache, String javaOpts) throws Exception {
    Result r =
        runWithJavaOpts(
            cache,
            ("-XX:+PrintFlagsFinal " + javaOpts).trim(),
            LAUNCHER.toString(),
            "analyze",
            RECORDING);
    assertThat(r.status).as(r.output).isZero();
    return r.output;
  }

  /** A boolean flag's value as {@code -XX:+PrintFlagsFinal} lists it. */
  private static boolean flag(String printFlagsFinal, String name) {
    return flagValue(printFlagsFinal, name).equals("true");
  }

  /** A flag's value as {@code -XX:+PrintFlagsFinal} lists it. */
  private static String flagValue(String printFlagsFinal, String name) {
    return printFlagsFinal
        .lines()
        .filter(line -> line.contains(" " + name + " "))
        .map(line -> line.substring(line.indexOf('=') + 1).trim().split("\\s+")[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in -XX:+PrintFlagsFinal"));
  }

  @Test
  void aNewArchiveRetiresTheOldestBeyondEight() throws Exception {
    // archives of JDKs, releases and flags no longer used must not pile up in the user's cache
    Path cache = Files.createDirectories(temp.resolve("full-cache"));
    for (int i = 0; i < 10; i++) {
      Path old = Files.write(cache.resolve("analyzer-0.0.9-" + i + ".jsa"), new byte[] {1});
      Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    assertThat(run(cache, LAUNCHER.toString(), "analyze", RECORDING).status).isZero();
    List<String> names = archives(cache).stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names)
        .hasSize(8)
        .anyMatch(n -> n.startsWith("analyzer-" + System.getProperty("gilscope.version") + "-"))
        .doesNotContain("analyzer-0.0.9-0.jsa", "analyzer-0.0.9-1.jsa", "analyzer-0.0.9-2.jsa")
        .contains("analyzer-0.0.9-9.jsa", "analyzer-0.0.9-3.jsa");
  }

  private static List<Path> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (var files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void demosListsTheScenarios() throws Exception {
    Result result = run(LAUNCHER.toString(), "demos", "list");
    assertThat(result.status).isZero();
    assertThat(result.output).contains("countdown", "old-gil");
  }

  @Test
  void anUnknownCommandIsAUsageError() throws Exception {
    Result result = run(LAUNCHER.toString(), "analyse");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.output).startsWith("gilscope: unknown command 'analyse'").contains("usage:");
  }

  private record Result(int status, String output) {}

  private Result run(String... command) throws IOException, InterruptedException {
    return run(temp.resolve("cache"), command);
  }

  /** Runs with the launcher's class-data archives in {@code cache}, not the user's home. */
  private static Result run(Path cache, String... command)
      throws IOException, InterruptedException {
    return runWithJavaOpts(cache, null, command);
  }

  /** As {@link #run(Path, String...)}, with {@code javaOpts} as JAVA_OPTS (none when null). */
  private static Result runWithJavaOpts(Path cache, String javaOpts, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("GILSCOPE_CACHE", cache.toString());
    builder.environment().remove("JAVA_OPTS");
    if (javaOpts != null) {
      builder.environment().put("JAVA_OPTS", javaOpts);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
