package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a demo command in-process and keeps its output, exit status and RESULT values. */
record ScenarioRun(int status, String out, String err, Map<String, String> result) {

  static ScenarioRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        DemoMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return new ScenarioRun(
        status, text, err.toString(StandardCharsets.UTF_8), ResultLine.parse(text));
  }

  /** Runs a scenario that must succeed and print a RESULT line. */
  static ScenarioRun scenario(String... args) {
    ScenarioRun run = of(args);
    System.out.println(run.out()); // the measured tables end up in the surefire report
    assertThat(run.status()).as("exit status, stderr: %s", run.err()).isZero();
    assertThat(run.result()).containsKey("scenario");
    return run;
  }

  /**
   * Runs a scenario in a fresh child JVM, as {@code java -jar} would: no coverage agent, no JIT
   * state or background compilation left over from other tests in the same JVM.
   */
  static ScenarioRun inChildJvm(String... args) {
    try {
      Process process =
          new ProcessBuilder(JavaCommand.demoMain(List.of(), List.of(args)))
              .redirectErrorStream(true)
              .start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in 120 s").isTrue();
      System.out.println(text);
      ScenarioRun run = new ScenarioRun(process.exitValue(), text, "", ResultLine.parse(text));
      assertThat(run.status()).as("exit status, output: %s", text).isZero();
      assertThat(run.result()).containsKey("scenario");
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the machine was quiet when the scenario started (no {@code note:} line about the load
   * average). Wall-clock comparisons between runs mean something only then.
   */
  boolean machineWasQuiet() {
    return !out.contains("note: system load average")
        && !out.contains("note: other processes used");
  }

  double number(String key) {
    assertThat(result).as("RESULT line of:%n%s", out).containsKey(key);
    return Double.parseDouble(result.get(key));
  }
}
