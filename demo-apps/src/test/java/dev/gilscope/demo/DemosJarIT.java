package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code gilscope-demos.jar}, run as users run it: {@code java -jar}. */
class DemosJarIT {
  private static Path jar;

  @TempDir Path temp;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("gilscope.demos.jar", "target/gilscope-demos.jar"));
    assertThat(jar).isRegularFile();
  }

  @Test
  void listsTheScenarios() throws Exception {
    Result result = java("list");
    assertThat(result.status).isZero();
    assertThat(result.output.lines()).hasSize(Scenarios.all().size());
  }

  @Test
  void printsAgentOptionsAndNothingElse() throws Exception {
    Result result = java("agent-options", "new-gil");
    assertThat(result.status).isZero();
    assertThat(result.output).isEqualTo("monitor=dev.gilscope.demo.newgil.NewGil#GIL\n");
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    Result result = java("no-such-scenario");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.output).contains("gilscope demos no-such-scenario: unknown scenario");
  }

  @Test
  void tourWithoutTheJarsSaysHowToBuildThem() throws Exception {
    Result result =
        java(
            "tour",
            "--only",
            "io-outside",
            "--out",
            temp.toString(),
            "--agent",
            temp.resolve("missing-agent.jar").toString());
    assertThat(result.status).as(result.output).isEqualTo(2);
    assertThat(result.output.strip())
        .isEqualTo(
            "gilscope demos tour: agent jar not found at "
                + temp.resolve("missing-agent.jar")
                + " (build it: ./mvnw -B -q -DskipTests package)");
  }

  @Test
  void tourCountsAScenarioThatCannotRunAsAFailure() throws Exception {
    Path corrupt = Files.writeString(temp.resolve("corrupt.jar"), "not a jar");
    Result result =
        java(
            "tour",
            "--quick",
            "--only",
            "io-outside",
            "--out",
            temp.toString(),
            "--agent",
            corrupt.toString(),
            "--analyzer",
            corrupt.toString());
    assertThat(result.status).as(result.output).isEqualTo(1);
    assertThat(result.output)
        .contains("[1/1] io-outside:")
        .contains("scenario io-outside failed with exit status")
        .contains("1 failed");
  }

  private record Result(int status, String output) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.javaExecutable());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
