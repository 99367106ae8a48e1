package dev.gilscope.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.bench.workload.WorkloadResult;
import dev.gilscope.bench.workload.WorkloadSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static final WorkloadSize SIZE = new WorkloadSize(2, 10, 100, false);

  @Test
  void mediansIgnoreFailedRunsAndRatiosCompareMedians() {
    List<RunOutcome> runs = List.of(run(300), run(100), run(200), run(400), failed());

    Summary summary = Summary.of(runs, RunOutcome::processWallNanos);

    assertThat(summary).isEqualTo(new Summary(4, 250, 100, 400));
    assertThat(summary.ratioTo(new Summary(1, 125, 125, 125))).isEqualTo(2.0);
    assertThat(Summary.of(List.of(failed()), RunOutcome::processWallNanos))
        .isEqualTo(Summary.EMPTY);
    assertThat(summary.ratioTo(Summary.EMPTY)).isNaN();
  }

  @Test
  void anExactGilscopeCountMatchesTheWorkloadsOwnCount() {
    RecordingCount exact = new RecordingCount(true, 20, 3, 0, 0, 0, 10, 1, null);
    RecordingCount short1 = new RecordingCount(true, 19, 3, 0, 0, 0, 10, 1, null);
    WorkloadResult workload = new WorkloadResult(SIZE, 20, 1, 1, 1, -1, -1, 0, -1);

    assertThat(
            new RunOutcome(Configuration.GILSCOPE_DEFAULT, 1, 1, workload, exact, null)
                .exactCount())
        .isTrue();
    assertThat(
            new RunOutcome(Configuration.GILSCOPE_DEFAULT, 1, 1, workload, short1, null)
                .exactCount())
        .isFalse();
    assertThat(
            new RunOutcome(Configuration.GILSCOPE_UNTRACKED, 1, 1, workload, exact, null)
                .exactCount())
        .as("the untracked configuration must count nothing of the GIL")
        .isFalse();
  }

  private static RunOutcome run(long wallNanos) {
    return new RunOutcome(
        Configuration.NO_AGENT,
        1,
        wallNanos,
        new WorkloadResult(SIZE, 20, wallNanos, wallNanos, wallNanos, -1, wallNanos / 2, 0, -1),
        RecordingCount.NOT_RECORDED,
        null);
  }

  private static RunOutcome failed() {
    return new RunOutcome(
        Configuration.NO_AGENT, 1, 1_000_000, null, RecordingCount.NOT_RECORDED, "exit code 1");
  }
}
