package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze a.jfr b.jfr dir/}: each recording's report, then the monitors they share. */
class ManyRecordingsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path dir;

  private Path copy(String fixture, String as) throws IOException {
    return Files.copy(FIXTURES.resolve(fixture), dir.resolve(as));
  }

  @Test
  void jsonHasEachRecordingsReportAndTheCommonMonitors() throws IOException {
    Path a = copy("agent-jdk17-old-gil.jfr", "a.jfr");
    Path b = copy("agent-jdk17-old-gil.jfr", "b.jfr");
    Path other = copy("agent-jdk17-holds.jfr", "c.jfr");
    Cli single = Cli.run("analyze", a.toString(), "--format", "json");
    Cli many = Cli.run("analyze", a.toString(), b.toString(), other.toString(), "--format", "json");
    assertThat(many.exitCode).as(many.err).isZero();
    assertThat(many.out).startsWith("{\n  \"recordings\" : [ {");
    assertThat(many.out).contains("\"common\" : [ {").contains("\"path\" : \"" + b + "\"");
    // the single report is unchanged, and it is the first element, indented one level deeper
    assertThat(single.out).startsWith("{\n  \"recording\" : {");
    assertThat(many.out).contains("\"recordings\" : [ \"" + a + "\", \"" + b + "\" ]");
  }

  @Test
  void aDirectoryIsItsRecordingsSortedAndTheTextEndsWithTheCommonTable() throws IOException {
    copy("agent-jdk17-old-gil.jfr", "2.jfr");
    copy("agent-jdk17-old-gil.jfr", "1.jfr");
    Files.writeString(dir.resolve("readme.txt"), "not a recording");
    Cli r = Cli.run("analyze", dir.toString());
    assertThat(r.exitCode).as(r.err).isZero();
    assertThat(r.out).startsWith("=== recording 1 of 2: " + dir.resolve("1.jfr") + " ===\n");
    assertThat(r.out).contains("=== recording 2 of 2: " + dir.resolve("2.jfr") + " ===\n");
    assertThat(r.out).contains("MONITORS IN MORE THAN ONE RECORDING (");
    assertThat(r.out).containsPattern("\\n  \\S+ +2/2 ");
  }

  @Test
  void failOnLooksAtEveryRecording() throws IOException {
    Path quiet = copy("agent-jdk17-holds.jfr", "quiet.jfr");
    Path gil = copy("agent-jdk17-old-gil.jfr", "gil.jfr");
    Cli alone = Cli.run("analyze", quiet.toString(), "--fail-on", "SERIALIZATION");
    Cli both = Cli.run("analyze", quiet.toString(), gil.toString(), "--fail-on", "SERIALIZATION");
    assertThat(alone.exitCode).isZero();
    assertThat(both.exitCode).isEqualTo(ExitCodes.FAIL_ON_FOUND);
  }
}
