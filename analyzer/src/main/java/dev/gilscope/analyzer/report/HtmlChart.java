package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.io.IOException;
import java.util.Map;

/**
 * A monitor's SVG chart in the {@link HtmlReport}: bars of utilization per window (blue) and a line
 * of average waiters, capped at 2 (orange).
 */
final class HtmlChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 120;

  /** Average waiters at the top of the chart: more is drawn as this many. */
  private static final double WAITERS_AT_TOP = 2;

  private HtmlChart() {}

  static void write(MonitorStats m, RecordingInfo r, Appendable out) throws IOException {
    int windows = (int) Math.max(1, (r.durationNanos() + r.windowNanos() - 1) / r.windowNanos());
    double barWidth = (double) WIDTH / windows;
    out.append(
        Text.fill(
            "<svg width=\"%d\" height=\"%d\" role=\"img\"><title>utilization (bars) and average"
                + " waiters (line, top = 2) per %s window</title>",
            WIDTH, HEIGHT + 16, Text.seconds(r.windowNanos())));
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
        bar(out, x, barWidth, HoldTime.utilization(c, len), (long) w * r.windowNanos());
      }
      double waiters = (double) (c.get(Metric.WAIT_NANOS) + c.get(Metric.WAIT_IN_WAIT_NANOS)) / len;
      double y = HEIGHT - Math.min(WAITERS_AT_TOP, waiters) / WAITERS_AT_TOP * HEIGHT;
      line.append(Text.fixed(x + barWidth / 2, 1)).append(',').append(Text.fixed(y, 1)).append(' ');
    }
    if (line.length() > 0) {
      out.append("<polyline fill=\"none\" stroke=\"#e67e22\" stroke-width=\"2\" points=\"")
          .append(line.toString().trim())
          .append("\"/>");
    }
    axis(r, out);
  }

  /** One window's utilization bar, with the figure as its tooltip. */
  private static void bar(Appendable out, double x, double width, double u, long startNanos)
      throws IOException {
    double h = u * HEIGHT;
    out.append(
        Text.fill(
            "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#3498db\">"
                + "<title>%s: held %s</title></rect>",
            Text.fixed(x, 1),
            Text.fixed(HEIGHT - h, 1),
            Text.fixed(Math.max(1, width - 1), 1),
            Text.fixed(h, 1),
            Text.seconds(startNanos),
            Text.percent(u)));
  }

  /** The time axis's two ends, then the end of the chart. */
  private static void axis(RecordingInfo r, Appendable out) throws IOException {
    out.append(
        Text.fill(
            "<text x=\"2\" y=\"%d\" font-size=\"11\">0 s</text><text x=\"%d\" y=\"%d\""
                + " font-size=\"11\" text-anchor=\"end\">%s</text></svg>\n",
            HEIGHT + 13, WIDTH - 2, HEIGHT + 13, Text.seconds(r.durationNanos())));
  }
}
