package dev.gilscope.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.read.RecordingReader;
import dev.gilscope.analyzer.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --hgrm DIR}: HdrHistogram percentile files per monitor and metric. */
class HgrmWriterTest {
  private static final Path OLD_GIL =
      Path.of("src/test/resources/fixtures/agent-jdk17-old-gil.jfr");
  private static final String GIL = "dev.gilscope.demo.oldgil.OldGilInterpreter#GIL";

  @Test
  void writesTheWaitAndHoldDistributionsOfEachMonitor(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("hgrm");
    Cli cli =
        Cli.run(
            "analyze",
            OLD_GIL.toString(),
            "--format",
            "json",
            "--output",
            dir.resolve("r.json").toString(),
            "--hgrm",
            out.toString());
    assertThat(cli.exitCode).as(cli.err).isZero();

    MonitorStats gil = monitor(GIL);
    Path waits = out.resolve("dev.gilscope.demo.oldgil.OldGilInterpreter_GIL.wait.hgrm");
    Path holds = out.resolve("dev.gilscope.demo.oldgil.OldGilInterpreter_GIL.hold.hgrm");
    assertThat(waits).exists();
    assertThat(holds).exists();
    assertDistribution(waits, gil.waits().count(), gil.waits().maxNanos());
    assertDistribution(holds, gil.holds().count(), gil.holds().maxNanos());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.(wait|hold)\\.hgrm"));
    }
  }

  @Test
  void fileNamesAreSafeAndDistinct(@TempDir Path dir) throws Exception {
    MonitorStats evil = recorded("<img src=x onerror=alert(1)>/../../etc");
    MonitorStats a = recorded("a/b");
    MonitorStats collides = recorded("a:b");
    MonitorStats sameButCase = recorded("A:B");
    MonitorStats hidden = recorded("..");
    List<Path> files = HgrmWriter.write(List.of(evil, a, collides, sameButCase, hidden), dir);

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "_img_src_x_onerror_alert_1___.._.._etc.wait.hgrm",
            "a_b.wait.hgrm",
            "a_b-2.wait.hgrm",
            "A_B-3.wait.hgrm",
            "__.wait.hgrm");
    assertThat(files).allMatch(p -> p.getParent().equals(dir));
    assertThat(HgrmWriter.safeName("x".repeat(500))).hasSize(HgrmWriter.MAX_NAME_CHARS);
  }

  @Test
  void anEmptyDistributionGetsNoFile(@TempDir Path dir) throws Exception {
    MonitorStats waitsOnly = recorded("jdk");
    assertThat(HgrmWriter.write(List.of(waitsOnly), dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("jdk.wait.hgrm");
  }

  /** The file's last percentile line counts every value; its max is the histogram's, in µs. */
  private static void assertDistribution(Path file, long count, long maxNanos) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0).trim()).isEqualTo("Value     Percentile TotalCount 1/(1-Percentile)");
    String last =
        lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).reduce((x, y) -> y).get();
    String[] columns = last.trim().split("\\s+");
    assertThat(Double.parseDouble(columns[1])).isEqualTo(1.0);
    assertThat(Long.parseLong(columns[2])).isEqualTo(count);
    // 2 significant digits: the histogram's top bucket is within 1% of the exact max
    assertThat(Double.parseDouble(columns[0]))
        .isCloseTo(maxNanos / 1000.0, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("#[Mean"))
        .anyMatch(l -> l.startsWith(String.format(Locale.ROOT, "#[Max")));
  }

  private static MonitorStats monitor(String name) throws Exception {
    RecordingReader.ReadResult read =
        new RecordingReader(1, RecordingReader.DEFAULT_WINDOW_NANOS, null).read(OLD_GIL);
    return read.monitors().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static MonitorStats recorded(String name) {
    MonitorStats m =
        new MonitorStats(
            "k:" + name, name, null, null, dev.gilscope.analyzer.model.EventSource.JDK_MONITOR);
    m.waits().record(1_500);
    m.waits().record(250_000);
    return m;
  }
}
