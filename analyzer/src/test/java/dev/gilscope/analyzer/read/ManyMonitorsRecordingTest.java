package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.analyzer.testing.FakeAgentEvents;
import dev.gilscope.analyzer.testing.Processes;
import dev.gilscope.analyzer.testing.Recordings;
import dev.gilscope.contract.GilscopeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording with a hundred thousand monitors, as an older agent wrote for {@code monitor=<class>}
 * on a class with many instances: analysed in a 256 MB heap with the busiest monitors kept and the
 * rest folded into one per class, exact totals; refused with one line and exit 2 in a heap too
 * small for it, never an OutOfMemoryError.
 */
class ManyMonitorsRecordingTest {
  private static final int MONITORS = 120_000;
  private static final String SESSION = "com.acme.Session";

  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void record() throws Exception {
    file =
        Recordings.record(
            dir.resolve("many.jfr"),
            () -> {
              hot();
              for (int id = 1; id <= MONITORS; id++) {
                FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
                s.monitor(id, SESSION + "@" + Integer.toHexString(0x1000_0000 + id));
                s.acquisitions = 1;
                s.commit();
              }
            },
            GilscopeEvents.MONITOR_STATISTICS);
  }

  private static void hot() {
    FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
    s.monitor(MONITORS + 1, SESSION + "@cafe");
    s.acquisitions = 5000;
    s.contendedAcquisitions = 2500;
    s.commit();
  }

  @Test
  void isAnalysedInA256MegabyteHeapWithTheBusiestMonitorsKeptAndExactTotals() throws Exception {
    Processes r = analyze("-Xmx256m");

    assertThat(r.exitCode).as(r.err).isZero();
    JsonNode monitors = new ObjectMapper().readTree(r.out).get("monitors");
    assertThat(monitors.size())
        .isLessThanOrEqualTo(2 * EventAccumulator.MONITORS_KEPT + 1)
        .isGreaterThanOrEqualTo(EventAccumulator.MONITORS_KEPT);
    long total = 0;
    JsonNode hot = null;
    JsonNode folded = null;
    for (JsonNode m : monitors) {
      total += m.get("acquisitions").asLong();
      if (m.get("name").asText().equals(SESSION + "@cafe")) {
        hot = m;
      }
      if (m.get("name").asText().endsWith(EventAccumulator.FOLDED_SUFFIX)) {
        folded = m;
      }
    }
    assertThat(total).isEqualTo(acquisitionsInFile()).isGreaterThan(MONITORS / 2);
    assertThat(hot).isNotNull();
    assertThat(hot.get("acquisitions").asLong()).isEqualTo(5000);
    assertThat(hot.get("contendedAcquisitions").asLong()).isEqualTo(2500);
    assertThat(folded).isNotNull();
    assertThat(folded.get("kind").asText()).isEqualTo("instances");
    assertThat(folded.get("acquisitions").asLong()).isGreaterThan(MONITORS / 2);
  }

  @Test
  void isRefusedWithOneLineInAHeapTooSmallForIt() throws Exception {
    Processes r = analyze("-Xmx6m");

    assertThat(r.exitCode).as(r.err).isEqualTo(2);
    assertThat(r.err.lines())
        .singleElement()
        .asString()
        .startsWith("gilscope analyze: not enough memory to analyse " + file)
        .endsWith("run it with a larger heap, e.g. java -Xmx2g -jar gilscope-analyzer.jar");
    assertThat(r.out).isEmpty();
  }

  /** What the file holds (JFR may drop events of an in-process recording under load). */
  private static long acquisitionsInFile() throws Exception {
    long sum = 0;
    try (RecordingFile in = new RecordingFile(file)) {
      while (in.hasMoreEvents()) {
        RecordedEvent e = in.readEvent();
        if (e.getEventType().getName().equals(GilscopeEvents.MONITOR_STATISTICS)) {
          sum += e.getLong("acquisitions");
        }
      }
    }
    return sum;
  }

  private static Processes analyze(String heap) throws Exception {
    return Processes.java(
        Files.createDirectories(dir.resolve("work-" + heap.substring(2))),
        120,
        heap,
        "-cp",
        System.getProperty("java.class.path"),
        "dev.gilscope.analyzer.cli.GilscopeAnalyzer",
        "analyze",
        file.toString(),
        "--format",
        "json");
  }
}
