package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The report on several recordings: each recording's own report, then the monitors common to more
 * than one ({@link CommonMonitors}). Text: the reports one after the other under a header line,
 * then a table. JSON: {@code {"recordings": [<one report each, as for a single file>], "common":
 * [...]}}; a single recording's JSON is unchanged. HTML: each recording's page in turn (the common
 * table is in the text and JSON reports).
 */
public final class MultiRecordingReport {
  private final String format;
  private final boolean allMonitors;
  private final boolean allThreads;

  /** {@code format}: text, json or html. */
  public MultiRecordingReport(String format, boolean allMonitors, boolean allThreads) {
    this.format = format.toLowerCase(Locale.ROOT);
    this.allMonitors = allMonitors;
    this.allThreads = allThreads;
  }

  public void write(List<AnalysisResult> results, Appendable out) throws IOException {
    List<CommonMonitors.Common> common = CommonMonitors.of(results);
    switch (format) {
      case "json" -> writeJson(results, common, out);
      case "html" -> writeHtml(results, out);
      default -> writeText(results, common, out);
    }
  }

  private void writeText(
      List<AnalysisResult> results, List<CommonMonitors.Common> common, Appendable out)
      throws IOException {
    TextReport text = new TextReport(allMonitors);
    for (int i = 0; i < results.size(); i++) {
      out.append(
          Text.fill(
              "=== recording %d of %d: %s ===%n",
              i + 1, results.size(), results.get(i).recording().path()));
      text.write(results.get(i), out);
      out.append('\n');
    }
    out.append(
        Text.fill(
            "MONITORS IN MORE THAN ONE RECORDING (%d of %d recordings' monitors)%n",
            common.size(), results.size()));
    if (common.isEmpty()) {
      out.append("  none: no monitor name appears in two of these recordings\n");
      return;
    }
    out.append(
        Text.fill(
            "  %-50s %10s %14s %12s  %s%n",
            "monitor", "recordings", "acquisitions", "wait", "findings"));
    for (CommonMonitors.Common c : common) {
      out.append(
          Text.fill(
              "  %-50s %10s %14s %12s  %s%n",
              c.monitor(),
              c.recordings().size() + "/" + results.size(),
              c.acquisitions() == null ? "n/a" : Text.count(c.acquisitions()),
              Text.nanos(c.waitNanos()),
              c.findings().isEmpty() ? "none" : String.join("; ", c.findings())));
    }
  }

  private void writeJson(
      List<AnalysisResult> results, List<CommonMonitors.Common> common, Appendable out)
      throws IOException {
    Json.Obj root = new Json.Obj();
    Json.Arr recordings = root.putArray("recordings");
    for (AnalysisResult r : results) {
      recordings.add(JsonReport.toTree(r, allThreads));
    }
    Json.Arr table = root.putArray("common");
    for (CommonMonitors.Common c : common) {
      Json.Obj n = table.addObject();
      n.put("monitor", c.monitor());
      Json.Arr paths = n.putArray("recordings");
      c.recordings().forEach(paths::add);
      if (c.acquisitions() == null) {
        n.putNull("acquisitions");
      } else {
        n.put("acquisitions", c.acquisitions());
      }
      n.put("waitNanos", c.waitNanos());
      Json.Arr findings = n.putArray("findings");
      c.findings().forEach(findings::add);
    }
    if (out instanceof java.io.Writer w) {
      Json.write(root, w);
    } else {
      out.append(Json.write(root));
    }
    out.append('\n');
  }

  private void writeHtml(List<AnalysisResult> results, Appendable out) throws IOException {
    HtmlReport html = new HtmlReport(allMonitors);
    for (AnalysisResult r : results) {
      out.append("<!-- gilscope: recording ")
          .append(r.recording().path().replace("--", "- -"))
          .append(
              "; the monitors common to several recordings are in the text and JSON reports"
                  + " -->\n");
      html.write(r, out);
    }
  }
}
