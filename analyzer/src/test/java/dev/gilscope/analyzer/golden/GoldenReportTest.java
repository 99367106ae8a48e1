package dev.gilscope.analyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the analyzer's behaviour on checked-in recordings — the agent at every detail level on JDK
 * 17 and 25, the JDK's own lock events, async-profiler's lock mode — byte for byte against their
 * golden JSON reports. A recording made by an older agent stays: newer analyzers must read it.
 *
 * <p>A change of a report is a change of behaviour: re-run with {@code
 * -Dgilscope.golden.update=true} to rewrite the golden files, and review their diff (or re-record
 * everything with {@code analyzer/src/test/fixtures.sh}). On a mismatch the actual report is left
 * in {@code target/golden-actual/} for {@code diff}.
 */
class GoldenReportTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path ACTUAL = Path.of("target/golden-actual");
  private static final boolean UPDATE = Boolean.getBoolean("gilscope.golden.update");
  private static final Pattern PATH_FIELD = Pattern.compile("\"path\" : \"[^\"]*\"");

  static List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void theReportIsTheGoldenOne(Path recording) throws IOException {
    Cli cli = Cli.run("analyze", recording.toString(), "--format", "json");
    assertThat(cli.exitCode).as(cli.err).isZero();
    String report = withRepositoryPath(cli.out, recording);
    Path golden = goldenOf(recording);
    if (UPDATE) {
      Files.writeString(golden, report, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden report (create it with -Dgilscope.golden.update=true)").exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(report)) {
      Files.createDirectories(ACTUAL);
      Files.writeString(ACTUAL.resolve(golden.getFileName()), report, StandardCharsets.UTF_8);
    }
    assertThat(report)
        .as("report of %s differs from %s (actual in %s)", recording, golden, ACTUAL)
        .isEqualTo(expected);
  }

  static Path goldenOf(Path recording) {
    String name = recording.getFileName().toString().replaceFirst("\\.jfr$", ".json");
    return recording.resolveSibling(name);
  }

  /** The report names the file as given; golden files name it the same on every machine. */
  private static String withRepositoryPath(String report, Path recording) {
    String path = "analyzer/" + FIXTURES.resolve(recording.getFileName()).toString();
    return PATH_FIELD
        .matcher(report)
        .replaceFirst(Matcher.quoteReplacement("\"path\" : \"" + path + "\""));
  }
}
