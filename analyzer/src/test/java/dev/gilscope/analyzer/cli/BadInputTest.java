package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.Recordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad input: exit 2, one line (plus a usage hint for usage errors), no trace. */
class BadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    Cli r = Cli.run("analyze", dir.resolve("nope.jfr").toString());
    assertOneLine(r, "gilscope analyze: file not found '" + dir.resolve("nope.jfr") + "'");
  }

  @Test
  void directoryWithoutRecordings() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not a recording");
    Cli r = Cli.run("analyze", dir.toString());
    assertOneLine(r, "gilscope analyze: '" + dir + "' is a directory with no .jfr recordings");
  }

  @Test
  void aBadRecordingAmongSeveral() throws IOException {
    Path good = Recordings.withoutLockEvents(dir);
    Path empty = Files.createFile(dir.resolve("empty.jfr"));
    assertOneLine(
        Cli.run("analyze", good.toString(), empty.toString()),
        "gilscope analyze: file is empty '" + empty + "'");
  }

  @Test
  void emptyFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.jfr"));
    assertOneLine(
        Cli.run("analyze", empty.toString()), "gilscope analyze: file is empty '" + empty + "'");
  }

  @Test
  void textFile() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.jfr"), "hello, this is not a recording\n");
    assertOneLine(
        Cli.run("analyze", text.toString()),
        "gilscope analyze: not a JFR recording '" + text + "' (no FLR magic at its start)");
  }

  @Test
  void zipFile() throws IOException {
    Path zip = dir.resolve("r.zip");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry("a.txt"));
      z.write("x".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertOneLine(
        Cli.run("analyze", zip.toString()),
        "gilscope analyze: not a JFR recording '" + zip + "' (no FLR magic at its start)");
  }

  @Test
  void truncatedRecording() throws IOException {
    Path full = Recordings.withoutLockEvents(dir);
    byte[] bytes = Files.readAllBytes(full);
    Path half = dir.resolve("half.jfr");
    Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Cli r = Cli.run("analyze", half.toString());
    assertThat(r.exitCode).isEqualTo(ExitCodes.BAD_USAGE_OR_INPUT);
    assertThat(r.err)
        .startsWith("gilscope analyze: truncated recording '" + half + "': chunk 1 at byte 0 needs")
        .endsWith("remain\n");
    assertNoTrace(r);
  }

  @Test
  void unknownOptionWithTypoHint() throws IOException {
    Path file = Recordings.withoutLockEvents(dir);
    Cli r = Cli.run("analyze", file.toString(), "--formt", "json");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err.lines().findFirst().orElseThrow())
        .isEqualTo("gilscope analyze: unknown option '--formt', did you mean --format?");
    assertThat(r.err.lines().skip(1).findFirst().orElseThrow())
        .startsWith("usage: gilscope analyze");
    assertNoTrace(r);
  }

  @Test
  void badFormat() throws IOException {
    Path file = Recordings.withoutLockEvents(dir);
    Cli r = Cli.run("analyze", file.toString(), "--format", "xml");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err.lines().findFirst().orElseThrow())
        .isEqualTo("gilscope analyze: unknown format 'xml', expected text, json or html");
    assertNoTrace(r);
  }

  @Test
  void badFailOnKind() throws IOException {
    Path file = Recordings.withoutLockEvents(dir);
    Cli r = Cli.run("analyze", file.toString(), "--fail-on", "CONVOY,DEADLOCK");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err.lines().findFirst().orElseThrow())
        .isEqualTo(
            "gilscope analyze: unknown finding kind 'DEADLOCK' in --fail-on, expected"
                + " SERIALIZATION, THRASHING, CONVOY or STARVATION");
    assertNoTrace(r);
  }

  @Test
  void missingRecordingArgument() {
    Cli r = Cli.run("analyze");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err)
        .startsWith("gilscope analyze: missing required parameter: '<recording.jfr|dir>'");
    assertNoTrace(r);
  }

  @Test
  void unknownCommand() {
    Cli r = Cli.run("analyse", "x.jfr");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).startsWith("gilscope: unexpected argument 'analyse', did you mean analyze?");
    assertNoTrace(r);
  }

  @Test
  void validRecordingWithoutLockEventsSaysSo() throws IOException {
    Path file = Recordings.withoutLockEvents(dir);
    Cli r = Cli.run("analyze", file.toString());
    assertThat(r.exitCode).isEqualTo(ExitCodes.OK);
    assertThat(r.out).contains("No lock events in this recording");
    assertThat(r.err).isEmpty();
    Cli json = Cli.run("analyze", file.toString(), "--format", "json");
    assertThat(json.exitCode).isZero();
    assertThat(json.out).contains("\"note\" : \"no lock events in this recording\"");
  }

  private static void assertOneLine(Cli r, String expected) {
    assertThat(r.exitCode).isEqualTo(ExitCodes.BAD_USAGE_OR_INPUT);
    assertThat(r.err).isEqualTo(expected + "\n");
    assertThat(r.out).isEmpty();
  }

  private static void assertNoTrace(Cli r) {
    assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
