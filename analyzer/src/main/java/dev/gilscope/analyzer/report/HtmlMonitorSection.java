package dev.gilscope.analyzer.report;

import static dev.gilscope.analyzer.report.HtmlReport.esc;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import java.io.IOException;

/**
 * One monitor's part of the {@link HtmlReport}: its heading and counters, its {@link HtmlChart},
 * its wait and hold distributions and one row per thread.
 */
final class HtmlMonitorSection {
  private final MonitorStats m;
  private final RecordingInfo r;
  private final Appendable out;

  private HtmlMonitorSection(MonitorStats m, RecordingInfo r, Appendable out) {
    this.m = m;
    this.r = r;
    this.out = out;
  }

  static void write(MonitorStats m, RecordingInfo r, Appendable out) throws IOException {
    HtmlMonitorSection section = new HtmlMonitorSection(m, r, out);
    section.heading();
    HtmlChart.write(m, r, out);
    section.distributions();
    section.threadTable();
  }

  private void heading() throws IOException {
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
  }

  private void distributions() throws IOException {
    out.append("<table><tr><th></th><th>count</th><th>mean</th><th>p50</th><th>p90</th>")
        .append("<th>p99</th><th>p99.9</th><th>max</th></tr>");
    statsRow("wait", m.waits());
    if (m.hasExactCounts()) {
      statsRow("hold", m.holds());
    }
    if (m.waitsInWait().count() > 0) {
      statsRow("in wait()", m.waitsInWait());
      statsRow("wait episode", m.episodes());
    }
    out.append("</table>\n");
  }

  private void statsRow(String label, DurationStats s) throws IOException {
    out.append("<tr><td>").append(label).append("</td>");
    cell(Text.count(s.count()));
    cell(Text.nanos(s.meanNanos()));
    cell(Text.nanos(s.percentileNanos(50)));
    cell(Text.nanos(s.percentileNanos(90)));
    cell(Text.nanos(s.percentileNanos(99)));
    cell(Text.nanos(s.percentileNanos(99.9)));
    cell(Text.nanos(s.maxNanos()));
    out.append("</tr>");
  }

  private void threadTable() throws IOException {
    out.append("<table><tr><th>thread</th><th>acquisitions</th><th>share</th>")
        .append("<th>pass-overs</th><th>wait p50</th><th>wait p99</th><th>hold p50</th>")
        .append("<th>hold p99</th><th>in wait()</th><th>CPU</th></tr>");
    for (ThreadStats t : m.threads()) {
      threadRow(t);
    }
    out.append("</table>\n");
  }

  private void threadRow(ThreadStats t) throws IOException {
    boolean exact = m.hasExactCounts();
    Double share = MonitorFigures.shareOfAcquisitions(m, t);
    double cpu = r.cpuLoad(t.name());
    out.append("<tr><td>").append(esc(t.name())).append("</td>");
    cell(exact ? Text.count(t.totals().get(Metric.ACQUISITIONS)) : "n/a");
    cell(share == null ? "n/a" : Text.percent(share));
    cell(exact ? Text.count(t.totals().get(Metric.PASS_OVERS)) : "n/a");
    cell(Text.nanos(t.waits().percentileNanos(50)));
    cell(Text.nanos(t.waits().percentileNanos(99)));
    cell(exact ? Text.nanos(t.holds().percentileNanos(50)) : "n/a");
    cell(exact ? Text.nanos(t.holds().percentileNanos(99)) : "n/a");
    cell(Text.nanos(t.totals().get(Metric.WAIT_IN_WAIT_NANOS)));
    cell(cpu < 0 ? "n/a" : Text.percent(cpu));
    out.append("</tr>");
  }

  private void cell(String text) throws IOException {
    out.append("<td>").append(esc(text)).append("</td>");
  }
}
