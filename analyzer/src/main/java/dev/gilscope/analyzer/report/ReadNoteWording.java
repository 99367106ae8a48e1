package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.ReadNote;
import java.util.List;

/** The sentence each report prints for a {@link ReadNote} (after "unavailable: " in text). */
public final class ReadNoteWording {
  private static final String JDK_EVENTS =
      "jdk.JavaMonitorEnter, jdk.JavaMonitorWait, jdk.ThreadPark";

  private static final String JDK_EVENTS_LACK =
      "only contended waits above the recording's threshold exist; acquisitions, holds,"
          + " utilization, handoffs, barging and pass-overs are unavailable";

  private ReadNoteWording() {}

  public static String of(ReadNote note) {
    return switch (note.kind()) {
      case JDK_EVENTS_ONLY -> jdkEventsOnly(note.count(), note.others());
      case NO_STATISTICS ->
          note.monitor() + ": no gilscope.MonitorStatistics events: exact counts are unavailable";
      case SUPPRESSED_PROBE_ERRORS ->
          "the agent suppressed " + note.count() + " probe errors: some counts may be short";
    };
  }

  public static List<String> of(List<ReadNote> notes) {
    return notes.stream().map(ReadNoteWording::of).toList();
  }

  /** Scoped to the JDK-only monitors when gilscope tracks others in the same recording. */
  private static String jdkEventsOnly(long jdkOnly, long tracked) {
    if (tracked == 0) {
      return "JDK lock events (" + JDK_EVENTS + "): " + JDK_EVENTS_LACK;
    }
    return Text.fill(
        "for the %d monitor%s seen only through JDK lock events (%s): %s (not so for the %d"
            + " gilscope-tracked monitor%s)",
        jdkOnly,
        jdkOnly == 1 ? "" : "s",
        JDK_EVENTS,
        JDK_EVENTS_LACK,
        tracked,
        tracked == 1 ? "" : "s");
  }
}
