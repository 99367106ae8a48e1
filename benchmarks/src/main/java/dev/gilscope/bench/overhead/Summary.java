package dev.gilscope.bench.overhead;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Median, minimum and maximum of one measure over a configuration's successful runs.
 *
 * @param count how many runs contributed
 */
record Summary(int count, double median, double min, double max) {
  static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN);

  static Summary of(List<RunOutcome> runs, ToLongFunction<RunOutcome> measure) {
    double[] values =
        runs.stream().filter(RunOutcome::succeeded).mapToDouble(measure::applyAsLong).toArray();
    if (values.length == 0) {
      return EMPTY;
    }
    Arrays.sort(values);
    int middle = values.length / 2;
    double median =
        values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    return new Summary(values.length, median, values[0], values[values.length - 1]);
  }

  /** This median over {@code baseline}'s median, NaN when either is missing. */
  double ratioTo(Summary baseline) {
    return count == 0 || baseline.count == 0 ? Double.NaN : median / baseline.median;
  }
}
