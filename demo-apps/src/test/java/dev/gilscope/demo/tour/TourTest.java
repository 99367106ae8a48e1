package dev.gilscope.demo.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.demo.Scenarios;
import dev.gilscope.demo.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {
  @TempDir Path temp;

  @Test
  void locatesTheJarsFromTheRepositoryLayout() {
    Path demos = Path.of("/repo/demo-apps/target/gilscope-demos.jar");
    ToolJars jars = ToolJars.locate(demos, null, null);
    assertThat(jars.agent()).isEqualTo(Path.of("/repo/agent/target/gilscope-agent.jar"));
    assertThat(jars.analyzer()).isEqualTo(Path.of("/repo/analyzer/target/gilscope-analyzer.jar"));
    ToolJars fromClasses = ToolJars.locate(Path.of("/repo/demo-apps/target/classes"), null, null);
    assertThat(fromClasses).isEqualTo(jars);
  }

  @Test
  void overridesWin() {
    ToolJars jars =
        ToolJars.locate(
            Path.of("/repo/demo-apps/target/gilscope-demos.jar"),
            Path.of("/elsewhere/a.jar"),
            Path.of("/elsewhere/b.jar"));
    assertThat(jars.agent()).isEqualTo(Path.of("/elsewhere/a.jar"));
    assertThat(jars.analyzer()).isEqualTo(Path.of("/elsewhere/b.jar"));
  }

  @Test
  void runsEachScenarioUnderTheAgentWithItsOwnRecording() throws Exception {
    Path agent = Files.createFile(temp.resolve("gilscope-agent.jar"));
    Path analyzer = Files.createFile(temp.resolve("gilscope-analyzer.jar"));
    TourOptions options = TourOptions.parse(List.of("--quick", "--out", temp.toString()));
    Tour tour = new Tour(options, Scenarios.all(), new ToolJars(agent, analyzer), System.out);
    var oldGil = Scenarios.byName("old-gil").orElseThrow();
    Path recording = tour.recordingOf(oldGil);
    assertThat(recording).isEqualTo(temp.toAbsolutePath().resolve("old-gil.jfr"));

    List<String> command = tour.scenarioCommand(oldGil, recording);
    assertThat(command)
        .contains(
            "-javaagent:"
                + agent
                + "=monitor=dev.gilscope.demo.oldgil.OldGilInterpreter#GIL,file="
                + recording)
        .contains("dev.gilscope.demo.DemoMain")
        .endsWith("old-gil", "--quick");
    assertThat(tour.analyzerCommand(recording))
        .endsWith("-jar", analyzer.toString(), "analyze", recording.toString());
  }

  @Test
  void runsScenariosWithoutTheAgentWhenItIsMissing() throws Exception {
    TourOptions options = TourOptions.parse(List.of("--out", temp.toString()));
    ToolJars missing = new ToolJars(temp.resolve("none.jar"), temp.resolve("none2.jar"));
    Tour tour = new Tour(options, Scenarios.all(), missing, System.out);
    var countdown = Scenarios.byName("countdown").orElseThrow();
    List<String> command = tour.scenarioCommand(countdown, tour.recordingOf(countdown));
    assertThat(command).noneMatch(arg -> arg.startsWith("-javaagent"));
    assertThat(command).endsWith("countdown", "--repeat", "1"); // lighter in the default tour
  }

  @Test
  void treatsExitTwoOrNotBuiltYetAsAnAnalyzerThatIsNotReady() {
    assertThat(Tour.analyzerNotReady(new ChildProcess.Outcome(2, "bad usage"))).isTrue();
    assertThat(
            Tour.analyzerNotReady(
                new ChildProcess.Outcome(1, "gilscope: the analyzer is not built yet")))
        .isTrue();
    assertThat(Tour.analyzerNotReady(new ChildProcess.Outcome(0, "THRASHING ..."))).isFalse();
    assertThat(Tour.analyzerNotReady(new ChildProcess.Outcome(ChildProcess.TIMED_OUT, "")))
        .isTrue();
  }

  @Test
  void parsesItsOptions() throws UsageException {
    TourOptions options = TourOptions.parse(List.of("--only", "new-gil,countdown"));
    assertThat(options.quick()).isFalse();
    assertThat(options.outDirectory()).isEqualTo(TourOptions.DEFAULT_OUT);
    assertThat(options.selected(Scenarios.all()))
        .extracting(s -> s.name())
        .containsExactly("new-gil", "countdown");
    assertThatThrownBy(() -> TourOptions.parse(List.of("--fast")))
        .hasMessage("unknown option --fast (see tour --help)");
    assertThatThrownBy(() -> TourOptions.parse(List.of("--only", "x")).selected(Scenarios.all()))
        .hasMessage("unknown scenario 'x' in --only");
  }

  @Name("gilscope.TestEvent")
  static final class TestEvent extends Event {}

  @Test
  void countsARecordingsEventsByType() throws Exception {
    Path file = temp.resolve("test.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(TestEvent.class);
      recording.start();
      for (int i = 0; i < 3; i++) {
        new TestEvent().commit();
      }
      recording.stop();
      recording.dump(file);
    }
    Map<String, Long> counts = RecordingSummary.countByType(file);
    assertThat(counts).containsEntry("gilscope.TestEvent", 3L);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    RecordingSummary.print(
        counts,
        "  ",
        new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
        .startsWith(String.format("  %-40s %,12d%n", "gilscope.TestEvent", 3))
        .doesNotContain("no gilscope events");
  }
}
