package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;

/**
 * How many threads really want a monitor in a run of windows: those with at least {@link
 * #MIN_SHARE_OF_ACQUISITIONS} of its acquisitions. A thread that takes it now and then (an I/O
 * thread publishing a result) does not make a CPU-bound holder's monitor a contended GIL. The
 * {@code (ended threads)} row aggregates threads JFR could no longer name and counts as one: it
 * cannot prove that two threads wanted the monitor.
 */
final class WantingThreads {
  static final double MIN_SHARE_OF_ACQUISITIONS = 0.10;

  private WantingThreads() {}

  static int count(MonitorStats m, int from, int to) {
    long total = 0;
    for (ThreadStats t : m.threads()) {
      total += t.windows().sum(from, to).get(Metric.ACQUISITIONS);
    }
    if (total == 0) {
      return 0;
    }
    int n = 0;
    for (ThreadStats t : m.threads()) {
      Counters c = t.windows().sum(from, to);
      double share = (double) c.get(Metric.ACQUISITIONS) / total;
      if (share >= MIN_SHARE_OF_ACQUISITIONS) {
        n++;
      }
    }
    return n;
  }
}
