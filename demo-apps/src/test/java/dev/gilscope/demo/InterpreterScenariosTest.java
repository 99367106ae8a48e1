package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** old-gil, juc-gil, fair-gil and no-gil, each run with --quick (two 1-second runs). */
class InterpreterScenariosTest {

  @Test
  void oldGilThrashesAndTwoThreadsAreNotFasterThanOne() {
    ScenarioRun run = ScenarioRun.scenario("old-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.oldgil.OldGilInterpreter#GIL")
        .contains("interp-1", "interp-2");
    assertThat(run.number("speedup")).isLessThan(1.25);
    // Thrashing: hundreds of thousands of releases a second, and almost none lets the waiter in.
    assertThat(run.number("releases_per_s")).isGreaterThan(100_000);
    assertThat(run.number("handoff_ratio")).isLessThan(0.2);
  }

  @Test
  void jucGilThrashesLikeTheMonitor() {
    ScenarioRun run = ScenarioRun.scenario("juc-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.jucgil.JucGilInterpreter#GIL");
    assertThat(run.number("speedup")).isLessThan(1.25);
    assertThat(run.number("releases_per_s")).isGreaterThan(100_000);
    assertThat(run.number("handoff_ratio")).isLessThan(0.2);
  }

  @Test
  void fairGilHandsOverAtEveryReleaseAndSharesEvenly() {
    ScenarioRun run = ScenarioRun.scenario("fair-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.fairgil.FairGilInterpreter#GIL");
    assertThat(run.number("handoff_ratio")).isGreaterThan(0.9);
    assertThat(run.number("lowest_share")).isGreaterThan(0.3);
    // about one slice per switch, not hundreds of thousands of releases
    assertThat(run.number("releases_per_s")).isLessThan(10_000);
  }

  @Test
  void noGilHasNoGlobalLockAndSharesEvenly() {
    ScenarioRun run = ScenarioRun.scenario("no-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.nogil.InterpreterState");
    assertThat(run.result()).doesNotContainKey("handoff_ratio");
    assertThat(run.number("lowest_share")).isGreaterThan(0.3);
  }
}
