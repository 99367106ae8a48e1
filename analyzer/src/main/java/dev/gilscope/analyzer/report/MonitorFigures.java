package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;

/** Whole-recording figures shared by the report formats; null where the source cannot tell. */
final class MonitorFigures {
  private MonitorFigures() {}

  /** Fraction of the recording the monitor was held (sampled holds scaled), or null. */
  static Double utilization(MonitorStats m, RecordingInfo r) {
    return utilization(m, m.totals(), r.durationNanos());
  }

  /**
   * How {@link #utilization(MonitorStats, RecordingInfo)} was obtained ({@link HoldTime.Basis}), or
   * null when it is unknown.
   */
  static String utilizationBasis(MonitorStats m) {
    HoldTime.Basis basis = m.hasExactCounts() ? HoldTime.basis(m.totals()) : null;
    return basis == null ? null : basis.label();
  }

  /** Fraction of one window the monitor was held, or null. */
  static Double utilization(MonitorStats m, Counters c, long windowNanos) {
    if (!m.hasExactCounts() || c.get(Metric.TIMED_HOLDS) == 0) {
      return null;
    }
    return HoldTime.utilization(c, windowNanos);
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
