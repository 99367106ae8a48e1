package dev.gilscope.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.timeline.Interval;
import dev.gilscope.analyzer.timeline.IntervalKind;
import dev.gilscope.analyzer.timeline.Timeline;
import dev.gilscope.analyzer.timeline.TimelineCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive part of the HTML report: the data the page's script draws (the timeline, the
 * findings' windows, per monitor the distributions and per-thread shares) as JSON inside a {@code
 * <script type="application/json">}, and the script and style themselves, inlined from resources
 * beside this class. The script builds the DOM with {@code textContent} only, and the JSON escapes
 * {@code <}, {@code >} and {@code &}, so no recorded name can end the script element or become
 * markup.
 */
final class HtmlTimeline {
  /** Thread lanes drawn; the other threads share one more lane. */
  static final int LANES = 16;

  /** Threads named in a monitor's share bars; the others are summed. */
  private static final int SHARE_THREADS = 8;

  /** Percentiles of the distribution plots: 0, 68.4, 90, ... 99.999 (log steps), then the max. */
  private static final double[] PERCENTILES = percentiles();

  private static final JsonFactory FACTORY = new JsonFactory();

  private HtmlTimeline() {}

  static String style() {
    return resource("timeline.css");
  }

  static String script() {
    return resource("timeline.js");
  }

  /** The page's data, JSON safe to put inside a script element. */
  static String data(AnalysisResult result, List<MonitorStats> shown, TimelineCollector collector) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setCharacterEscapes(new HtmlSafeEscapes());
      g.writeStartObject();
      g.writeNumberField("durationNanos", result.recording().durationNanos());
      if (collector != null) {
        g.writeFieldName("timeline");
        timeline(g, collector.snapshot(result.recording().durationNanos(), LANES));
      }
      g.writeArrayFieldStart("findings");
      for (Finding f : result.findings()) {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("monitor", f.monitor());
        g.writeNumberField("start", f.windowStartNanos());
        g.writeNumberField("end", f.windowEndNanos());
        strings(g, "threads", f.victims().isEmpty() ? f.threads() : f.victims());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("monitors");
      for (MonitorStats m : shown) {
        monitor(g, m);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void timeline(JsonGenerator g, Timeline t) throws IOException {
    g.writeStartObject();
    g.writeNumberField("bucketNanos", t.bucketNanos());
    g.writeNumberField("buckets", t.buckets());
    g.writeNumberField("spanNanos", t.spanNanos());
    g.writeNumberField("maxIntervals", TimelineCollector.MAX_INTERVALS);
    g.writeStringField("agentDetail", t.agentDetail());
    g.writeBooleanField("jdkEvents", t.jdkEvents());
    g.writeObjectFieldStart("events");
    for (IntervalKind k : IntervalKind.values()) {
      g.writeNumberField(k.name().toLowerCase(java.util.Locale.ROOT), t.events(k));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("lanes");
    for (Timeline.LaneData lane : t.lanes()) {
      g.writeStartObject();
      g.writeStringField("name", lane.label());
      g.writeNumberField("threads", lane.threads());
      // occupancy in thousandths of a bucket: small integers keep the page small
      permille(g, "hold", lane.holdNanos(), t.bucketNanos());
      permille(g, "acquire", lane.acquireNanos(), t.bucketNanos());
      permille(g, "wait", lane.waitNanos(), t.bucketNanos());
      permille(g, "estimatedHold", lane.estimatedHoldNanos(), t.bucketNanos());
      longs(g, "handoffs", lane.handoffs());
      longs(g, "passOvers", lane.passOvers());
      g.writeEndObject();
    }
    g.writeEndArray();
    Map<String, Integer> monitorIndex = new HashMap<>();
    List<String> monitorNames = new ArrayList<>();
    g.writeArrayFieldStart("intervals");
    for (Timeline.Shown s : t.intervals()) {
      Interval i = s.interval();
      Integer m = monitorIndex.get(i.monitor());
      if (m == null) {
        m = monitorNames.size();
        monitorIndex.put(i.monitor(), m);
        monitorNames.add(i.monitor());
      }
      g.writeStartArray();
      g.writeNumber(s.lane());
      g.writeNumber(m);
      g.writeNumber(i.kind().ordinal());
      g.writeNumber(i.startNanos());
      g.writeNumber(i.durationNanos());
      g.writeEndArray();
    }
    g.writeEndArray();
    strings(g, "intervalMonitors", monitorNames);
    longs(g, "intervalsSeen", t.intervalsSeen());
    g.writeEndObject();
  }

  private static void monitor(JsonGenerator g, MonitorStats m) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", m.name());
    g.writeBooleanField("exact", m.hasExactCounts());
    g.writeArrayFieldStart("distributions");
    distribution(g, "wait to acquire", m.waits());
    if (m.hasExactCounts()) {
      distribution(g, "hold", m.holds());
    }
    distribution(g, "in wait()", m.waitsInWait());
    g.writeEndArray();
    List<ThreadStats> threads = new ArrayList<>(m.threads());
    Comparator<ThreadStats> busiest =
        Comparator.comparingLong(
            (ThreadStats t) ->
                m.hasExactCounts()
                    ? t.totals().get(Metric.ACQUISITIONS)
                    : t.totals().get(Metric.WAIT_NANOS));
    threads.sort(busiest.reversed().thenComparing(ThreadStats::name));
    g.writeArrayFieldStart("shares");
    long[] rest = new long[3];
    int restThreads = 0;
    for (int i = 0; i < threads.size(); i++) {
      ThreadStats t = threads.get(i);
      long[] v = {
        m.hasExactCounts() ? t.totals().get(Metric.ACQUISITIONS) : 0,
        m.hasExactCounts() ? t.totals().get(Metric.HOLD_NANOS) : 0,
        t.totals().get(Metric.WAIT_NANOS)
      };
      if (i < SHARE_THREADS) {
        share(g, t.name(), v);
      } else {
        restThreads++;
        for (int k = 0; k < 3; k++) {
          rest[k] += v[k];
        }
      }
    }
    if (restThreads > 0) {
      share(g, restThreads + " other threads", rest);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void share(JsonGenerator g, String thread, long[] v) throws IOException {
    g.writeStartObject();
    g.writeStringField("thread", thread);
    g.writeNumberField("acquisitions", v[0]);
    g.writeNumberField("holdNanos", v[1]);
    g.writeNumberField("waitNanos", v[2]);
    g.writeEndObject();
  }

  private static void distribution(JsonGenerator g, String name, DurationStats s)
      throws IOException {
    if (s.count() == 0) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeNumberField("count", s.count());
    g.writeArrayFieldStart("points");
    for (double p : PERCENTILES) {
      g.writeStartArray();
      g.writeNumber(p);
      g.writeNumber(p >= 100 ? s.maxNanos() : s.percentileNanos(p));
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static double[] percentiles() {
    double[] p = new double[22];
    for (int k = 0; k < 21; k++) {
      p[k] = Math.round((100 - 100 * Math.pow(10, -k / 4.0)) * 1e4) / 1e4;
    }
    p[21] = 100;
    return p;
  }

  private static void permille(JsonGenerator g, String name, long[] nanos, long bucketNanos)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (long n : nanos) {
      g.writeNumber(Math.round(1000.0 * n / bucketNanos));
    }
    g.writeEndArray();
  }

  private static void longs(JsonGenerator g, String name, long[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (long v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlTimeline.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON string escapes plus {@code <}, {@code >} and {@code &} as {@code \\uXXXX}. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = standardAsciiEscapesForJSON();
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
