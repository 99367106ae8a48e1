package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report for a person at a terminal: the findings first (severity, kind, monitor, window,
 * summary, victims and causes, evidence, advice), then one table per monitor with HdrHistogram
 * percentiles per thread.
 */
public final class TextReport implements ReportWriter {
  private final boolean allMonitors;

  /**
   * A report that collapses insignificant JDK-event-only monitors (see {@link MonitorSelection}).
   */
  public TextReport() {
    this(false);
  }

  /** {@code allMonitors}: show every monitor in full ({@code --all-monitors}). */
  public TextReport(boolean allMonitors) {
    this.allMonitors = allMonitors;
  }

  @Override
  public void write(AnalysisResult result, Appendable out) throws IOException {
    RecordingInfo r = result.recording();
    out.append("gilscope analysis of ").append(r.path()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "recording: %s, %s, %s, %s, %d chunk(s), sources: %s%n",
            instant(r.startEpochNanos()),
            Text.seconds(r.durationNanos()),
            r.jvm() == null ? "JVM unknown" : r.jvm().trim(),
            r.cpuCores() == null ? "cores unknown" : r.cpuCores() + " cores",
            r.chunks(),
            r.sources().isEmpty() ? "none" : String.join(", ", r.sources())));
    for (String u : r.unavailable()) {
      out.append("unavailable: ").append(u).append('\n');
    }
    out.append('\n');
    if (result.monitors().isEmpty()) {
      out.append(
          "No lock events in this recording: no gilscope events and no jdk.JavaMonitorEnter,"
              + " jdk.JavaMonitorWait or jdk.ThreadPark events. Record with the gilscope agent"
              + " (-javaagent:gilscope-agent.jar=monitor=...,file=...) or enable those JDK"
              + " events.\n");
      return;
    }
    writeFindings(result, out);
    MonitorSelection selection = MonitorSelection.of(result, allMonitors);
    for (MonitorStats m : selection.shown()) {
      writeMonitor(m, r, out);
    }
    if (selection.collapsedLine() != null) {
      out.append(selection.collapsedLine()).append("\n\n");
    }
    writeNotes(result, selection.shown(), out);
  }

  /**
   * The monitor a note is about, among {@code names}: the note contains {@code " " + name + ":"}.
   * Found by looking up each such span of the note, not by trying every monitor on every note,
   * which with 10,000 monitors and a note per monitor was quadratic.
   */
  static boolean mentionsAny(String note, Set<String> names) {
    for (int colon = note.indexOf(':'); colon >= 0; colon = note.indexOf(':', colon + 1)) {
      for (int space = note.lastIndexOf(' ', colon - 1);
          space >= 0;
          space = note.lastIndexOf(' ', space - 1)) {
        if (names.contains(note.substring(space + 1, colon))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Notes about collapsed monitors stay with them: only a count is printed. */
  private static void writeNotes(AnalysisResult result, List<MonitorStats> shown, Appendable out)
      throws IOException {
    List<String> notes = result.detectorNotes();
    List<String> kept = new ArrayList<>();
    Set<String> shownNames = new HashSet<>();
    shown.forEach(m -> shownNames.add(m.name()));
    Set<String> allNames = new HashSet<>();
    result.monitors().forEach(m -> allNames.add(m.name()));
    for (String note : notes) {
      boolean aboutShown = mentionsAny(note, shownNames);
      boolean aboutAny = aboutShown || mentionsAny(note, allNames);
      if (aboutShown || !aboutAny) {
        kept.add(note);
      }
    }
    int omitted = notes.size() - kept.size();
    if (kept.isEmpty() && omitted == 0) {
      return;
    }
    out.append("NOTES\n");
    for (String note : kept) {
      out.append("  ").append(note).append('\n');
    }
    if (omitted > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %d note(s) about the monitors not shown; --all-monitors lists them%n",
              omitted));
    }
  }

  private static void writeFindings(AnalysisResult result, Appendable out) throws IOException {
    if (result.findings().isEmpty()) {
      out.append("FINDINGS: none (no SERIALIZATION, THRASHING, CONVOY or STARVATION)\n\n");
      return;
    }
    out.append("FINDINGS (").append(Integer.toString(result.findings().size())).append(")\n");
    ReportLimits.FindingSelection selection = ReportLimits.selectFindings(result.findings(), false);
    for (Finding f : selection.listed()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n[%s] %s on %s, %s to %s%n",
              f.severity(),
              f.kind(),
              f.monitor(),
              Text.seconds(f.windowStartNanos()),
              Text.seconds(f.windowEndNanos())));
      out.append("  ").append(f.summary()).append('\n');
      if (!f.victims().isEmpty()) {
        out.append("  victims: ").append(names(f.victims())).append('\n');
      }
      if (!f.causes().isEmpty()) {
        out.append("  causes:  ").append(names(f.causes())).append('\n');
      }
      out.append("  evidence: ").append(evidence(f.evidence())).append('\n');
      out.append("  advice: ").append(f.advice()).append('\n');
    }
    for (ReportLimits.Omitted o : selection.omitted()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n... and %s more %s finding%s on %s (%s), not listed; --format json"
                  + " --all-threads lists every one%n",
              Text.count(o.count()),
              o.kind(),
              o.count() == 1 ? "" : "s",
              o.monitor(),
              o.severities()));
    }
    out.append('\n');
  }

  static String evidence(Map<String, Number> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Number> e : evidence.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append('=');
      Number v = e.getValue();
      if (v == null) {
        sb.append("n/a");
      } else if (e.getKey().endsWith("Nanos")) {
        sb.append(Text.nanos(v.doubleValue()));
      } else if (v instanceof Double || v instanceof Float) {
        sb.append(Text.fixed(v.doubleValue(), 3));
      } else {
        sb.append(Text.count(v.longValue()));
      }
    }
    return sb.toString();
  }

  private static void writeMonitor(MonitorStats m, RecordingInfo r, Appendable out)
      throws IOException {
    out.append("MONITOR ")
        .append(m.name())
        .append(" (")
        .append(m.kind())
        .append(", ")
        .append(m.source().label())
        .append(
            m.isFlagShaped()
                ? ", threads wait in wait() for a flag it guards: the flag is the GIL"
                : "")
        .append(")\n");
    if (m.hasExactCounts()) {
      Double u = MonitorFigures.utilization(m, r);
      out.append(
          String.format(
              Locale.ROOT,
              "  acquisitions %s, contended %s, handoffs %s, barging %s, pass-overs %s,"
                  + " utilization %s, max queue %d%n",
              Text.count(m.totals().get(Metric.ACQUISITIONS)),
              Text.count(m.totals().get(Metric.CONTENDED)),
              Text.count(m.totals().get(Metric.HANDOFFS)),
              Text.count(m.totals().get(Metric.BARGING)),
              Text.count(m.totals().get(Metric.PASS_OVERS)),
              u == null ? "n/a" : Text.percent(u) + utilizationNote(m),
              m.totals().get(Metric.MAX_QUEUE_LENGTH)));
    } else if (m.source() == dev.gilscope.analyzer.model.EventSource.GILSCOPE) {
      out.append(
          "  no gilscope.MonitorStatistics events: acquisitions, holds and utilization"
              + " unknown\n");
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "  contended waits %s (above the JDK's threshold); acquisitions, holds and"
                  + " utilization unavailable from this source%n",
              Text.count(m.totals().get(Metric.CONTENDED))));
    }
    if (m.totals().get(Metric.WAITS) > 0 || m.waitsInWait().count() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "  wait() calls %s, timed out %s, wait episodes %s%n",
              Text.count(Math.max(m.totals().get(Metric.WAITS), m.waitsInWait().count())),
              Text.count(m.totals().get(Metric.TIMED_OUT_WAITS)),
              Text.count(m.episodes().count())));
    }
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
    out.append(
        String.format(
            Locale.ROOT,
            "  %-22s %12s %7s %10s %10s %10s %10s %10s %10s %10s %s%n",
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
      Double share = MonitorFigures.shareOfAcquisitions(m, t);
      out.append(
          String.format(
              Locale.ROOT,
              "  %-22s %12s %7s %10s %10s %10s %10s %10s %10s %10s %s%n",
              abbreviate(t.name(), 22),
              m.hasExactCounts() ? Text.count(t.totals().get(Metric.ACQUISITIONS)) : "n/a",
              share == null ? "n/a" : Text.percent(share),
              m.hasExactCounts() ? Text.count(t.totals().get(Metric.PASS_OVERS)) : "n/a",
              Text.nanos(t.waits().percentileNanos(50)),
              Text.nanos(t.waits().percentileNanos(99)),
              Text.nanos(t.waits().maxNanos()),
              m.hasExactCounts() ? Text.nanos(t.holds().percentileNanos(50)) : "n/a",
              m.hasExactCounts() ? Text.nanos(t.holds().percentileNanos(99)) : "n/a",
              Text.nanos(t.totals().get(Metric.WAIT_IN_WAIT_NANOS)),
              topBlame(t)));
    }
    ReportLimits.OtherThreads others = ReportLimits.otherThreads(m);
    if (others != null) {
      out.append(otherThreadsLine(others)).append('\n');
    }
    out.append('\n');
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

  /** At most {@link ReportLimits#TOP_THREADS} names, then how many more. */
  private static String names(List<String> names) {
    String listed = String.join(", ", ReportLimits.topNames(names));
    int more = names.size() - ReportLimits.TOP_THREADS;
    return more > 0 ? listed + " and " + Text.count(more) + " more" : listed;
  }

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
    return String.format(
        Locale.ROOT, "  %-14s %12s %10s %10s %10s %10s %10s %10s%n", (Object[]) cells);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
  }

  private static String utilizationNote(MonitorStats m) {
    HoldTime.Basis basis = HoldTime.basis(m.totals());
    if (basis == HoldTime.Basis.STRATIFIED_SAMPLE) {
      return " (estimated from sampled holds)";
    }
    return basis == HoldTime.Basis.SCALED_MIXED_SAMPLE
        ? " (upper estimate from sampled holds)"
        : "";
  }
}
