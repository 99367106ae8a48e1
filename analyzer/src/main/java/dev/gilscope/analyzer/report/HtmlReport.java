package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.timeline.TimelineCollector;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS, SVG and script, no external assets): the findings
 * first, then the threads' timeline ({@link HtmlTimeline}, when the reader collected one), then per
 * monitor a chart of utilization and average waiters per window, the distributions and the
 * per-thread table.
 */
public final class HtmlReport implements ReportWriter {
  private final boolean allMonitors;
  private final TimelineCollector timeline;

  /**
   * A report that collapses insignificant JDK-event-only monitors (see {@link MonitorSelection}).
   */
  public HtmlReport() {
    this(false);
  }

  /** {@code allMonitors}: show every monitor in full ({@code --all-monitors}). */
  public HtmlReport(boolean allMonitors) {
    this(allMonitors, null);
  }

  private HtmlReport(boolean allMonitors, TimelineCollector timeline) {
    this.allMonitors = allMonitors;
    this.timeline = timeline;
  }

  /** This report with the threads' timeline the reader collected. */
  public HtmlReport withTimeline(TimelineCollector timeline) {
    return new HtmlReport(allMonitors, timeline);
  }

  private static final int CHART_WIDTH = 720;
  private static final int CHART_HEIGHT = 120;

  @Override
  public void write(AnalysisResult result, Appendable out) throws IOException {
    RecordingInfo r = result.recording();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.append("<title>gilscope: ").append(esc(r.path())).append("</title><style>");
    out.append(
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:90%}"
            + "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}"
            + ".finding{border-left:6px solid #999;padding:.4em 1em;margin:1em 0;background:#fafafa}"
            + ".CRITICAL{border-color:#c0392b}.WARNING{border-color:#e67e22}.INFO{border-color:#2980b9}"
            + ".sev{font-weight:bold}.muted{color:#777;font-size:90%}"
            + "svg{background:#fcfcfc;border:1px solid #ddd}");
    out.append(HtmlTimeline.style());
    out.append("</style></head><body>\n");
    out.append("<h1>gilscope analysis</h1>\n<p class=\"muted\">")
        .append(esc(r.path()))
        .append(" &middot; ")
        .append(Text.seconds(r.durationNanos()))
        .append(" &middot; ")
        .append(esc(r.jvm() == null ? "JVM unknown" : r.jvm()))
        .append(" &middot; ")
        .append(r.cpuCores() == null ? "cores unknown" : r.cpuCores() + " cores")
        .append(" &middot; sources: ")
        .append(esc(String.join(", ", r.sources())))
        .append("</p>\n");
    for (String u : r.unavailable()) {
      out.append("<p class=\"muted\">unavailable: ").append(esc(u)).append("</p>\n");
    }
    if (result.monitors().isEmpty()) {
      out.append("<p>No lock events in this recording.</p></body></html>\n");
      return;
    }
    out.append("<h2>Findings</h2>\n");
    if (result.findings().isEmpty()) {
      out.append("<p>None: no SERIALIZATION, THRASHING, CONVOY or STARVATION.</p>\n");
    }
    for (int i = 0; i < result.findings().size(); i++) {
      Finding f = result.findings().get(i);
      out.append("<div class=\"finding ")
          .append(f.severity().name())
          .append("\" data-finding=\"")
          .append(Integer.toString(i))
          .append("\">");
      out.append("<p><span class=\"sev\">")
          .append(f.severity().name())
          .append(" ")
          .append(f.kind().name())
          .append("</span> on <code>")
          .append(esc(f.monitor()))
          .append("</code>, ")
          .append(Text.seconds(f.windowStartNanos()))
          .append(" to ")
          .append(Text.seconds(f.windowEndNanos()))
          .append("</p><p>")
          .append(esc(f.summary()))
          .append("</p>");
      if (!f.victims().isEmpty()) {
        out.append("<p>victims: <b>").append(esc(String.join(", ", f.victims()))).append("</b>");
        if (!f.causes().isEmpty()) {
          out.append(" &middot; causes: <b>")
              .append(esc(String.join(", ", f.causes())))
              .append("</b>");
        }
        out.append("</p>");
      }
      out.append("<p class=\"muted\">")
          .append(esc(TextReport.evidence(f.evidence())))
          .append("</p><p><i>")
          .append(esc(f.advice()))
          .append("</i></p></div>\n");
    }
    MonitorSelection selection = MonitorSelection.of(result, allMonitors);
    if (timeline != null) {
      out.append("<h2>Timeline</h2>\n<div id=\"gs-timeline\"></div>\n");
    }
    for (int i = 0; i < selection.shown().size(); i++) {
      monitor(selection.shown().get(i), r, out);
      out.append("<div class=\"gs-monitor\" data-monitor=\"")
          .append(Integer.toString(i))
          .append("\"></div>\n");
    }
    if (selection.collapsedLine() != null) {
      out.append("<p class=\"muted\">").append(esc(selection.collapsedLine())).append("</p>\n");
    }
    if (!result.detectorNotes().isEmpty()) {
      out.append("<h2>Notes</h2><ul>");
      for (String n : result.detectorNotes()) {
        out.append("<li>").append(esc(n)).append("</li>");
      }
      out.append("</ul>");
    }
    out.append("<script type=\"application/json\" id=\"gs-data\">")
        .append(HtmlTimeline.data(result, selection.shown(), timeline))
        .append("</script>\n<script>\n")
        .append(HtmlTimeline.script())
        .append("</script>\n</body></html>\n");
  }

  private static void monitor(MonitorStats m, RecordingInfo r, Appendable out) throws IOException {
    out.append("<h2>").append(esc(m.name())).append("</h2>\n<p class=\"muted\">");
    out.append(esc(m.kind() + ", " + m.source().label()));
    if (m.hasExactCounts()) {
      Double u = MonitorFigures.utilization(m, r);
      out.append(" &middot; acquisitions ")
          .append(Text.count(m.totals().get(Metric.ACQUISITIONS)))
          .append(", contended ")
          .append(Text.count(m.totals().get(Metric.CONTENDED)))
          .append(", handoffs ")
          .append(Text.count(m.totals().get(Metric.HANDOFFS)))
          .append(", utilization ")
          .append(u == null ? "n/a" : Text.percent(u));
    }
    out.append("</p>\n");
    chart(m, r, out);
    out.append("<table><tr><th></th><th>count</th><th>mean</th><th>p50</th><th>p90</th>")
        .append("<th>p99</th><th>p99.9</th><th>max</th></tr>");
    statsRow(out, "wait", m.waits());
    if (m.hasExactCounts()) {
      statsRow(out, "hold", m.holds());
    }
    if (m.waitsInWait().count() > 0) {
      statsRow(out, "in wait()", m.waitsInWait());
      statsRow(out, "wait episode", m.episodes());
    }
    out.append("</table>\n<table><tr><th>thread</th><th>acquisitions</th><th>share</th>")
        .append("<th>pass-overs</th><th>wait p50</th><th>wait p99</th><th>hold p50</th>")
        .append("<th>hold p99</th><th>in wait()</th><th>CPU</th></tr>");
    for (ThreadStats t : m.threads()) {
      Double share = MonitorFigures.shareOfAcquisitions(m, t);
      double cpu = r.cpuLoad(t.name());
      out.append("<tr><td>").append(esc(t.name())).append("</td>");
      cell(out, m.hasExactCounts() ? Text.count(t.totals().get(Metric.ACQUISITIONS)) : "n/a");
      cell(out, share == null ? "n/a" : Text.percent(share));
      cell(out, m.hasExactCounts() ? Text.count(t.totals().get(Metric.PASS_OVERS)) : "n/a");
      cell(out, Text.nanos(t.waits().percentileNanos(50)));
      cell(out, Text.nanos(t.waits().percentileNanos(99)));
      cell(out, m.hasExactCounts() ? Text.nanos(t.holds().percentileNanos(50)) : "n/a");
      cell(out, m.hasExactCounts() ? Text.nanos(t.holds().percentileNanos(99)) : "n/a");
      cell(out, Text.nanos(t.totals().get(Metric.WAIT_IN_WAIT_NANOS)));
      cell(out, cpu < 0 ? "n/a" : Text.percent(cpu));
      out.append("</tr>");
    }
    out.append("</table>\n");
  }

  /** Bars: utilization per window (blue) and average waiters, capped at 2 (orange line). */
  private static void chart(MonitorStats m, RecordingInfo r, Appendable out) throws IOException {
    int windows = (int) Math.max(1, (r.durationNanos() + r.windowNanos() - 1) / r.windowNanos());
    double barWidth = (double) CHART_WIDTH / windows;
    out.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" role=\"img\"><title>utilization (bars) and average"
                + " waiters (line, top = 2) per %s window</title>",
            CHART_WIDTH,
            CHART_HEIGHT + 16,
            Text.seconds(r.windowNanos())));
    StringBuilder line = new StringBuilder();
    for (Map.Entry<Integer, Counters> e : m.windows().all().entrySet()) {
      int w = e.getKey();
      if (w >= windows) {
        continue;
      }
      long len = r.windowLengthNanos(w);
      Counters c = e.getValue();
      double x = w * barWidth;
      if (m.hasExactCounts() && c.get(Metric.TIMED_HOLDS) > 0) {
        double u = HoldTime.utilization(c, len);
        double h = u * CHART_HEIGHT;
        out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3498db\">"
                    + "<title>%s: held %s</title></rect>",
                x,
                CHART_HEIGHT - h,
                Math.max(1, barWidth - 1),
                h,
                Text.seconds((long) w * r.windowNanos()),
                Text.percent(u)));
      }
      double waiters = (double) (c.get(Metric.WAIT_NANOS) + c.get(Metric.WAIT_IN_WAIT_NANOS)) / len;
      double y = CHART_HEIGHT - Math.min(2, waiters) / 2 * CHART_HEIGHT;
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + barWidth / 2, y));
    }
    if (line.length() > 0) {
      out.append("<polyline fill=\"none\" stroke=\"#e67e22\" stroke-width=\"2\" points=\"")
          .append(line.toString().trim())
          .append("\"/>");
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"2\" y=\"%d\" font-size=\"11\">0 s</text><text x=\"%d\" y=\"%d\""
                + " font-size=\"11\" text-anchor=\"end\">%s</text></svg>\n",
            CHART_HEIGHT + 13,
            CHART_WIDTH - 2,
            CHART_HEIGHT + 13,
            Text.seconds(r.durationNanos())));
  }

  private static void statsRow(Appendable out, String label, DurationStats s) throws IOException {
    out.append("<tr><td>").append(label).append("</td>");
    cell(out, Text.count(s.count()));
    cell(out, Text.nanos(s.meanNanos()));
    cell(out, Text.nanos(s.percentileNanos(50)));
    cell(out, Text.nanos(s.percentileNanos(90)));
    cell(out, Text.nanos(s.percentileNanos(99)));
    cell(out, Text.nanos(s.percentileNanos(99.9)));
    cell(out, Text.nanos(s.maxNanos()));
    out.append("</tr>");
  }

  private static void cell(Appendable out, String text) throws IOException {
    out.append("<td>").append(esc(text)).append("</td>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
