package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoMainTest {
  static List<String> scenarioNames() {
    return Scenarios.all().stream().map(Scenario::name).toList();
  }

  @Test
  void noArgumentsPrintsUsageAndExitsTwo() {
    ScenarioRun run = ScenarioRun.of();
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).contains("usage: java -jar gilscope-demos.jar");
  }

  @Test
  void unknownScenarioIsAUsageErrorWithAHint() {
    ScenarioRun run = ScenarioRun.of("old-gill");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "gilscope demos old-gill: unknown scenario 'old-gill', did you mean old-gil?"
                + System.lineSeparator());
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    ScenarioRun run = ScenarioRun.of("old-gil", "--thread", "2");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option --thread, did you mean --threads?");
  }

  @Test
  void malformedNumberIsAUsageError() {
    ScenarioRun run = ScenarioRun.of("countdown", "--size", "lots");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("option --size needs a number, not 'lots'");
  }

  @Test
  void listPrintsEveryScenarioOnOneLine() {
    ScenarioRun run = ScenarioRun.of("list");
    assertThat(run.status()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(Scenarios.all().size());
    for (String name : scenarioNames()) {
      assertThat(lines).anyMatch(line -> line.startsWith(name + " "));
    }
    assertThat(scenarioNames())
        .contains(
            "countdown",
            "old-gil",
            "new-gil",
            "starvation",
            "fair-gil",
            "io-outside",
            "no-gil",
            "juc-gil",
            "kv-store",
            "session-table");
  }

  @ParameterizedTest
  @MethodSource("scenarioNames")
  void agentOptionsPrintsOneLineNamingADemoClass(String name) {
    ScenarioRun run = ScenarioRun.of("agent-options", name);
    assertThat(run.status()).isZero();
    assertThat(run.out().lines().toList()).hasSize(1);
    String options = run.out().strip();
    assertThat(options)
        .matches(
            "(monitor|lock)=(dev\\.gilscope\\.demo\\.[a-z]+|java\\.util)\\.[A-Z][A-Za-z]+(#[A-Z]+)?")
        .doesNotContain("file=");
    String className = options.substring(options.indexOf('=') + 1).split("#", -1)[0];
    assertThat(classExists(className)).as("class %s exists", className).isTrue();
  }

  @ParameterizedTest
  @MethodSource("scenarioNames")
  void helpListsTheCommonOptions(String name) {
    ScenarioRun run = ScenarioRun.of(name, "--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("--threads N", "--quick", "agent:    -javaagent:");
    assertThat(run.out()).containsAnyOf("--seconds S", "--size N", "--requests N");
  }

  @Test
  void agentOptionsNeedsExactlyOneScenario() {
    assertThat(ScenarioRun.of("agent-options").status()).isEqualTo(2);
    assertThat(ScenarioRun.of("agent-options", "nope").status()).isEqualTo(2);
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name, false, DemoMainTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
