package dev.gilscope.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GilInterpreterWorkloadTest {

  @Test
  void countsEveryAcquisitionAndLosesNoUpdateUnderTheGil() throws Exception {
    WorkloadSize size = new WorkloadSize(3, 2_000, 100, true);

    WorkloadResult result = new GilInterpreterWorkload(size).run();

    assertThat(result.acquisitions()).isEqualTo(6_000);
    assertThat(result.expectedCounter()).isPositive();
    assertThat(result.counterMatches()).isTrue();
    assertThat(result.workloadNanos()).isPositive();
    assertThat(result.secondHalfNanos()).isPositive().isLessThanOrEqualTo(result.workloadNanos());
  }

  @Test
  void aWindowThatSplitsANonAtomicUpdateWouldBeCaughtByTheCounterCheck() {
    // The check compares against a single-threaded replay; a wrong counter must fail it.
    WorkloadSize size = new WorkloadSize(2, 10, 100, true);
    WorkloadResult lostUpdate = new WorkloadResult(size, 20, 1, 1, 1, -1, -1, 7, 8);

    assertThat(lostUpdate.counterMatches()).isFalse();
  }

  @Test
  void resultLineRoundTrips() {
    WorkloadSize size = new WorkloadSize(2, 1_000, 100, true);
    WorkloadResult result =
        new WorkloadResult(size, 2_000, 5_000_000, 9_000_000, 10_000_000, 42, 2_400_000, 123, 123);

    WorkloadResult parsed = WorkloadResult.parseLine(result.toLine());

    assertThat(parsed).isEqualTo(result);
    assertThat(result.otherLoadCpus()).isEqualTo(0.2);
    assertThat(result.toLine())
        .startsWith("gilscope-workload threads=2 windowsPerThread=1000")
        .contains(
            " acquisitions=2000 ",
            " acquisitionsPerSecond=400000 ",
            " jitMillis=42 ",
            " secondHalfNanos=2400000 ");
  }

  @Test
  void rejectsLinesThatAreNotResults() {
    assertThatThrownBy(() -> WorkloadResult.parseLine("Started recording 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a workload result line");
    assertThatThrownBy(() -> WorkloadResult.parseLine("gilscope-workload threads=2"))
        .hasMessageContaining("lacks 'windowsPerThread'");
  }

  @Test
  void parsesAndPrintsItsCommandLine() {
    WorkloadSize size =
        WorkloadSize.parse(
            "--threads", "4", "--windows", "1_000", "--instructions-per-window", "50");

    assertThat(size).isEqualTo(new WorkloadSize(4, 1_000, 50, false));
    assertThat(size.expectedAcquisitions()).isEqualTo(4_000);
    assertThat(WorkloadSize.parse(size.toArgs())).isEqualTo(size);
    assertThat(WorkloadSize.parse("--verify").verify()).isTrue();
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> WorkloadSize.parse("--threads", "0"))
        .hasMessage("--threads must be at least 1, got 0");
    assertThatThrownBy(() -> WorkloadSize.parse("--windows"))
        .hasMessage("missing value for --windows");
    assertThatThrownBy(() -> WorkloadSize.parse("--windows", "lots"))
        .hasMessage("--windows needs a whole number, got 'lots'");
    assertThatThrownBy(() -> WorkloadSize.parse("--thread", "2"))
        .hasMessage("unknown option '--thread'");
  }
}
