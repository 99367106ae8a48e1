package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.testing.Models;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceScopeTest {
  private static final String READER_NOTE =
      "JDK lock events (jdk.JavaMonitorEnter, jdk.JavaMonitorWait, jdk.ThreadPark): only"
          + " contended waits above the recording's threshold exist; acquisitions, holds,"
          + " utilization, handoffs, barging and pass-overs are unavailable";

  private static RecordingInfo withNote() {
    RecordingInfo r = Models.recording(Models.SECOND, 2);
    return new RecordingInfo(
        r.path(),
        1,
        1,
        0,
        Models.SECOND,
        Models.SECOND,
        null,
        2,
        new LinkedHashSet<>(List.of("gilscope")),
        List.of(READER_NOTE, "the agent suppressed 3 probe errors: some counts may be short"),
        Map.of(),
        Map.of());
  }

  private static MonitorStats jdkMonitor() {
    return new MonitorStats(
        "jdk:1", "java.lang.Object@1", "java.lang.Object", "monitor", EventSource.JDK_MONITOR);
  }

  @Test
  void withGilscopeMonitorsTheNoteIsScopedToJdkOnlyMonitors() {
    RecordingInfo r =
        SourceScope.scopeUnavailable(
            withNote(), List.of(Models.gilscopeMonitor("Interp#GIL"), jdkMonitor(), jdkMonitor()));
    assertThat(r.unavailable())
        .containsExactly(
            "for the 2 monitors seen only through JDK lock events (jdk.JavaMonitorEnter,"
                + " jdk.JavaMonitorWait, jdk.ThreadPark): only contended waits above the"
                + " recording's threshold exist; acquisitions, holds, utilization, handoffs,"
                + " barging and pass-overs are unavailable (not so for the 1 gilscope-tracked"
                + " monitor)",
            "the agent suppressed 3 probe errors: some counts may be short");
  }

  @Test
  void withoutGilscopeMonitorsTheNoteCoversTheRecording() {
    RecordingInfo r = SourceScope.scopeUnavailable(withNote(), List.of(jdkMonitor()));
    assertThat(r.unavailable().get(0)).isEqualTo(READER_NOTE);
  }

  @Test
  void withoutJdkOnlyMonitorsThereIsNoJdkNote() {
    RecordingInfo r =
        SourceScope.scopeUnavailable(withNote(), List.of(Models.gilscopeMonitor("Interp#GIL")));
    assertThat(r.unavailable())
        .containsExactly("the agent suppressed 3 probe errors: some counts may be short");
  }
}
