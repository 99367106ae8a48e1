package dev.gilscope.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTableTest {

  @Test
  void pairedDeltasCompareRunsOfTheSameRoundAndSkipFailedOnes() {
    List<StartupRun> plain = List.of(run(100), run(300), run(100), run(100));
    List<StartupRun> agent = List.of(run(150), run(400), StartupRun.failed("x"), run(120));

    assertThat(StartupTable.pairedDelta(agent, plain, StartupRun::wallNanos)).isEqualTo(50.0);
    assertThat(StartupTable.median(agent, StartupRun::wallNanos)).isEqualTo(150.0);
  }

  @Test
  void noSuccessfulRunGivesNoFigure() {
    List<StartupRun> failed = List.of(StartupRun.failed("x"));

    assertThat(StartupTable.median(failed, StartupRun::cpuNanos)).isNaN();
    assertThat(StartupTable.pairedDelta(failed, List.of(run(1)), StartupRun::cpuNanos)).isNaN();
  }

  @Test
  void theTableListsEveryConfigurationAndEveryFailure() {
    Map<StartupConfiguration, List<StartupRun>> results = new EnumMap<>(StartupConfiguration.class);
    for (StartupConfiguration c : StartupConfiguration.values()) {
      results.put(c, List.of(run(2_000_000)));
    }
    results.put(StartupConfiguration.JFR, List.of(StartupRun.failed("jfr: no recording")));

    String table = StartupTable.render("header", results);

    assertThat(table)
        .contains("gilscope, one tracked monitor, file=")
        .contains("failed: jfr: no recording")
        .containsPattern("gilscope, one tracked monitor +1 +2 +2 +\\+0 +\\+0");
  }

  @Test
  void childCpuReadsCutimeAndCstimeEvenWithSpacesInTheName() {
    String stat =
        "42 (a b) S 1 42 42 0 -1 4194304 100 0 0 0 5 6 7 8 20 0 1 0 100 0 0 18446744073709551615";

    assertThat(ChildCpu.fromStat(stat)).isEqualTo((7 + 8) * ChildCpu.NANOS_PER_TICK);
  }

  private static StartupRun run(long nanos) {
    return new StartupRun(nanos, nanos, null);
  }
}
