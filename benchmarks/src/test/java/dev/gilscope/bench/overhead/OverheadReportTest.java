package dev.gilscope.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.bench.workload.WorkloadResult;
import dev.gilscope.bench.workload.WorkloadSize;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadReportTest {
  private static final WorkloadSize SIZE = new WorkloadSize(2, 50, 100, false);

  @Test
  void reportsRatiosToTheNoAgentRunsOfTheSameRoundsAndTheExactCountCheck(@TempDir Path dir)
      throws Exception {
    ConfigurationResult none =
        ConfigurationResult.of(
            Configuration.NO_AGENT,
            List.of(),
            List.of(
                run(Configuration.NO_AGENT, 1, 1_000_000_000, 0),
                run(Configuration.NO_AGENT, 2, 1_200_000_000, 0)),
            null,
            100);
    ConfigurationResult gilscope =
        ConfigurationResult.of(
            Configuration.GILSCOPE_DEFAULT,
            List.of("-javaagent:a.jar=monitor=X#GIL"),
            List.of(
                run(Configuration.GILSCOPE_DEFAULT, 1, 1_100_000_000, 100),
                run(Configuration.GILSCOPE_DEFAULT, 2, 1_200_000_000, 99)),
            none,
            100);
    HarnessOptions options = HarnessOptions.parse(dir, "--runs", "2");
    OverheadReport report = new OverheadReport(options, List.of(none, gilscope), Map.of("k", "v"));

    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.printTable(new PrintStream(table, true, StandardCharsets.UTF_8));
    report.writeFiles(dir);

    assertThat(gilscope.workloadRatio()).isCloseTo(1150.0 / 1100, within());
    assertThat(gilscope.pairedWorkloadRatio()).isCloseTo((1.1 + 1.0) / 2, within());
    // the second halves (half of each run here) pair up the same way
    assertThat(gilscope.pairedSecondHalfRatio()).isCloseTo((1.1 + 1.0) / 2, within());
    assertThat(gilscope.exactCountRuns()).isEqualTo(1);
    assertThat(table.toString(StandardCharsets.UTF_8))
        .contains("gilscope-default")
        .contains("exact in 1/2 runs");
    assertThat(Files.readString(dir.resolve("summary.json")))
        .contains("\"id\": \"gilscope-default\"", "\"exactCountRuns\": 1", "\"k\": \"v\"");
    assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(5);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static RunOutcome run(
      Configuration configuration, int round, long workloadNanos, long recorded) {
    RecordingCount recording =
        configuration.recorder == Configuration.Recorder.NONE
            ? RecordingCount.NOT_RECORDED
            : new RecordingCount(true, recorded, 2, 0, 0, 0, 10, 1, null);
    return new RunOutcome(
        configuration,
        round,
        workloadNanos + 500,
        new WorkloadResult(
            SIZE, 100, workloadNanos, workloadNanos, workloadNanos, -1, workloadNanos / 2, 0, -1),
        recording,
        null);
  }
}
