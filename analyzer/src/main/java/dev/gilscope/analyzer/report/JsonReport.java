package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.FlagShape;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report (schema in docs/analyzer.md): {@code recording}, {@code monitors},
 * {@code findings}, {@code notes}. Durations are nanoseconds; a statistic the source cannot give is
 * null and explained in {@code recording.unavailable}.
 */
public final class JsonReport implements ReportWriter {
  private final boolean allThreads;

  /** A report within {@link ReportLimits} (every thread of the demos' recordings). */
  public JsonReport() {
    this(false);
  }

  /**
   * {@code allThreads}: every thread and finding, whatever their number ({@code --all-threads}).
   */
  public JsonReport(boolean allThreads) {
    this.allThreads = allThreads;
  }

  @Override
  public void write(AnalysisResult result, Appendable out) throws IOException {
    if (out instanceof Writer w) {
      Json.write(toTree(result, allThreads), w); // streamed: one monitor's tree at a time
    } else {
      out.append(Json.write(toTree(result, allThreads)));
    }
    out.append('\n');
  }

  /** The report as one JSON document, without the final newline. */
  public static String toJson(AnalysisResult result) {
    return Json.write(toTree(result, false));
  }

  /**
   * The report's tree. Beyond {@link ReportLimits} (without {@code allThreads}) a monitor's threads
   * stop at the busiest {@link ReportLimits#TOP_THREADS} followed by an {@code otherThreads}
   * summary, a finding's name lists by a {@code threadCount}/{@code victimCount}/{@code
   * causeCount}, and the findings per kind and monitor by an {@code omittedFindings} array; these
   * fields appear only when something was left out, so a small recording's report is as it always
   * was.
   */
  static Json.Obj toTree(AnalysisResult result, boolean allThreads) {
    Json.Obj root = new Json.Obj();
    root.set("recording", recording(result.recording(), result.monitors().isEmpty()));
    Json.Arr monitors = root.putArray("monitors");
    for (MonitorStats m : result.monitors()) {
      monitors.addLater(() -> monitor(m, result.recording(), allThreads));
    }
    Json.Arr findings = root.putArray("findings");
    ReportLimits.FindingSelection selection =
        ReportLimits.selectFindings(result.findings(), allThreads);
    for (Finding f : selection.listed()) {
      findings.add(finding(f, result.recording(), allThreads));
    }
    strings(root.putArray("notes"), result.detectorNotes());
    if (!selection.omitted().isEmpty()) {
      Json.Arr omitted = root.putArray("omittedFindings");
      for (ReportLimits.Omitted o : selection.omitted()) {
        Json.Obj n = omitted.addObject();
        n.put("kind", o.kind().name());
        n.put("monitor", o.monitor());
        n.put("count", o.count());
        Json.Obj bySeverity = n.putObject("bySeverity");
        o.bySeverity().forEach((severity, count) -> bySeverity.put(severity.name(), count));
      }
    }
    return root;
  }

  private static Json.Obj recording(RecordingInfo r, boolean noLockEvents) {
    Json.Obj n = new Json.Obj();
    n.put("path", r.path());
    n.put("fileBytes", r.fileBytes());
    n.put("chunks", r.chunks());
    n.put("start", instant(r.startEpochNanos()).toString());
    n.put("startEpochNanos", r.startEpochNanos());
    n.put("durationNanos", r.durationNanos());
    n.put("windowNanos", r.windowNanos());
    n.put("jvm", r.jvm());
    if (r.cpuCores() == null) {
      n.putNull("cpuCores");
    } else {
      n.put("cpuCores", r.cpuCores());
    }
    strings(n.putArray("sources"), List.copyOf(r.sources()));
    strings(n.putArray("unavailable"), ReadNoteWording.of(r.unavailable()));
    if (noLockEvents) {
      n.put("note", "no lock events in this recording");
    }
    Json.Obj counts = n.putObject("eventCounts");
    r.eventCounts().forEach(counts::put);
    return n;
  }

  private static Json.Obj monitor(MonitorStats m, RecordingInfo r, boolean allThreads) {
    Json.Obj n = new Json.Obj();
    n.put("name", m.name());
    n.put("class", m.className());
    n.put("kind", m.kind());
    n.put("source", m.source().label());
    n.put("flagShaped", FlagShape.isFlagShaped(m));
    putCounts(n, m);
    putDouble(n, "utilization", MonitorFigures.utilization(m, r));
    String basis = MonitorFigures.utilizationBasis(m);
    if (basis == null) {
      n.putNull("utilizationBasis");
    } else {
      n.put("utilizationBasis", basis);
    }
    putDistributions(n, m);
    Json.Arr threads = n.putArray("threads");
    for (ThreadStats t : allThreads ? m.threads() : ReportLimits.topThreads(m)) {
      threads.add(thread(m, t, r));
    }
    ReportLimits.OtherThreads others = allThreads ? null : ReportLimits.otherThreads(m);
    if (others != null) {
      putOtherThreads(n.putObject("otherThreads"), others);
    }
    Json.Arr windows = n.putArray("windows");
    m.windows().all().forEach((w, c) -> putWindow(windows.addObject(), m, r, w, c));
    return n;
  }

  /** The whole recording's counters; null where the source cannot count them. */
  private static void putCounts(Json.Obj n, MonitorStats m) {
    putLong(n, "acquisitions", MonitorFigures.exact(m, Metric.ACQUISITIONS));
    n.put("contendedAcquisitions", m.totals().get(Metric.CONTENDED));
    putLong(n, "handoffs", MonitorFigures.exact(m, Metric.HANDOFFS));
    putLong(n, "barging", MonitorFigures.exact(m, Metric.BARGING));
    putLong(n, "passOvers", MonitorFigures.exact(m, Metric.PASS_OVERS));
    putLong(n, "reentrantEntries", MonitorFigures.exact(m, Metric.REENTRANT_ENTRIES));
    putLong(n, "failedTryLocks", MonitorFigures.exact(m, Metric.FAILED_TRY_LOCKS));
    n.put("waitCalls", m.totals().get(Metric.WAITS));
    n.put("timedOutWaits", m.totals().get(Metric.TIMED_OUT_WAITS));
    putLong(n, "notifies", MonitorFigures.exact(m, Metric.NOTIFIES));
    putLong(n, "maxQueueLength", MonitorFigures.exact(m, Metric.MAX_QUEUE_LENGTH));
  }

  private static void putDistributions(Json.Obj n, MonitorStats m) {
    n.set("wait", stats(m.waits(), MonitorFigures.waitNote(m)));
    n.set(
        "hold",
        m.hasExactCounts() ? stats(m.holds(), MonitorFigures.holdNote(m)) : nullStats("hold"));
    n.set("waitInWait", stats(m.waitsInWait(), "single wait() calls on the monitor"));
    n.set("waitEpisodes", stats(m.episodes(), "runs of back-to-back wait() calls of one thread"));
  }

  /** The threads not listed, summed. */
  private static void putOtherThreads(Json.Obj o, ReportLimits.OtherThreads others) {
    o.put("count", others.count());
    putLong(o, "acquisitions", others.acquisitions());
    o.put("waitNanos", others.waitNanos());
    if (others.shareHistogram() == null) {
      o.putNull("byShareOfAcquisitions");
    } else {
      Json.Obj h = o.putObject("byShareOfAcquisitions");
      others.shareHistogram().forEach(h::put);
    }
  }

  /** Window {@code w}'s counters {@code c}. */
  private static void putWindow(Json.Obj wn, MonitorStats m, RecordingInfo r, int w, Counters c) {
    long len = r.windowLengthNanos(w);
    wn.put("startOffsetNanos", (long) w * r.windowNanos());
    wn.put("lengthNanos", len);
    if (m.hasExactCounts()) {
      wn.put("acquisitions", c.get(Metric.ACQUISITIONS));
      wn.put("barging", c.get(Metric.BARGING));
      wn.put("passOvers", c.get(Metric.PASS_OVERS));
      wn.put("handoffs", c.get(Metric.HANDOFFS));
    }
    wn.put("contendedAcquisitions", c.get(Metric.CONTENDED));
    wn.put("waitNanos", c.get(Metric.WAIT_NANOS));
    wn.put("waitInWaitNanos", c.get(Metric.WAIT_IN_WAIT_NANOS));
    wn.put("averageWaiters", (double) c.get(Metric.WAIT_NANOS) / len);
    putDouble(wn, "utilization", MonitorFigures.utilization(m, c, len));
  }

  private static Json.Obj thread(MonitorStats m, ThreadStats t, RecordingInfo r) {
    Json.Obj n = new Json.Obj();
    n.put("name", t.name());
    putLong(n, "acquisitions", m.hasExactCounts() ? t.totals().get(Metric.ACQUISITIONS) : null);
    Double share = MonitorFigures.shareOfAcquisitions(m, t);
    if (share == null) {
      n.putNull("shareOfAcquisitions");
    } else {
      n.put("shareOfAcquisitions", share);
    }
    putLong(n, "requests", m.hasExactCounts() ? t.totals().get(Metric.REQUESTS) : null);
    n.put("contendedAcquisitions", t.totals().get(Metric.CONTENDED));
    putLong(n, "passOvers", m.hasExactCounts() ? t.totals().get(Metric.PASS_OVERS) : null);
    n.put("waitCalls", t.totals().get(Metric.WAITS));
    n.put("timedOutWaits", t.totals().get(Metric.TIMED_OUT_WAITS));
    n.put("waitInWaitNanos", t.totals().get(Metric.WAIT_IN_WAIT_NANOS));
    double cpu = r.cpuLoad(t.name());
    if (cpu < 0) {
      n.putNull("cpuLoad");
    } else {
      n.put("cpuLoad", cpu);
    }
    n.set("wait", stats(t.waits(), null));
    n.set("hold", m.hasExactCounts() ? stats(t.holds(), null) : nullStats(null));
    n.set("waitInWait", stats(t.waitsInWait(), null));
    n.set("waitEpisodes", stats(t.episodes(), null));
    Json.Obj blame = n.putObject("waitedBehindNanos");
    t.blameNanosByHolder().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> blame.put(e.getKey(), e.getValue()));
    return n;
  }

  private static Json.Obj stats(DurationStats s, String note) {
    Json.Obj n = new Json.Obj();
    n.put("count", s.count());
    n.put("mean", Math.round(s.meanNanos()));
    n.put("p50", s.percentileNanos(50));
    n.put("p90", s.percentileNanos(90));
    n.put("p99", s.percentileNanos(99));
    n.put("p999", s.percentileNanos(99.9));
    n.put("max", s.maxNanos());
    if (note != null) {
      n.put("note", note);
    }
    return n;
  }

  private static Json.Obj nullStats(String what) {
    Json.Obj n = new Json.Obj();
    for (String k : new String[] {"count", "mean", "p50", "p90", "p99", "p999", "max"}) {
      n.putNull(k);
    }
    if (what != null) {
      n.put("note", "unavailable from JDK events");
    }
    return n;
  }

  /** A finding's list of names, cut to {@link ReportLimits#topNames} with its full count. */
  private static void names(
      Json.Obj n, String field, String countField, List<String> names, boolean allThreads) {
    List<String> listed = allThreads ? names : ReportLimits.topNames(names);
    strings(n.putArray(field), listed);
    if (listed.size() < names.size()) {
      n.put(countField, names.size());
    }
  }

  private static Json.Obj finding(Finding f, RecordingInfo r, boolean allThreads) {
    Json.Obj n = new Json.Obj();
    n.put("kind", f.kind().name());
    n.put("monitor", f.monitor());
    n.put("severity", f.severity().name());
    names(n, "threads", "threadCount", f.threads(), allThreads);
    names(n, "victims", "victimCount", f.victims(), allThreads);
    names(n, "causes", "causeCount", f.causes(), allThreads);
    Json.Obj window = n.putObject("window");
    window.put("start", instant(r.startEpochNanos() + f.windowStartNanos()).toString());
    window.put("end", instant(r.startEpochNanos() + f.windowEndNanos()).toString());
    window.put("startOffsetNanos", f.windowStartNanos());
    window.put("endOffsetNanos", f.windowEndNanos());
    Json.Obj evidence = n.putObject("evidence");
    f.evidence()
        .forEach(
            (k, v) -> {
              if (v == null) {
                evidence.putNull(k);
              } else if (v instanceof Double || v instanceof Float) {
                evidence.put(k, v.doubleValue());
              } else {
                evidence.put(k, v.longValue());
              }
            });
    n.put("summary", f.summary());
    n.put("advice", f.advice());
    return n;
  }

  private static void putDouble(Json.Obj n, String field, Double value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }

  private static void putLong(Json.Obj n, String field, Long value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }

  private static void strings(Json.Arr array, List<String> values) {
    values.forEach(array::add);
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
  }
}
