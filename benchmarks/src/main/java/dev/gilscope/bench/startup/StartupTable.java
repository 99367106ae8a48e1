package dev.gilscope.bench.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The start-up table: per configuration the median wall and CPU time, and the median over rounds of
 * the difference to the plain JVM of the same round (paired, so that a slow round for everyone
 * cancels out). Failed runs are listed below the table and left out of the figures.
 */
final class StartupTable {
  private StartupTable() {}

  static String render(String header, Map<StartupConfiguration, List<StartupRun>> results) {
    StringBuilder text = new StringBuilder(header).append(System.lineSeparator());
    text.append(
        String.format(
            Locale.ROOT,
            "%-38s %5s %10s %10s %14s %14s%n",
            "configuration",
            "runs",
            "wall (ms)",
            "cpu (ms)",
            "wall - plain",
            "cpu - plain"));
    List<StartupRun> plain = results.get(StartupConfiguration.PLAIN);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<StartupConfiguration, List<StartupRun>> e : results.entrySet()) {
      List<StartupRun> runs = e.getValue();
      boolean baseline = e.getKey() == StartupConfiguration.PLAIN;
      text.append(
          String.format(
              Locale.ROOT,
              "%-38s %5d %10.0f %10.0f %14s %14s%n",
              e.getKey().description,
              runs.stream().filter(StartupRun::succeeded).count(),
              millis(median(runs, StartupRun::wallNanos)),
              millis(median(runs, StartupRun::cpuNanos)),
              baseline ? "" : signed(millis(pairedDelta(runs, plain, StartupRun::wallNanos))),
              baseline ? "" : signed(millis(pairedDelta(runs, plain, StartupRun::cpuNanos)))));
      runs.stream().filter(r -> !r.succeeded()).forEach(r -> problems.add(r.problem()));
    }
    problems.forEach(p -> text.append("failed: ").append(p).append(System.lineSeparator()));
    return text.toString();
  }

  /** The median of a measure over the successful runs, NaN when there is none. */
  static double median(List<StartupRun> runs, ToLongFunction<StartupRun> measure) {
    return median(
        runs.stream().filter(StartupRun::succeeded).mapToDouble(measure::applyAsLong).toArray());
  }

  /** The median over rounds of (run - baseline run of the same round), where both succeeded. */
  static double pairedDelta(
      List<StartupRun> runs, List<StartupRun> baseline, ToLongFunction<StartupRun> measure) {
    int rounds = Math.min(runs.size(), baseline.size());
    double[] deltas = new double[rounds];
    int n = 0;
    for (int i = 0; i < rounds; i++) {
      if (runs.get(i).succeeded() && baseline.get(i).succeeded()) {
        deltas[n++] = measure.applyAsLong(runs.get(i)) - measure.applyAsLong(baseline.get(i));
      }
    }
    return median(Arrays.copyOf(deltas, n));
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static double millis(double nanos) {
    return nanos / 1e6;
  }

  private static String signed(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%+.0f", millis);
  }
}
