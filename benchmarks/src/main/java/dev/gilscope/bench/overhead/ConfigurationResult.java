package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.WorkloadResult;
import java.util.List;
import java.util.function.ToLongFunction;

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
    Summary jitMillis,
    Summary acquisitionsPerSecond,
    Summary recordedAcquisitions,
    Summary otherLoadMilliCpus,
    long trueAcquisitionsPerRun,
    double workloadRatio,
    double pairedWorkloadRatio,
    long quietPairs,
    double quietPairedWorkloadRatio,
    double pairedSecondHalfRatio,
    double processWallRatio,
    double cpuRatio) {

  private static final ToLongFunction<WorkloadResult> SECOND_HALF = WorkloadResult::secondHalfNanos;

  static ConfigurationResult of(
      Configuration configuration,
      List<String> jvmArgs,
      List<RunOutcome> runs,
      ConfigurationResult baseline,
      long trueAcquisitionsPerRun) {
    Summary workload = Summary.of(runs, run -> run.workload().workloadNanos() / 1_000_000);
    Summary wall = Summary.of(runs, run -> run.processWallNanos() / 1_000_000);
    Summary cpu = Summary.of(runs, run -> run.workload().cpuNanos() / 1_000_000);
    Summary jit = Summary.of(runs, run -> run.workload().jitMillis());
    Summary rate = Summary.of(runs, run -> Math.round(run.workload().acquisitionsPerSecond()));
    Summary recorded =
        Summary.of(runs, run -> run.recording().recordedAcquisitions(configuration.recorder));
    Summary otherLoad = Summary.of(runs, run -> Math.round(1000 * run.workload().otherLoadCpus()));
    return new ConfigurationResult(
        configuration,
        jvmArgs,
        runs,
        workload,
        wall,
        cpu,
        jit,
        rate,
        recorded,
        otherLoad,
        trueAcquisitionsPerRun,
        baseline == null ? 1.0 : workload.ratioTo(baseline.workloadMillis),
        baseline == null ? 1.0 : pairedRatio(runs, baseline.runs, false),
        baseline == null
            ? runs.stream().filter(RunOutcome::quiet).count()
            : quietPairs(runs, baseline.runs),
        baseline == null
            ? (runs.stream().anyMatch(RunOutcome::quiet) ? 1.0 : Double.NaN)
            : pairedRatio(runs, baseline.runs, true),
        baseline == null ? 1.0 : pairedRatio(runs, baseline.runs, false, SECOND_HALF),
        baseline == null ? 1.0 : wall.ratioTo(baseline.processWallMillis),
        baseline == null ? 1.0 : cpu.ratioTo(baseline.cpuMillis));
  }

  /**
   * The median over rounds of this run's workload time over the no-agent run of the same round:
   * runs of one round are seconds apart, so this cancels load that drifts over minutes. With {@code
   * quietOnly}, only rounds where both runs were {@linkplain RunOutcome#quiet() quiet}.
   */
  private static double pairedRatio(
      List<RunOutcome> runs, List<RunOutcome> baselineRuns, boolean quietOnly) {
    return pairedRatio(runs, baselineRuns, quietOnly, WorkloadResult::workloadNanos);
  }

  private static double pairedRatio(
      List<RunOutcome> runs,
      List<RunOutcome> baselineRuns,
      boolean quietOnly,
      ToLongFunction<WorkloadResult> nanos) {
    List<Double> ratios = new java.util.ArrayList<>();
    for (RunOutcome run : runs) {
      for (RunOutcome baseline : baselineRuns) {
        if (run.round() == baseline.round()
            && run.succeeded()
            && baseline.succeeded()
            && (!quietOnly || (run.quiet() && baseline.quiet()))
            && nanos.applyAsLong(run.workload()) > 0
            && nanos.applyAsLong(baseline.workload()) > 0) {
          ratios.add(
              nanos.applyAsLong(run.workload()) / (double) nanos.applyAsLong(baseline.workload()));
        }
      }
    }
    if (ratios.isEmpty()) {
      return Double.NaN;
    }
    java.util.Collections.sort(ratios);
    int middle = ratios.size() / 2;
    return ratios.size() % 2 == 1
        ? ratios.get(middle)
        : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
  }

  private static long quietPairs(List<RunOutcome> runs, List<RunOutcome> baselineRuns) {
    return runs.stream()
        .filter(RunOutcome::quiet)
        .filter(
            run ->
                baselineRuns.stream()
                    .anyMatch(baseline -> baseline.round() == run.round() && baseline.quiet()))
        .count();
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
