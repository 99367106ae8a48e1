package dev.gilscope.bench.overhead;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the harness's results: a text table for the terminal, {@code summary.json} (one object
 * per configuration) and {@code runs.csv} (one row per measured run) for scripts and the docs.
 */
final class OverheadReport {
  private final HarnessOptions options;
  private final List<ConfigurationResult> results;
  private final Map<String, String> environment;

  OverheadReport(
      HarnessOptions options, List<ConfigurationResult> results, Map<String, String> environment) {
    this.options = options;
    this.results = List.copyOf(results);
    this.environment = Map.copyOf(environment);
  }

  void printTable(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n%-22s %5s  %-24s %6s %6s %5s %6s %6s  %-24s %6s  %6s  %6s  %9s  %5s  %s%n",
        "configuration",
        "runs",
        "workload ms med [min..max]",
        "ratio",
        "paired",
        "quiet",
        "q.pair",
        "half2",
        "process ms med [min..max]",
        "ratio",
        "cpu x",
        "jit ms",
        "acq/s",
        "other",
        "recorded of true acquisitions (median run)");
    for (ConfigurationResult result : results) {
      out.printf(
          Locale.ROOT,
          "%-22s %2d/%-2d  %-24s %6s %6s %5d %6s %6s  %-24s %6s  %6s  %6.0f  %8.2fM  %5.2f  %s%n",
          result.configuration().id,
          result.runs().size() - result.failedRuns(),
          result.runs().size(),
          range(result.workloadMillis()),
          ratio(result.workloadRatio()),
          ratio(result.pairedWorkloadRatio()),
          result.quietPairs(),
          ratio(result.quietPairedWorkloadRatio()),
          ratio(result.pairedSecondHalfRatio()),
          range(result.processWallMillis()),
          ratio(result.processWallRatio()),
          ratio(result.cpuRatio()),
          result.jitMillis().median(),
          result.acquisitionsPerSecond().median() / 1e6,
          result.otherLoadMilliCpus().median() / 1000,
          recorded(result));
    }
    out.println(
        "ratio: median over median of the no-agent runs; paired: median of per-round ratios;"
            + " quiet: rounds where this run and the no-agent run both had other load <= "
            + RunOutcome.QUIET_OTHER_LOAD_CPUS
            + " CPUs; q.pair: paired ratio over those rounds;"
            + " half2: paired ratio of the second half of the acquisitions (after most of the"
            + " JIT's one-time work);"
            + " jit ms: JIT compilation time during the workload (median run);"
            + " other: CPUs kept busy by other processes during the workload (median run)");
    for (ConfigurationResult result : results) {
      for (RunOutcome run : result.runs()) {
        if (!run.succeeded()) {
          out.printf(
              "  %s round %d failed: %s%n", result.configuration().id, run.round(), run.failure());
        } else if (run.recording().problem() != null) {
          out.printf(
              "  %s round %d recording unreadable: %s%n",
              result.configuration().id, run.round(), run.recording().problem());
        }
      }
    }
  }

  void writeFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.json"), json(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("runs.csv"), csv(), StandardCharsets.UTF_8);
  }

  private static String range(Summary summary) {
    if (summary.count() == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT, "%.0f [%.0f..%.0f]", summary.median(), summary.min(), summary.max());
  }

  private static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio);
  }

  private static String recorded(ConfigurationResult result) {
    Configuration configuration = result.configuration();
    if (configuration.recorder == Configuration.Recorder.NONE) {
      return "-";
    }
    if (!result.recordingsPresent()) {
      return "no recording written";
    }
    long recorded = Math.round(result.recordedAcquisitions().median());
    return switch (configuration.recorder) {
      case GILSCOPE ->
          String.format(
              Locale.ROOT,
              "%d of %d (MonitorStatistics sum; exact in %d/%d runs%s)",
              recorded,
              configuration == Configuration.GILSCOPE_UNTRACKED
                  ? 0
                  : result.trueAcquisitionsPerRun(),
              result.exactCountRuns(),
              result.runs().size(),
              acquireEvents(result));
      case JDK_MONITOR_ENTER ->
          String.format(
              Locale.ROOT,
              "%d JavaMonitorEnter events = %.3f%% of %d",
              recorded,
              100 * result.recordedFraction(),
              result.trueAcquisitionsPerRun());
      case NONE -> "-";
    };
  }

  private static String acquireEvents(ConfigurationResult result) {
    return result.runs().stream()
        .filter(RunOutcome::succeeded)
        .findFirst()
        .map(
            run ->
                String.format(
                    Locale.ROOT,
                    "; %d MonitorAcquire, %d MonitorHold events",
                    run.recording().gilscopeAcquireEvents(),
                    run.recording().gilscopeHoldEvents()))
        .orElse("");
  }

  private String json() {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"environment\": {");
    String separator = "\n";
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(environment).entrySet()) {
      json.append(separator)
          .append("    ")
          .append(Json.string(entry.getKey()))
          .append(": ")
          .append(Json.string(entry.getValue()));
      separator = ",\n";
    }
    json.append("\n  },\n");
    json.append("  \"workload\": {\"threads\": ")
        .append(options.size().threads())
        .append(", \"windowsPerThread\": ")
        .append(options.size().windowsPerThread())
        .append(", \"instructionsPerWindow\": ")
        .append(options.size().instructionsPerWindow())
        .append(", \"acquisitionsPerRun\": ")
        .append(options.size().expectedAcquisitions())
        .append("},\n");
    json.append("  \"runsPerConfiguration\": ").append(options.runs()).append(",\n");
    json.append("  \"warmupRounds\": ").append(options.warmupRounds()).append(",\n");
    json.append("  \"configurations\": [");
    separator = "\n";
    for (ConfigurationResult result : results) {
      json.append(separator).append(configurationJson(result));
      separator = ",\n";
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static String configurationJson(ConfigurationResult result) {
    StringBuilder json = new StringBuilder("    {");
    json.append("\"id\": ").append(Json.string(result.configuration().id));
    json.append(", \"description\": ").append(Json.string(result.configuration().description));
    json.append(", \"jvmArgs\": [");
    for (int i = 0; i < result.jvmArgs().size(); i++) {
      json.append(i == 0 ? "" : ", ").append(Json.string(result.jvmArgs().get(i)));
    }
    json.append("]");
    json.append(", \"runs\": ").append(result.runs().size());
    json.append(", \"failedRuns\": ").append(result.failedRuns());
    json.append(",\n      \"workloadMillis\": ").append(summaryJson(result.workloadMillis()));
    json.append(", \"workloadRatio\": ").append(Json.number(result.workloadRatio()));
    json.append(", \"pairedWorkloadRatio\": ").append(Json.number(result.pairedWorkloadRatio()));
    json.append(", \"quietPairs\": ").append(result.quietPairs());
    json.append(", \"quietPairedWorkloadRatio\": ")
        .append(Json.number(result.quietPairedWorkloadRatio()));
    json.append(", \"pairedSecondHalfRatio\": ")
        .append(Json.number(result.pairedSecondHalfRatio()));
    json.append(",\n      \"otherLoadMilliCpus\": ")
        .append(summaryJson(result.otherLoadMilliCpus()));
    json.append(",\n      \"processWallMillis\": ").append(summaryJson(result.processWallMillis()));
    json.append(", \"processWallRatio\": ").append(Json.number(result.processWallRatio()));
    json.append(",\n      \"cpuMillis\": ").append(summaryJson(result.cpuMillis()));
    json.append(",\n      \"jitMillis\": ").append(summaryJson(result.jitMillis()));
    json.append(", \"cpuRatio\": ").append(Json.number(result.cpuRatio()));
    json.append(",\n      \"acquisitionsPerSecond\": ")
        .append(summaryJson(result.acquisitionsPerSecond()));
    json.append(",\n      \"recorder\": ")
        .append(Json.string(result.configuration().recorder.name()));
    json.append(", \"recordingsPresent\": ").append(result.recordingsPresent());
    json.append(", \"recordedAcquisitions\": ").append(summaryJson(result.recordedAcquisitions()));
    json.append(", \"trueAcquisitionsPerRun\": ").append(result.trueAcquisitionsPerRun());
    json.append(", \"recordedFraction\": ").append(Json.number(result.recordedFraction()));
    json.append(", \"exactCountRuns\": ").append(result.exactCountRuns());
    return json.append("}").toString();
  }

  private static String summaryJson(Summary summary) {
    return "{\"median\": "
        + Json.number(summary.median())
        + ", \"min\": "
        + Json.number(summary.min())
        + ", \"max\": "
        + Json.number(summary.max())
        + ", \"count\": "
        + summary.count()
        + "}";
  }

  private String csv() {
    StringBuilder csv =
        new StringBuilder(
            "configuration,round,succeeded,processWallNanos,workloadNanos,secondHalfNanos,cpuNanos,"
                + "machineBusyNanos,acquisitions,"
                + "gilscopeStatisticsAcquisitions,gilscopeAcquireEvents,gilscopeHoldEvents,"
                + "jdkMonitorEnterEvents,recordingEvents,failure\n");
    for (ConfigurationResult result : results) {
      for (RunOutcome run : result.runs()) {
        RecordingCount recording = run.recording();
        csv.append(result.configuration().id)
            .append(',')
            .append(run.round())
            .append(',')
            .append(run.succeeded())
            .append(',')
            .append(run.processWallNanos())
            .append(',')
            .append(run.succeeded() ? run.workload().workloadNanos() : -1)
            .append(',')
            .append(run.succeeded() ? run.workload().secondHalfNanos() : -1)
            .append(',')
            .append(run.succeeded() ? run.workload().cpuNanos() : -1)
            .append(',')
            .append(run.succeeded() ? run.workload().machineBusyNanos() : -1)
            .append(',')
            .append(run.succeeded() ? run.workload().acquisitions() : -1)
            .append(',')
            .append(recording.gilscopeStatisticsAcquisitions())
            .append(',')
            .append(recording.gilscopeAcquireEvents())
            .append(',')
            .append(recording.gilscopeHoldEvents())
            .append(',')
            .append(recording.jdkMonitorEnterEvents())
            .append(',')
            .append(recording.totalEvents())
            .append(',')
            .append(run.failure() == null ? "" : Json.string(run.failure()))
            .append('\n');
      }
    }
    return csv.toString();
  }
}
