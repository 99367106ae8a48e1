package dev.gilscope.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.bench.workload.WorkloadSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny child JVM and one tiny recording: the harness's plumbing, not its timings. */
class ChildJvmTest {

  @Test
  void runsTheWorkloadInAChildJvmAndReadsItsExactCount(@TempDir Path dir) throws Exception {
    WorkloadSize size = new WorkloadSize(2, 500, 100, false);
    ChildJvm child =
        new ChildJvm(Path.of(System.getProperty("java.home"), "bin", "java"), classesDir(), size);

    RunOutcome outcome = child.run(Configuration.NO_AGENT, 1, List.of(), dir.resolve("none-1"));

    assertThat(outcome.failure()).isNull();
    assertThat(outcome.workload().acquisitions()).isEqualTo(1_000);
    assertThat(outcome.processWallNanos()).isGreaterThan(outcome.workload().workloadNanos());
    assertThat(dir.resolve("none-1.out")).exists();
  }

  @Test
  void aChildThatFailsIsReportedWithItsExitCode(@TempDir Path dir) throws Exception {
    ChildJvm child =
        new ChildJvm(
            Path.of(System.getProperty("java.home"), "bin", "java"),
            classesDir(),
            new WorkloadSize(1, 1, 1, false));

    RunOutcome outcome =
        child.run(Configuration.NO_AGENT, 1, List.of("-XX:NoSuchOption"), dir.resolve("bad"));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failure()).startsWith("exit code 1");
  }

  @Test
  void countsNothingInAMissingRecordingAndReadsARealOne(@TempDir Path dir) throws Exception {
    assertThat(RecordingCounter.count(dir.resolve("absent.jfr")))
        .isEqualTo(RecordingCount.NOT_RECORDED);

    Path file = dir.resolve("empty.jfr");
    try (Recording recording = new Recording()) {
      recording.start();
      recording.stop();
      recording.dump(file);
    }
    RecordingCount count = RecordingCounter.count(file);
    assertThat(count.present()).isTrue();
    assertThat(count.gilscopeStatisticsAcquisitions()).isZero();
    assertThat(count.problem()).isNull();

    Path garbage = Files.writeString(dir.resolve("garbage.jfr"), "not a recording");
    assertThat(RecordingCounter.count(garbage).problem()).startsWith("garbage.jfr: ");
  }

  private static String classesDir() throws Exception {
    return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
