package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;

/** Whole-recording figures shared by the report formats; null where the source cannot tell. */
final class MonitorFigures {
  private MonitorFigures() {}

  /** Fraction of the recording the monitor was held (sampled holds scaled), or null. */
  static Double utilization(MonitorStats m, RecordingInfo r) {
    if (!m.hasExactCounts() || m.totals().get(Metric.TIMED_HOLDS) == 0) {
      return null;
    }
    double held = m.totals().get(Metric.HOLD_NANOS);
    long timed = m.totals().get(Metric.TIMED_HOLDS);
    long acquisitions = m.totals().get(Metric.ACQUISITIONS);
    if (acquisitions > timed) {
      held = held * acquisitions / timed;
    }
    return Math.min(1, held / r.durationNanos());
  }

  /**
   * How {@link #utilization(MonitorStats, RecordingInfo)} was obtained, or null when it is unknown:
   * {@code exact} when every acquisition's hold was timed ({@code detail=all}); otherwise {@code
   * scaled-sample-biased-high}: at the default detail the agent times every hold that began with a
   * contended acquisition plus a 1-in-N sample of the uncontended ones, and its statistics sum both
   * into one {@code totalHold}, so scaling their mean to all acquisitions over-weights the (usually
   * longer) contended holds. An upper estimate.
   */
  static String utilizationBasis(MonitorStats m) {
    if (!m.hasExactCounts() || m.totals().get(Metric.TIMED_HOLDS) == 0) {
      return null;
    }
    return m.totals().get(Metric.TIMED_HOLDS) >= m.totals().get(Metric.ACQUISITIONS)
        ? "exact"
        : "scaled-sample-biased-high";
  }

  /** Fraction of one window the monitor was held, or null. */
  static Double utilization(MonitorStats m, Counters c, long windowNanos) {
    if (!m.hasExactCounts() || c.get(Metric.TIMED_HOLDS) == 0) {
      return null;
    }
    double held = c.get(Metric.HOLD_NANOS);
    if (c.get(Metric.ACQUISITIONS) > c.get(Metric.TIMED_HOLDS)) {
      held = held * c.get(Metric.ACQUISITIONS) / c.get(Metric.TIMED_HOLDS);
    }
    return Math.min(1, held / windowNanos);
  }

  static Long exact(MonitorStats m, Metric metric) {
    return m.hasExactCounts() ? m.totals().get(metric) : null;
  }

  static Double shareOfAcquisitions(MonitorStats m, ThreadStats t) {
    if (!m.hasExactCounts()) {
      return null;
    }
    long total = m.totals().get(Metric.ACQUISITIONS);
    return total == 0 ? 0.0 : (double) t.totals().get(Metric.ACQUISITIONS) / total;
  }

  static String waitNote(MonitorStats m) {
    if (!m.hasExactCounts() && m.source() == EventSource.GILSCOPE) {
      return "from gilscope.MonitorAcquire events only (no statistics events)";
    }
    if (!m.hasExactCounts()) {
      return "contended waits recorded by the JDK above its threshold only";
    }
    long zeros = m.totals().get(Metric.ACQUISITIONS) - m.acquireEvents();
    return zeros > 0
        ? zeros + " acquisitions without an acquire event counted as zero waits"
        : "every acquisition's wait measured";
  }

  static String holdNote(MonitorStats m) {
    if (!m.hasExactCounts() && m.source() == EventSource.GILSCOPE) {
      return "unknown without gilscope.MonitorStatistics";
    }
    if (!m.hasExactCounts()) {
      return "unavailable from JDK events";
    }
    return "from "
        + m.holds().count()
        + " timed holds of "
        + m.totals().get(Metric.ACQUISITIONS)
        + " acquisitions";
  }
}
