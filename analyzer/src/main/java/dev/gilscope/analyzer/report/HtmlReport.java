package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.timeline.TimelineCollector;
import java.io.IOException;

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

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:90%}"
          + "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}"
          + ".finding{border-left:6px solid #999;padding:.4em 1em;margin:1em 0;background:#fafafa}"
          + ".CRITICAL{border-color:#c0392b}.WARNING{border-color:#e67e22}.INFO{border-color:#2980b9}"
          + ".sev{font-weight:bold}.muted{color:#777;font-size:90%}"
          + "svg{background:#fcfcfc;border:1px solid #ddd}";

  @Override
  public void write(AnalysisResult result, Appendable out) throws IOException {
    RecordingInfo r = result.recording();
    writeHead(r, out);
    writeRecording(r, out);
    if (result.monitors().isEmpty()) {
      out.append("<p>No lock events in this recording.</p></body></html>\n");
      return;
    }
    writeFindings(result, out);
    MonitorSelection selection = MonitorSelection.of(result, allMonitors);
    writeMonitors(selection, r, out);
    writeNotes(result, out);
    out.append("<script type=\"application/json\" id=\"gs-data\">")
        .append(HtmlTimeline.data(result, selection.shown(), timeline))
        .append("</script>\n<script>\n")
        .append(HtmlTimeline.script())
        .append("</script>\n</body></html>\n");
  }

  private static void writeHead(RecordingInfo r, Appendable out) throws IOException {
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.append("<title>gilscope: ").append(esc(r.path())).append("</title><style>");
    out.append(STYLE);
    out.append(HtmlTimeline.style());
    out.append("</style></head><body>\n");
  }

  /** The file, the recording's length, JVM, cores and sources, and what the sources cannot give. */
  private static void writeRecording(RecordingInfo r, Appendable out) throws IOException {
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
    for (String u : ReadNoteWording.of(r.unavailable())) {
      out.append("<p class=\"muted\">unavailable: ").append(esc(u)).append("</p>\n");
    }
  }

  private static void writeFindings(AnalysisResult result, Appendable out) throws IOException {
    out.append("<h2>Findings</h2>\n");
    if (result.findings().isEmpty()) {
      out.append("<p>None: no SERIALIZATION, THRASHING, CONVOY or STARVATION.</p>\n");
    }
    for (int i = 0; i < result.findings().size(); i++) {
      writeFinding(i, result.findings().get(i), out);
    }
  }

  /** One finding's box; {@code data-finding} is its index in the page's data (HtmlTimeline). */
  private static void writeFinding(int index, Finding f, Appendable out) throws IOException {
    out.append("<div class=\"finding ")
        .append(f.severity().name())
        .append("\" data-finding=\"")
        .append(Integer.toString(index))
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

  /** The timeline's place, then each shown monitor with the place of its interactive part. */
  private void writeMonitors(MonitorSelection selection, RecordingInfo r, Appendable out)
      throws IOException {
    if (timeline != null) {
      out.append("<h2>Timeline</h2>\n<div id=\"gs-timeline\"></div>\n");
    }
    for (int i = 0; i < selection.shown().size(); i++) {
      HtmlMonitorSection.write(selection.shown().get(i), r, out);
      out.append("<div class=\"gs-monitor\" data-monitor=\"")
          .append(Integer.toString(i))
          .append("\"></div>\n");
    }
    if (selection.collapsedLine() != null) {
      out.append("<p class=\"muted\">").append(esc(selection.collapsedLine())).append("</p>\n");
    }
  }

  private static void writeNotes(AnalysisResult result, Appendable out) throws IOException {
    if (!result.detectorNotes().isEmpty()) {
      out.append("<h2>Notes</h2><ul>");
      for (String n : result.detectorNotes()) {
        out.append("<li>").append(esc(n)).append("</li>");
      }
      out.append("</ul>");
    }
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
