package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.FlagShape;
import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import java.io.IOException;
import java.util.Map;

/**
 * One monitor's part of the {@link TextReport}: its heading, its counters, its wait and hold
 * distributions, then one row per thread (the busiest {@link ReportLimits#TOP_THREADS}) and a line
 * for the rest.
 */
final class TextMonitorSection {
  private static final String THREAD_ROW =
      "  %-22s %12s %7s %10s %10s %10s %10s %10s %10s %10s %s%n";

  private final MonitorStats m;
  private final RecordingInfo r;
  private final Appendable out;

  private TextMonitorSection(MonitorStats m, RecordingInfo r, Appendable out) {
    this.m = m;
    this.r = r;
    this.out = out;
  }

  static void write(MonitorStats m, RecordingInfo r, Appendable out) throws IOException {
    TextMonitorSection section = new TextMonitorSection(m, r, out);
    section.heading();
    section.counters();
    section.waitCalls();
    section.distributions();
    section.threadTable();
    out.append('\n');
  }

  private void heading() throws IOException {
    out.append("MONITOR ")
        .append(m.name())
        .append(" (")
        .append(m.kind())
        .append(", ")
        .append(m.source().label())
        .append(
            FlagShape.isFlagShaped(m)
                ? ", threads wait in wait() for a flag it guards: the flag is the GIL"
                : "")
        .append(")\n");
  }

  /** Exact counts where the agent's statistics events give them, else what the source lacks. */
  private void counters() throws IOException {
    if (m.hasExactCounts()) {
      Double u = MonitorFigures.utilization(m, r);
      out.append(
          Text.fill(
              "  acquisitions %s, contended %s, handoffs %s, barging %s, pass-overs %s,"
                  + " utilization %s, max queue %d%n",
              Text.count(m.totals().get(Metric.ACQUISITIONS)),
              Text.count(m.totals().get(Metric.CONTENDED)),
              Text.count(m.totals().get(Metric.HANDOFFS)),
              Text.count(m.totals().get(Metric.BARGING)),
              Text.count(m.totals().get(Metric.PASS_OVERS)),
              u == null ? "n/a" : Text.percent(u) + utilizationNote(),
              m.totals().get(Metric.MAX_QUEUE_LENGTH)));
    } else if (m.source() == EventSource.GILSCOPE) {
      out.append(
          "  no gilscope.MonitorStatistics events: acquisitions, holds and utilization"
              + " unknown\n");
    } else {
      out.append(
          Text.fill(
              "  contended waits %s (above the JDK's threshold); acquisitions, holds and"
                  + " utilization unavailable from this source%n",
              Text.count(m.totals().get(Metric.CONTENDED))));
    }
  }

  private void waitCalls() throws IOException {
    if (m.totals().get(Metric.WAITS) > 0 || m.waitsInWait().count() > 0) {
      out.append(
          Text.fill(
              "  wait() calls %s, timed out %s, wait episodes %s%n",
              Text.count(Math.max(m.totals().get(Metric.WAITS), m.waitsInWait().count())),
              Text.count(m.totals().get(Metric.TIMED_OUT_WAITS)),
              Text.count(m.episodes().count())));
    }
  }

  private void distributions() throws IOException {
    out.append(row("", "count", "mean", "p50", "p90", "p99", "p99.9", "max"));
    out.append(statsRow("wait", m.waits()));
    if (m.hasExactCounts()) {
      out.append(statsRow("hold", m.holds()));
    }
    if (m.waitsInWait().count() > 0) {
      out.append(statsRow("in wait()", m.waitsInWait()));
      out.append(statsRow("wait episode", m.episodes()));
    }
    out.append("  wait: ").append(MonitorFigures.waitNote(m)).append("; hold: ");
    out.append(MonitorFigures.holdNote(m)).append('\n');
  }

  private void threadTable() throws IOException {
    out.append(
        Text.fill(
            THREAD_ROW,
            "thread",
            "acquisitions",
            "share",
            "pass-overs",
            "wait p50",
            "wait p99",
            "wait max",
            "hold p50",
            "hold p99",
            "in wait()",
            "waited behind"));
    for (ThreadStats t : ReportLimits.topThreads(m)) {
      out.append(threadRow(t));
    }
    ReportLimits.OtherThreads others = ReportLimits.otherThreads(m);
    if (others != null) {
      out.append(otherThreadsLine(others)).append('\n');
    }
  }

  private String threadRow(ThreadStats t) {
    Double share = MonitorFigures.shareOfAcquisitions(m, t);
    boolean exact = m.hasExactCounts();
    return Text.fill(
        THREAD_ROW,
        abbreviate(t.name(), 22),
        exact ? Text.count(t.totals().get(Metric.ACQUISITIONS)) : "n/a",
        share == null ? "n/a" : Text.percent(share),
        exact ? Text.count(t.totals().get(Metric.PASS_OVERS)) : "n/a",
        Text.nanos(t.waits().percentileNanos(50)),
        Text.nanos(t.waits().percentileNanos(99)),
        Text.nanos(t.waits().maxNanos()),
        exact ? Text.nanos(t.holds().percentileNanos(50)) : "n/a",
        exact ? Text.nanos(t.holds().percentileNanos(99)) : "n/a",
        Text.nanos(t.totals().get(Metric.WAIT_IN_WAIT_NANOS)),
        topBlame(t));
  }

  /** The one line that stands for the threads not listed. */
  static String otherThreadsLine(ReportLimits.OtherThreads o) {
    StringBuilder line =
        new StringBuilder("  ... and ").append(Text.count(o.count())).append(" more threads");
    if (o.acquisitions() != null) {
      line.append(": ").append(Text.count(o.acquisitions())).append(" acquisitions");
    }
    line.append(o.acquisitions() != null ? ", " : ": ")
        .append(Text.nanos(o.waitNanos()))
        .append(" waiting");
    if (o.shareHistogram() != null) {
      line.append("; threads by share of the acquisitions:");
      o.shareHistogram()
          .forEach(
              (bucket, n) -> {
                if (n > 0) {
                  line.append(' ').append(bucket).append(' ').append(Text.count(n));
                }
              });
    }
    return line.toString();
  }

  /** The two holders the thread waited behind longest. */
  private static String topBlame(ThreadStats t) {
    return t.blameNanosByHolder().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(2)
        .map(e -> e.getKey() + " " + Text.nanos(e.getValue()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static String statsRow(String label, DurationStats s) {
    return row(
        label,
        Text.count(s.count()),
        Text.nanos(s.meanNanos()),
        Text.nanos(s.percentileNanos(50)),
        Text.nanos(s.percentileNanos(90)),
        Text.nanos(s.percentileNanos(99)),
        Text.nanos(s.percentileNanos(99.9)),
        Text.nanos(s.maxNanos()));
  }

  private static String row(String... cells) {
    return Text.fill("  %-14s %12s %10s %10s %10s %10s %10s %10s%n", (Object[]) cells);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }

  private String utilizationNote() {
    HoldTime.Basis basis = HoldTime.basis(m.totals());
    if (basis == HoldTime.Basis.STRATIFIED_SAMPLE) {
      return " (estimated from sampled holds)";
    }
    return basis == HoldTime.Basis.SCALED_MIXED_SAMPLE
        ? " (upper estimate from sampled holds)"
        : "";
  }
}
