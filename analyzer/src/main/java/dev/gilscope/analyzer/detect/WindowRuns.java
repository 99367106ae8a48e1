package dev.gilscope.analyzer.detect;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Finds where in time a pathology happened: the run of consecutive flagged windows with the largest
 * total score. Cost: one pass over the flagged windows.
 */
final class WindowRuns {
  private WindowRuns() {}

  /**
   * @param scoreByWindow score of each flagged window (windows absent or scoring 0 are not flagged)
   * @return {first, last} window of the best run, or null when nothing is flagged
   */
  static int[] bestRun(NavigableMap<Integer, Double> scoreByWindow) {
    int[] best = null;
    double bestScore = 0;
    int runStart = Integer.MIN_VALUE;
    int previous = Integer.MIN_VALUE;
    double runScore = 0;
    for (Map.Entry<Integer, Double> e : scoreByWindow.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      int w = e.getKey();
      if (previous == Integer.MIN_VALUE || w != previous + 1) {
        runStart = w;
        runScore = 0;
      }
      runScore += e.getValue();
      previous = w;
      if (runScore > bestScore) {
        bestScore = runScore;
        best = new int[] {runStart, w};
      }
    }
    return best;
  }
}
