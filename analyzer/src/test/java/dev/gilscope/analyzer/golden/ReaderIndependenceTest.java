package dev.gilscope.analyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report is the same whoever reads the recording: one reader thread or several (each folds its
 * own group of chunks, or its own piece of a chunk; wait episodes that cross a boundary between
 * parts must be closed once, as one episode), and gilscope's chunk decoder or the JDK's {@code
 * EventStream}. The fixtures are small, so the parts are forced ({@code
 * gilscope.parallelFromBytes=0}).
 */
class ReaderIndependenceTest {
  private static final Path CHUNKS = GoldenReportTest.FIXTURES.resolve("agent-jdk17-chunks.jfr");

  @Test
  void theFixtureHasSeveralChunks() {
    assertThat(report(CHUNKS, "1", null)).contains("\"chunks\" : 2,");
  }

  /**
   * 2 readers read the two chunks one each; 3 and 8 cut each chunk into pieces (2 and 4), whose
   * boundaries fall inside wait episodes (the fixture has 130 of them, of up to 30 ms).
   */
  @ParameterizedTest(name = "{0} readers")
  @ValueSource(strings = {"2", "3", "8"})
  void severalReadersReportWhatOneReaderReports(String readers) {
    assertThat(report(CHUNKS, readers, null)).isEqualTo(report(CHUNKS, "1", null));
  }

  /**
   * One chunk cut into 2, 3 and 8 pieces, on recordings with wait episodes and the JDK's events.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "agent-jdk17-contended.jfr",
        "agent-jdk17-all.jfr",
        "agent-jdk17-new-gil-late-buffer.jfr",
        "agent-jdk17-threshold.jfr",
        "agent-jdk25-holds.jfr",
        "agent-jdk25-juc-gil.jfr",
        "jdk-only-old-gil.jfr"
      })
  void piecesOfOneChunkReportWhatOneReaderReports(String name) {
    Path recording = GoldenReportTest.FIXTURES.resolve(name);
    String one = report(recording, "1", null);
    for (String readers : new String[] {"2", "3", "8"}) {
      assertThat(report(recording, readers, null)).as(readers + " readers").isEqualTo(one);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "agent-jdk17-chunks.jfr",
        "agent-jdk17-new-gil-late-buffer.jfr",
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
    String previousFrom = System.getProperty("gilscope.parallelFromBytes");
    System.setProperty("gilscope.readers", readers);
    System.setProperty("gilscope.parallelFromBytes", "0");
    set("gilscope.parser", parser);
    try {
      Cli cli = Cli.run("analyze", recording.toString(), "--format", "json");
      assertThat(cli.exitCode).as(cli.err).isZero();
      return cli.out;
    } finally {
      set("gilscope.readers", previousReaders);
      set("gilscope.parser", previousParser);
      set("gilscope.parallelFromBytes", previousFrom);
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
