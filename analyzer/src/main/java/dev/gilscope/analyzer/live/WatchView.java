package dev.gilscope.analyzer.live;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Draws the watch: on a terminal the screen is redrawn every interval (one block per monitor, then
 * the findings); otherwise plain lines, one per monitor per interval, and a {@code FINDING} line
 * when a finding first appears or grows more severe. Rates and utilization cover the last {@link
 * #RATE_WINDOWS} statistics windows; percentiles and threads the analysis window. Main thread only.
 */
final class WatchView {
  static final int RATE_WINDOWS = 2;
  private static final int TOP_THREADS = 3;

  private final PrintWriter out;
  private final boolean terminal;
  private final String target;
  private final Map<String, Finding> shown = new HashMap<>();

  WatchView(PrintWriter out, boolean terminal, String target) {
    this.out = out;
    this.terminal = terminal;
    this.target = target;
  }

  void draw(AnalysisResult r, long elapsedNanos) {
    List<String> lines = new ArrayList<>();
    List<MonitorStats> monitors = gilscopeMonitors(r);
    String at = seconds(elapsedNanos);
    for (MonitorStats m : monitors) {
      lines.addAll(monitorLines(r, m, at));
    }
    if (terminal) {
      out.print("\033[H\033[2J");
      out.printf(
          Locale.ROOT,
          "gilscope watch %s  %s  (rates: last %d s; percentiles, threads, findings: last %s)%n%n",
          target,
          at,
          RATE_WINDOWS,
          seconds(r.recording().durationNanos()));
      if (monitors.isEmpty()) {
        out.println("no acquisitions of the tracked monitors yet");
      }
      lines.forEach(out::println);
      out.println();
      out.println(r.findings().isEmpty() ? "no findings" : "FINDINGS");
      for (Finding f : r.findings()) {
        out.println("  " + findingLine(f));
      }
    } else {
      if (monitors.isEmpty()) {
        out.println(at + " no acquisitions of the tracked monitors yet");
      }
      lines.forEach(out::println);
      for (Finding f : r.findings()) {
        String key = f.kind() + " " + f.monitor();
        Finding before = shown.get(key);
        if (before == null || f.severity().compareTo(before.severity()) > 0) {
          shown.put(key, f);
          out.println(at + " FINDING " + findingLine(f));
        }
      }
    }
    out.flush();
  }

  private static List<MonitorStats> gilscopeMonitors(AnalysisResult r) {
    List<MonitorStats> list = new ArrayList<>();
    for (MonitorStats m : r.monitors()) {
      if (m.source() == EventSource.GILSCOPE) {
        list.add(m);
      }
    }
    return list;
  }

  private List<String> monitorLines(AnalysisResult r, MonitorStats m, String at) {
    long statistics = r.recording().windowNanos();
    int now = (int) (r.recording().durationNanos() / statistics);
    int from = Math.max(0, now - RATE_WINDOWS);
    int to = Math.max(from, now - 1);
    long span = (long) (to - from + 1) * statistics;
    Counters c = m.windows().sum(from, to);
    long acquisitions = c.get(Metric.ACQUISITIONS);
    double perSecond = acquisitions * 1e9 / span;
    double contended = acquisitions == 0 ? 0 : 100.0 * c.get(Metric.CONTENDED) / acquisitions;
    String utilization =
        c.get(Metric.TIMED_HOLDS) == 0 ? "-" : Text.percent(HoldTime.utilization(c, span));
    String figures =
        String.format(
            Locale.ROOT,
            "%,.0f acquisitions/s, %.1f%% contended, utilization %s, wait p50 %s p99 %s,"
                + " hold p50 %s p99 %s",
            perSecond,
            contended,
            utilization,
            Text.nanos(m.waits().percentileNanos(50)),
            Text.nanos(m.waits().percentileNanos(99)),
            Text.nanos(m.holds().percentileNanos(50)),
            Text.nanos(m.holds().percentileNanos(99)));
    String holding = top(m, t -> t.totals().get(Metric.ACQUISITIONS), true);
    String waiting = top(m, t -> t.totals().get(Metric.WAIT_NANOS), false);
    List<String> lines = new ArrayList<>();
    if (terminal) {
      lines.add("MONITOR " + m.name());
      lines.add("  " + figures);
      lines.add("  holding: " + holding);
      lines.add("  waiting: " + waiting);
    } else {
      lines.add(
          at + " " + m.name() + ": " + figures + "; holding: " + holding + "; waiting: " + waiting);
    }
    return lines;
  }

  /** The top threads by a counter: their share of it (acquisitions) or their total (wait time). */
  private static String top(MonitorStats m, ToLongFunction<ThreadStats> value, boolean share) {
    List<ThreadStats> threads = new ArrayList<>(m.threads());
    threads.sort(Comparator.comparingLong(value).reversed());
    long total = 0;
    for (ThreadStats t : threads) {
      total += value.applyAsLong(t);
    }
    List<String> parts = new ArrayList<>();
    for (ThreadStats t : threads) {
      long v = value.applyAsLong(t);
      if (v == 0 || parts.size() == TOP_THREADS) {
        break;
      }
      parts.add(
          t.name()
              + " "
              + (share
                  ? String.format(Locale.ROOT, "%.0f%%", 100.0 * v / Math.max(1, total))
                  : Text.nanos(v)));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  static String findingLine(Finding f) {
    return f.severity() + " " + f.kind() + " on " + f.monitor() + ": " + f.summary();
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%ds", nanos / 1_000_000_000L);
  }
}
