package dev.gilscope.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code live=}: per-monitor lines on stderr from inside the process; a bad value fails open. */
class LiveOptionIT {
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  @Test
  void aTooShortIntervalIsOneLineAndTheApplicationRuns() throws Exception {
    ChildJvm.Result r =
        new ChildJvm(JAVA_HOME)
            .agent("monitor=" + AgentITBase.GIL + ",live=10ms")
            .run("dev.gilscope.itapps.GilLoop", "2", "1000", "1");
    assertThat(r.exitCode).isZero();
    assertThat(r.stderr)
        .isEqualTo(
            "gilscope: live=10ms: use at least 100ms, e.g. live=1s; the application runs without"
                + " gilscope\n");
  }

  @Test
  void linesNameTheMonitorWithItsRates() throws Exception {
    ChildJvm.Result r =
        new ChildJvm(JAVA_HOME)
            .agent("monitor=" + AgentITBase.GIL + ",live=100ms")
            .run("dev.gilscope.itapps.GilLoop", "2", "5000000", "1");
    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.stderr)
        .containsPattern(
            "gilscope live: dev\\.gilscope\\.itapps\\.GilLoop#GIL: [0-9,]+ acquisitions/s,"
                + " [0-9.]+% contended, held [0-9]+% of the time, [0-9]+ waiting, held by \\S+");
  }
}
