package dev.gilscope.analyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report is the same whoever reads the recording: one reader thread or several (each folds its
 * own group of chunks; episodes that cross a chunk boundary must be closed once), and gilscope's
 * chunk decoder or the JDK's {@code EventStream}.
 */
class ReaderIndependenceTest {
  private static final Path CHUNKS = GoldenReportTest.FIXTURES.resolve("agent-jdk17-chunks.jfr");

  @Test
  void theFixtureHasSeveralChunks() {
    assertThat(report(CHUNKS, "1", null)).contains("\"chunks\" : 2,");
  }

  @ParameterizedTest(name = "{0} readers")
  @ValueSource(strings = {"2", "3", "8"})
  void severalReadersReportWhatOneReaderReports(String readers) {
    assertThat(report(CHUNKS, readers, null)).isEqualTo(report(CHUNKS, "1", null));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "agent-jdk17-chunks.jfr",
        "agent-jdk25-holds.jfr",
        "agent-jdk25-juc-gil.jfr",
        "async-profiler-old-gil.jfr",
        "jdk-only-old-gil.jfr"
      })
  void theJdksEventStreamReportsWhatTheChunkDecoderReports(String name) {
    Path recording = GoldenReportTest.FIXTURES.resolve(name);
    assertThat(report(recording, "2", "jdk")).isEqualTo(report(recording, "2", null));
  }

  private static String report(Path recording, String readers, String parser) {
    String previousReaders = System.getProperty("gilscope.readers");
    String previousParser = System.getProperty("gilscope.parser");
    System.setProperty("gilscope.readers", readers);
    set("gilscope.parser", parser);
    try {
      Cli cli = Cli.run("analyze", recording.toString(), "--format", "json");
      assertThat(cli.exitCode).as(cli.err).isZero();
      return cli.out;
    } finally {
      set("gilscope.readers", previousReaders);
      set("gilscope.parser", previousParser);
    }
  }

  private static void set(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
