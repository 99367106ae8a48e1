package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Phrases the recording's "unavailable" notes per event source so that each is true: the JDK's lock
 * events lack acquisitions, holds and utilization, but gilscope's monitors in the same recording
 * have them exactly. Runs once on the main thread after reading; costs one pass over the monitors.
 */
final class SourceScope {
  /** How the reader opens its note about JDK lock events (read/RecordingReader). */
  static final String JDK_NOTE_PREFIX = "JDK lock events";

  private SourceScope() {}

  /** {@code r} with the JDK-events note scoped to the monitors seen only through JDK events. */
  static RecordingInfo scopeUnavailable(RecordingInfo r, List<MonitorStats> monitors) {
    long jdkOnly = monitors.stream().filter(m -> m.source() != EventSource.GILSCOPE).count();
    long tracked = monitors.size() - jdkOnly;
    List<String> notes = new ArrayList<>();
    for (String note : r.unavailable()) {
      if (!note.startsWith(JDK_NOTE_PREFIX)) {
        notes.add(note);
      }
    }
    if (jdkOnly > 0) {
      String what =
          "only contended waits above the recording's threshold exist; acquisitions, holds,"
              + " utilization, handoffs, barging and pass-overs are unavailable";
      notes.add(
          0,
          tracked == 0
              ? "JDK lock events (jdk.JavaMonitorEnter, jdk.JavaMonitorWait, jdk.ThreadPark): "
                  + what
              : String.format(
                  java.util.Locale.ROOT,
                  "for the %d monitor%s seen only through JDK lock events (jdk.JavaMonitorEnter,"
                      + " jdk.JavaMonitorWait, jdk.ThreadPark): %s (not so for the %d"
                      + " gilscope-tracked monitor%s)",
                  jdkOnly,
                  jdkOnly == 1 ? "" : "s",
                  what,
                  tracked,
                  tracked == 1 ? "" : "s"));
    }
    return new RecordingInfo(
        r.path(),
        r.fileBytes(),
        r.chunks(),
        r.startEpochNanos(),
        r.durationNanos(),
        r.windowNanos(),
        r.jvm(),
        r.cpuCores(),
        r.sources(),
        notes,
        r.eventCounts(),
        r.threadCpu());
  }
}
