package dev.gilscope.bench.overhead;

import java.util.List;

/**
 * A configuration's runs boiled down: timing summaries, ratios to the no-agent runs of the same
 * rounds, and how much of the workload's true acquisition count its tool recorded.
 */
record ConfigurationResult(
    Configuration configuration,
    List<String> jvmArgs,
    List<RunOutcome> runs,
    Summary workloadMillis,
    Summary processWallMillis,
    Summary cpuMillis,
    Summary acquisitionsPerSecond,
    Summary recordedAcquisitions,
    long trueAcquisitionsPerRun,
    double workloadRatio,
    double processWallRatio,
    double cpuRatio) {

  static ConfigurationResult of(
      Configuration configuration,
      List<String> jvmArgs,
      List<RunOutcome> runs,
      ConfigurationResult baseline,
      long trueAcquisitionsPerRun) {
    Summary workload = Summary.of(runs, run -> run.workload().workloadNanos() / 1_000_000);
    Summary wall = Summary.of(runs, run -> run.processWallNanos() / 1_000_000);
    Summary cpu = Summary.of(runs, run -> run.workload().cpuNanos() / 1_000_000);
    Summary rate = Summary.of(runs, run -> Math.round(run.workload().acquisitionsPerSecond()));
    Summary recorded =
        Summary.of(runs, run -> run.recording().recordedAcquisitions(configuration.recorder));
    return new ConfigurationResult(
        configuration,
        jvmArgs,
        runs,
        workload,
        wall,
        cpu,
        rate,
        recorded,
        trueAcquisitionsPerRun,
        baseline == null ? 1.0 : workload.ratioTo(baseline.workloadMillis),
        baseline == null ? 1.0 : wall.ratioTo(baseline.processWallMillis),
        baseline == null ? 1.0 : cpu.ratioTo(baseline.cpuMillis));
  }

  long failedRuns() {
    return runs.stream().filter(run -> !run.succeeded()).count();
  }

  /** Runs whose tool counted every acquisition exactly (meaningful for gilscope only). */
  long exactCountRuns() {
    return runs.stream().filter(RunOutcome::exactCount).count();
  }

  /** Recorded share of the true acquisitions, median run, as a fraction. */
  double recordedFraction() {
    return recordedAcquisitions.count() == 0
        ? Double.NaN
        : recordedAcquisitions.median() / trueAcquisitionsPerRun;
  }

  boolean recordingsPresent() {
    return runs.stream().filter(RunOutcome::succeeded).allMatch(run -> run.recording().present());
  }
}
