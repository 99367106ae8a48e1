package dev.gilscope.analyzer.report;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.analyzer.detect.Significance;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorSelectionTest {
  private static final long DURATION = 10 * SECOND;

  private static MonitorStats jdk(String className, EventSource source, long blockedNanos) {
    MonitorStats m =
        new MonitorStats("jdk:" + className, className + "@1f", className, "monitor", source);
    Models.monitor(m, 0, Metric.CONTENDED, 1);
    Models.monitor(m, 0, Metric.WAIT_NANOS, blockedNanos);
    m.thread("main").window(0).add(Metric.WAIT_NANOS, blockedNanos);
    return m;
  }

  private static final long SIGNIFICANT = (long) (Significance.MIN_BLOCKED_FRACTION * DURATION);

  private static AnalysisResult result(boolean withGil) {
    List<MonitorStats> monitors = new ArrayList<>();
    if (withGil) {
      MonitorStats gil = Models.gilscopeMonitor("Interp#GIL");
      Models.monitor(gil, 0, Metric.ACQUISITIONS, 100);
      monitors.add(gil);
    }
    monitors.add(jdk("java.lang.Thread", EventSource.JDK_MONITOR, SIGNIFICANT - 1));
    monitors.add(jdk("com.acme.Cache", EventSource.JDK_MONITOR, SIGNIFICANT));
    monitors.add(
        jdk("java.util.concurrent.CountDownLatch$Sync", EventSource.JDK_PARK, 10 * SIGNIFICANT));
    monitors.add(
        jdk(
            "java.util.concurrent.locks.ReentrantLock$NonfairSync",
            EventSource.JDK_PARK,
            SIGNIFICANT));
    return new AnalysisResult(Models.recording(DURATION, 2), monitors, List.of(), List.of());
  }

  @Test
  void gilscopeMonitorsLeadAndInsignificantJdkMonitorsCollapse() {
    MonitorSelection s = MonitorSelection.of(result(true), false);
    assertThat(s.shown())
        .extracting(MonitorStats::name)
        .containsExactly(
            "Interp#GIL",
            "com.acme.Cache@1f",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync@1f");
    assertThat(s.collapsed())
        .extracting(MonitorStats::name)
        .containsExactly("java.lang.Thread@1f", "java.util.concurrent.CountDownLatch$Sync@1f");
    assertThat(s.collapsedLine()).startsWith("2 other monitors with JDK lock events below");
  }

  @Test
  void textReportKeepsNotesAboutShownMonitorsAndCountsTheRest() throws Exception {
    AnalysisResult r = result(true);
    AnalysisResult withNotes =
        new AnalysisResult(
            r.recording(),
            r.monitors(),
            List.of(),
            List.of(
                "CONVOY not applicable to com.acme.Cache@1f: needs gilscope hold times",
                "CONVOY not applicable to java.lang.Thread@1f: needs gilscope hold times",
                "STARVATION failed: an internal error"));
    StringBuilder text = new StringBuilder();
    new TextReport(false).write(withNotes, text);
    assertThat(text)
        .contains("  CONVOY not applicable to com.acme.Cache@1f: needs gilscope hold times\n")
        .contains("  STARVATION failed: an internal error\n")
        .contains("  1 note(s) about the monitors not shown; --all-monitors lists them\n")
        .doesNotContain("java.lang.Thread@1f: needs");
    StringBuilder all = new StringBuilder();
    new TextReport(true).write(withNotes, all);
    assertThat(all).contains("java.lang.Thread@1f: needs").doesNotContain("note(s) about");
  }

  @Test
  void allMonitorsShowsEverything() {
    assertThat(MonitorSelection.of(result(true), true).shown()).hasSize(5);
    assertThat(MonitorSelection.of(result(true), true).collapsedLine()).isNull();
  }

  @Test
  void withoutGilscopeEventsTheJdkMonitorsAreTheSubject() {
    MonitorSelection s = MonitorSelection.of(result(false), false);
    assertThat(s.shown()).hasSize(4);
    assertThat(s.collapsed()).isEmpty();
  }

  @Test
  void textReportCollapsesAndJsonKeepsAllWithTheirSource() throws Exception {
    StringBuilder text = new StringBuilder();
    new TextReport().write(result(true), text);
    assertThat(text)
        .contains("MONITOR Interp#GIL")
        .doesNotContain("MONITOR java.lang.Thread@1f")
        .contains(
            "2 other monitors with JDK lock events below the threshold (threads blocked on each"
                + " less than 5% of the recording, or a latch, future or queue they wait on);"
                + " --all-monitors lists them");
    StringBuilder all = new StringBuilder();
    new TextReport(true).write(result(true), all);
    assertThat(all).contains("MONITOR java.lang.Thread@1f").doesNotContain("--all-monitors");
    JsonNode json = new ObjectMapper().readTree(JsonReport.toJson(result(true)));
    assertThat(json.get("monitors")).hasSize(5);
    assertThat(json.get("monitors").get(0).get("source").asText()).isEqualTo("gilscope");
    assertThat(json.get("monitors").get(1).get("source").asText())
        .isEqualTo("jdk.JavaMonitorEnter/jdk.JavaMonitorWait");
  }

  @Test
  void utilizationBasisSaysWhenHoldsWereSampled() {
    MonitorStats m = Models.gilscopeMonitor("Interp#GIL");
    Models.monitor(m, 0, Metric.ACQUISITIONS, 1000);
    Models.monitor(m, 0, Metric.TIMED_HOLDS, 100);
    Models.monitor(m, 0, Metric.HOLD_NANOS, 100_000_000);
    assertThat(MonitorFigures.utilizationBasis(m)).isEqualTo("scaled-sample-biased-high");
    Models.monitor(m, 0, Metric.TIMED_HOLDS, 900);
    assertThat(MonitorFigures.utilizationBasis(m)).isEqualTo("exact");
  }
}
