package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ReadNote;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Scopes the recording's {@link ReadNote.Kind#JDK_EVENTS_ONLY} note to the monitors analysed (after
 * {@code --monitor} and the merge of a tracked monitor's JDK entry), so that it is true of them:
 * the JDK's lock events lack acquisitions, holds and utilization, but gilscope's monitors in the
 * same recording have them exactly. Runs once on the main thread after reading; costs one pass over
 * the monitors.
 */
final class SourceScope {
  private SourceScope() {}

  /**
   * {@code r} with the JDK-events note counting {@code monitors}, first; none if none is JDK-only.
   */
  static RecordingInfo scopeUnavailable(RecordingInfo r, List<MonitorStats> monitors) {
    long jdkOnly = monitors.stream().filter(m -> m.source() != EventSource.GILSCOPE).count();
    List<ReadNote> notes = new ArrayList<>();
    if (jdkOnly > 0) {
      notes.add(ReadNote.jdkEventsOnly(jdkOnly, monitors.size() - jdkOnly));
    }
    for (ReadNote note : r.unavailable()) {
      if (note.kind() != ReadNote.Kind.JDK_EVENTS_ONLY) {
        notes.add(note);
      }
    }
    return r.withUnavailable(notes);
  }
}
