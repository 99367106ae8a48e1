package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
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
    writeHeader(result.recording(), out);
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
      TextMonitorSection.write(m, result.recording(), out);
    }
    if (selection.collapsedLine() != null) {
      out.append(selection.collapsedLine()).append("\n\n");
    }
    writeNotes(result, selection.shown(), out);
  }

  /** The file, the recording's time, JVM, cores and sources, and what the sources cannot give. */
  private static void writeHeader(RecordingInfo r, Appendable out) throws IOException {
    out.append("gilscope analysis of ").append(r.path()).append('\n');
    out.append(
        Text.fill(
            "recording: %s, %s, %s, %s, %d chunk(s), sources: %s%n",
            instant(r.startEpochNanos()),
            Text.seconds(r.durationNanos()),
            r.jvm() == null ? "JVM unknown" : r.jvm().trim(),
            r.cpuCores() == null ? "cores unknown" : r.cpuCores() + " cores",
            r.chunks(),
            r.sources().isEmpty() ? "none" : String.join(", ", r.sources())));
    for (String u : ReadNoteWording.of(r.unavailable())) {
      out.append("unavailable: ").append(u).append('\n');
    }
    out.append('\n');
  }

  /** Notes about collapsed monitors stay with them: only a count is printed. */
  private static void writeNotes(AnalysisResult result, List<MonitorStats> shown, Appendable out)
      throws IOException {
    List<String> notes = result.detectorNotes();
    List<String> kept = notesToPrint(notes, shown, result.monitors());
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
          Text.fill(
              "  %d note(s) about the monitors not shown; --all-monitors lists them%n", omitted));
    }
  }

  /** The notes about a shown monitor or about no monitor at all. */
  private static List<String> notesToPrint(
      List<String> notes, List<MonitorStats> shown, List<MonitorStats> all) {
    MonitorNames shownNames = new MonitorNames(shown);
    MonitorNames allNames = new MonitorNames(all);
    List<String> kept = new ArrayList<>();
    for (String note : notes) {
      if (shownNames.mentionedIn(note) || !allNames.mentionedIn(note)) {
        kept.add(note);
      }
    }
    return kept;
  }

  /** The names of some monitors, to find in notes. */
  private static final class MonitorNames {
    private final Set<String> names = new HashSet<>();
    private final BitSet lengths = new BitSet(); // of the names: a span of another length is none

    MonitorNames(List<MonitorStats> monitors) {
      for (MonitorStats m : monitors) {
        names.add(m.name());
        lengths.set(m.name().length());
      }
    }

    /**
     * Whether {@code note} is about one of them: it contains {@code " " + name + ":"}. Found by
     * looking up each such span of the note, not by trying every monitor on every note, which with
     * 10,000 monitors and a note per monitor was quadratic; a span is made a string only when a
     * name is as long (the spans were 6 MB of a 10,000-monitor report's garbage).
     */
    boolean mentionedIn(String note) {
      for (int colon = note.indexOf(':'); colon >= 0; colon = note.indexOf(':', colon + 1)) {
        for (int space = note.lastIndexOf(' ', colon - 1);
            space >= 0;
            space = note.lastIndexOf(' ', space - 1)) {
          if (lengths.get(colon - space - 1) && names.contains(note.substring(space + 1, colon))) {
            return true;
          }
        }
      }
      return false;
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
      writeFinding(f, out);
    }
    for (ReportLimits.Omitted o : selection.omitted()) {
      writeOmitted(o, out);
    }
    out.append('\n');
  }

  private static void writeFinding(Finding f, Appendable out) throws IOException {
    out.append(
        Text.fill(
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

  /** The line for the findings of one kind on one monitor beyond those listed. */
  private static void writeOmitted(ReportLimits.Omitted o, Appendable out) throws IOException {
    out.append(
        Text.fill(
            "%n... and %s more %s finding%s on %s (%s), not listed; --format json"
                + " --all-threads lists every one%n",
            Text.count(o.count()),
            o.kind(),
            o.count() == 1 ? "" : "s",
            o.monitor(),
            o.severities()));
  }

  /** A finding's evidence as one line; public: the JMC rules (jmc module) show it the same way. */
  public static String evidence(Map<String, Number> evidence) {
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

  /** At most {@link ReportLimits#TOP_THREADS} names, then how many more. */
  private static String names(List<String> names) {
    String listed = String.join(", ", ReportLimits.topNames(names));
    int more = names.size() - ReportLimits.TOP_THREADS;
    return more > 0 ? listed + " and " + Text.count(more) + " more" : listed;
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
  }
}
