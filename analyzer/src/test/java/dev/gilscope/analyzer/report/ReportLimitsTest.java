package dev.gilscope.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.testing.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A monitor with more threads than the reports list: the top ones, then one summary. */
class ReportLimitsTest {
  private static final int THREADS = 1_000;

  private static MonitorStats crowded() {
    MonitorStats m = Models.gilscopeMonitor("Crowd#GIL");
    for (int i = 0; i < THREADS; i++) {
      // thread-0 is the busiest, so the listed ones are thread-0 .. thread-19
      Models.thread(m, "thread-" + i, 0, Metric.ACQUISITIONS, THREADS - i);
      Models.monitor(m, 0, Metric.ACQUISITIONS, THREADS - i);
    }
    return m;
  }

  private static AnalysisResult result(MonitorStats m, List<Finding> findings) {
    return new AnalysisResult(Models.recording(Models.SECOND, 2), List.of(m), findings, List.of());
  }

  private static Finding convoy(String victim, Severity severity, List<String> threads) {
    return new Finding(
        FindingKind.CONVOY,
        "Crowd#GIL",
        severity,
        threads,
        List.of(victim),
        List.of("thread-0"),
        0,
        Models.SECOND,
        Map.of(),
        "summary",
        "advice");
  }

  @Test
  void textListsTheBusiestThreadsAndSummarisesTheRest() throws Exception {
    StringBuilder out = new StringBuilder();
    new TextReport().write(result(crowded(), List.of()), out);
    String text = out.toString();
    assertThat(text).contains("  thread-19 ").doesNotContain("  thread-20 ");
    assertThat(text).contains("  ... and 980 more threads: ");
    // the others took 1..980 of 500,500 acquisitions: 1..50, 51..500 and 501..980
    assertThat(text)
        .contains("threads by share of the acquisitions: <0.01% 50 0.01-0.1% 450 0.1-1% 480");
  }

  @Test
  void jsonListsEveryThreadOnlyWhenAskedTo() {
    MonitorStats m = crowded();
    List<String> all = new ArrayList<>();
    m.threads().forEach(t -> all.add(t.name()));
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      findings.add(convoy("thread-" + (100 + i), i < 3 ? Severity.CRITICAL : Severity.INFO, all));
    }
    String top = Json.write(JsonReport.toTree(result(m, findings), false));
    String every = Json.write(JsonReport.toTree(result(m, findings), true));
    assertThat(count(top, "\"name\" : \"thread-")).isEqualTo(ReportLimits.TOP_THREADS);
    assertThat(top).contains("\"otherThreads\"").contains("\"threadCount\" : 1000");
    assertThat(top).contains("\"omittedFindings\"").contains("\"INFO\" : 5");
    assertThat(count(every, "\"name\" : \"thread-")).isEqualTo(THREADS);
    assertThat(every).doesNotContain("otherThreads").doesNotContain("omittedFindings");
  }

  @Test
  void fewThreadsAreListedAsBefore() {
    MonitorStats m = Models.gilscopeMonitor("Few#GIL");
    Models.thread(m, "a", 0, Metric.ACQUISITIONS, 1);
    assertThat(ReportLimits.otherThreads(m)).isNull();
    assertThat(Json.write(JsonReport.toTree(result(m, List.of()), false)))
        .isEqualTo(Json.write(JsonReport.toTree(result(m, List.of()), true)));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
