package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitors (by name) that appear in more than one of several recordings: one service's
 * recordings over time, or one per JVM of a fleet, where a GIL common to them matters most. One
 * pass over each recording's monitors and findings.
 */
public final class CommonMonitors {
  private CommonMonitors() {}

  /**
   * One monitor seen in several recordings.
   *
   * @param recordings the paths of the recordings it appears in, in the order given
   * @param acquisitions summed over the recordings with exact counts; null when none has them
   * @param waitNanos blocked at entry, summed
   * @param findings {@code "CRITICAL THRASHING in a.jfr"}, most severe first per recording
   */
  public record Common(
      String monitor,
      List<String> recordings,
      Long acquisitions,
      long waitNanos,
      List<String> findings) {}

  /** Monitors in two or more of {@code results}: most recordings first, then most waiting. */
  public static List<Common> of(List<AnalysisResult> results) {
    Map<String, List<Object[]>> byName = new LinkedHashMap<>();
    for (AnalysisResult r : results) {
      Map<String, Boolean> seenHere = new LinkedHashMap<>();
      for (MonitorStats m : r.monitors()) {
        if (seenHere.put(m.name(), Boolean.TRUE) == null) {
          byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new Object[] {r, m});
        }
      }
    }
    List<Common> common = new ArrayList<>();
    for (Map.Entry<String, List<Object[]>> e : byName.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      List<String> paths = new ArrayList<>();
      Long acquisitions = null;
      long wait = 0;
      List<String> findings = new ArrayList<>();
      for (Object[] pair : e.getValue()) {
        AnalysisResult r = (AnalysisResult) pair[0];
        MonitorStats m = (MonitorStats) pair[1];
        paths.add(r.recording().path());
        if (m.hasExactCounts()) {
          acquisitions =
              (acquisitions == null ? 0 : acquisitions) + m.totals().get(Metric.ACQUISITIONS);
        }
        wait += m.totals().get(Metric.WAIT_NANOS);
        for (Finding f : r.findings()) { // sorted most severe first
          if (f.monitor().equals(e.getKey())) {
            findings.add(f.severity() + " " + f.kind() + " in " + r.recording().path());
            break;
          }
        }
      }
      common.add(new Common(e.getKey(), paths, acquisitions, wait, findings));
    }
    common.sort(
        Comparator.comparingInt((Common c) -> c.recordings().size())
            .thenComparingLong(Common::waitNanos)
            .reversed()
            .thenComparing(Common::monitor));
    return common;
  }
}
