package dev.gilscope.demo.tour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyzerReportTest {
  private static final String REPORT =
      String.join(
          "\n",
          "gilscope analysis of x.jfr",
          "FINDINGS (1)",
          "[WARNING] CONVOY on a.B#GIL",
          "",
          "MONITOR a.B#GIL (monitor, gilscope)",
          "  acquisitions 10",
          "",
          "MONITOR java.lang.Thread@7f12 (monitor, jdk.JavaMonitorEnter/jdk.JavaMonitorWait)",
          "  contended waits 0",
          "MONITOR java.lang.Thread@7f13 (monitor, jdk.JavaMonitorEnter/jdk.JavaMonitorWait)",
          "  contended waits 0",
          "");

  @Test
  void keepsFindingsAndTheTrackedMonitorOnly() {
    assertThat(AnalyzerReport.condense(REPORT, "monitor=a.B#GIL"))
        .isEqualTo(
            String.join(
                "\n",
                "gilscope analysis of x.jfr",
                "FINDINGS (1)",
                "[WARNING] CONVOY on a.B#GIL",
                "",
                "MONITOR a.B#GIL (monitor, gilscope)",
                "  acquisitions 10",
                "",
                "(2 more monitor sections in the full report)",
                ""));
  }

  @Test
  void keepsEverythingWithoutSections() {
    assertThat(AnalyzerReport.condense("no lock events\n", "lock=a.B#L"))
        .isEqualTo("no lock events\n");
  }

  @Test
  void namesTheTrackedMonitorAsTheAnalyzerDoes() {
    assertThat(AnalyzerReport.trackedMonitorPrefix("monitor=a.B#GIL")).isEqualTo("a.B#GIL");
    assertThat(AnalyzerReport.trackedMonitorPrefix("lock=a.B#GIL")).isEqualTo("a.B#GIL");
    assertThat(AnalyzerReport.trackedMonitorPrefix("monitor=a.Store")).isEqualTo("a.Store@");
  }
}
