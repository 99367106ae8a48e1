package dev.gilscope.analyzer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.report.HtmlReport;
import dev.gilscope.analyzer.testing.HeadlessChromium;
import dev.gilscope.analyzer.timeline.TimelineCollector;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Not a test: the HTML timeline at its largest. Feeds a collector a 10-minute recording's worth of
 * intervals (40 threads, log-uniform lengths), writes the page, prints its size, then opens it in
 * headless Chromium and prints how long the script takes to build the page and to redraw at the
 * whole recording, zoomed in 64x and down to 1 microsecond (median of 21 redraws each).
 *
 * <pre>
 * java -cp analyzer/target/test-classes:analyzer/target/classes:$(cat cp.txt) \
 *      dev.gilscope.analyzer.bench.TimelinePageBenchmark /tmp/timeline-max.html 2000000
 * </pre>
 */
public final class TimelinePageBenchmark {
  private TimelinePageBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path html = Path.of(args.length > 0 ? args[0] : "/tmp/timeline-max.html");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    long origin = 1_700_000_000_000_000_000L;
    long span = 600_000_000_000L;
    TimelineCollector c = new TimelineCollector(origin);
    Random r = new Random(1);
    MonitorStats m =
        new MonitorStats("gilscope:1", "Interp#GIL", "Interp", "monitor", EventSource.GILSCOPE);
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      long start = (long) (r.nextDouble() * span);
      long end = Math.min(span, start + (long) Math.exp(r.nextDouble() * 16));
      String thread = "worker-" + r.nextInt(40);
      switch (r.nextInt(3)) {
        case 0 -> c.hold("Interp#GIL", thread, origin + start, origin + end);
        case 1 -> c.acquire("Interp#GIL", thread, origin + start, origin + end, r.nextBoolean());
        default -> c.waitCall("Interp#GIL", thread, origin + start, origin + end);
      }
      m.waits().record(end - start);
      m.thread(thread).waits().record(end - start);
    }
    long collectNanos = cpu.getCurrentThreadCpuTime() - t0;
    // the same loop without the collector: what the analysis costs anyway
    r = new Random(1);
    MonitorStats baseline =
        new MonitorStats("gilscope:1", "Interp#GIL", "Interp", "monitor", EventSource.GILSCOPE);
    t0 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      long start = (long) (r.nextDouble() * span);
      long end = Math.min(span, start + (long) Math.exp(r.nextDouble() * 16));
      String thread = "worker-" + r.nextInt(40);
      r.nextInt(3);
      r.nextBoolean();
      baseline.waits().record(end - start);
      baseline.thread(thread).waits().record(end - start);
    }
    long baselineNanos = cpu.getCurrentThreadCpuTime() - t0;
    System.out.printf(
        "CPU: %.0f ms with the collector, %.0f ms without: %.2f us per interval%n",
        collectNanos / 1e6, baselineNanos / 1e6, (collectNanos - baselineNanos) / 1e3 / n);
    RecordingInfo info =
        new RecordingInfo(
            "synthetic-10min.jfr",
            0,
            1,
            origin,
            span,
            1_000_000_000L,
            null,
            2,
            Set.of("gilscope"),
            List.of(),
            Map.of(),
            Map.of());
    AnalysisResult result = new AnalysisResult(info, List.of(m), List.of(), List.of());
    try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      new HtmlReport(true).withTimeline(c).write(result, w);
    }
    System.out.printf("%,d intervals; page %s: %,d bytes%n", n, html, Files.size(html));
    try (HeadlessChromium browser =
        new HeadlessChromium(HeadlessChromium.binary().orElseThrow(), 1280, 900)) {
      long open = System.nanoTime();
      browser.open(html.toAbsolutePath());
      System.out.printf(
          "page loaded (parse + first draw) in %.0f ms%n", (System.nanoTime() - open) / 1e6);
      JsonNode times =
          browser.eval(
              "(function () {"
                  + " var c = document.querySelector('.gs-canvas');"
                  + " function median(f) { var t = []; for (var i = 0; i < 21; i++) {"
                  + "   var a = performance.now(); f(); t.push(performance.now() - a); }"
                  + "   t.sort(function (x, y) { return x - y; }); return t[10]; }"
                  + " var zin = document.querySelector('button[aria-label=\"zoom in\"]');"
                  + " var reset = document.querySelector('button[aria-label=\"reset zoom\"]');"
                  + " var right = document.querySelector('button[aria-label=\"pan right\"]');"
                  + " var out = {};"
                  + " reset.click(); out.whole = median(function () { right.click(); });"
                  + " for (var i = 0; i < 6; i++) { zin.click(); }"
                  + " out.zoom64 = median(function () { right.click(); });"
                  + " out.mode64 = c.getAttribute('data-mode');"
                  + " for (var j = 0; j < 40; j++) { zin.click(); }"
                  + " out.micro = median(function () { right.click(); });"
                  + " out.span = c.getAttribute('data-view-end') - c.getAttribute('data-view-start');"
                  + " out.intervals = JSON.parse(document.getElementById('gs-data').textContent)"
                  + "   .timeline.intervals.length;"
                  + " return out; })()");
      System.out.println("redraw medians (ms) and state: " + times);
      System.out.println("errors: " + browser.errors());
    }
  }
}
