package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ReadNote;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.report.ReadNoteWording;
import dev.gilscope.analyzer.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceScopeTest {
  private static final String UNSCOPED_NOTE =
      "JDK lock events (jdk.JavaMonitorEnter, jdk.JavaMonitorWait, jdk.ThreadPark): only"
          + " contended waits above the recording's threshold exist; acquisitions, holds,"
          + " utilization, handoffs, barging and pass-overs are unavailable";

  private static final String SUPPRESSED =
      "the agent suppressed 3 probe errors: some counts may be short";

  /** As the reader leaves it: 5 JDK-only monitors and 1 tracked one before --monitor. */
  private static RecordingInfo withNotes() {
    return Models.recording(Models.SECOND, 2)
        .withUnavailable(List.of(ReadNote.jdkEventsOnly(5, 1), ReadNote.suppressedProbeErrors(3)));
  }

  private static MonitorStats jdkMonitor() {
    return new MonitorStats(
        "jdk:1", "java.lang.Object@1", "java.lang.Object", "monitor", EventSource.JDK_MONITOR);
  }

  private static List<String> worded(RecordingInfo r) {
    return ReadNoteWording.of(r.unavailable());
  }

  @Test
  void withGilscopeMonitorsTheNoteIsScopedToJdkOnlyMonitors() {
    RecordingInfo r =
        SourceScope.scopeUnavailable(
            withNotes(), List.of(Models.gilscopeMonitor("Interp#GIL"), jdkMonitor(), jdkMonitor()));
    assertThat(worded(r))
        .containsExactly(
            "for the 2 monitors seen only through JDK lock events (jdk.JavaMonitorEnter,"
                + " jdk.JavaMonitorWait, jdk.ThreadPark): only contended waits above the"
                + " recording's threshold exist; acquisitions, holds, utilization, handoffs,"
                + " barging and pass-overs are unavailable (not so for the 1 gilscope-tracked"
                + " monitor)",
            SUPPRESSED);
  }

  @Test
  void withoutGilscopeMonitorsTheNoteCoversTheRecording() {
    RecordingInfo r = SourceScope.scopeUnavailable(withNotes(), List.of(jdkMonitor()));
    assertThat(worded(r)).containsExactly(UNSCOPED_NOTE, SUPPRESSED);
  }

  @Test
  void withoutJdkOnlyMonitorsThereIsNoJdkNote() {
    RecordingInfo r =
        SourceScope.scopeUnavailable(withNotes(), List.of(Models.gilscopeMonitor("Interp#GIL")));
    assertThat(r.unavailable()).containsExactly(ReadNote.suppressedProbeErrors(3));
  }
}
