package dev.gilscope.demo.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.demo.Scenarios;
import dev.gilscope.demo.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void stopsWithOneLineWhenAJarIsMissing() throws Exception {
    Path agent = Files.createFile(temp.resolve("gilscope-agent.jar"));
    assertThat(new ToolJars(temp.resolve("none.jar"), agent).missing())
        .isEqualTo("agent jar not found at " + temp.resolve("none.jar"));
    assertThat(new ToolJars(agent, temp.resolve("none2.jar")).missing())
        .isEqualTo("analyzer jar not found at " + temp.resolve("none2.jar"));
    assertThat(new ToolJars(agent, agent).missing()).isNull();
  }

  @Test
  void anAnalyzerThatFailsIsAFailureWithItsMessage() {
    assertThat(Tour.analyzerFailure(new ChildProcess.Outcome(0, "THRASHING ..."))).isNull();
    assertThat(Tour.analyzerFailure(new ChildProcess.Outcome(3, "THRASHING ..."))).isNull();
    assertThat(
            Tour.analyzerFailure(
                new ChildProcess.Outcome(2, "gilscope analyze: file is empty 'x.jfr'\n")))
        .isEqualTo("exit status 2: gilscope analyze: file is empty 'x.jfr'");
    assertThat(Tour.analyzerFailure(new ChildProcess.Outcome(1, "Exception in thread\n\tat a")))
        .isEqualTo("exit status 1: Exception in thread\n  \tat a");
    assertThat(Tour.analyzerFailure(new ChildProcess.Outcome(ChildProcess.TIMED_OUT, "")))
        .startsWith("the analyzer did not finish in");
  }

  @Test
  void parsesItsOptions() throws UsageException {
    TourOptions options = TourOptions.parse(List.of("--only", "new-gil,countdown"));
    assertThat(options.quick()).isFalse();
    assertThat(options.live()).isTrue();
    assertThat(TourOptions.parse(List.of("--no-live")).live()).isFalse();
    assertThat(options.outDirectory()).isEqualTo(TourOptions.DEFAULT_OUT);
    assertThat(options.selected(Scenarios.all()))
        .extracting(s -> s.name())
        .containsExactly("new-gil", "countdown");
    assertThatThrownBy(() -> TourOptions.parse(List.of("--fast")))
        .hasMessage("unknown option --fast (see tour --help)");
    assertThatThrownBy(() -> TourOptions.parse(List.of("--only", "x")).selected(Scenarios.all()))
        .hasMessage("unknown scenario 'x' in --only");
  }

  @Test
  void watchesOneScenarioStartedWithoutTheAgent() throws Exception {
    Path agent = Files.createFile(temp.resolve("gilscope-agent.jar"));
    Path analyzer = Files.createFile(temp.resolve("gilscope-analyzer.jar"));
    var oldGil = Scenarios.byName(LiveWatch.SCENARIO).orElseThrow();
    List<String> target = LiveWatch.targetCommand(oldGil);
    assertThat(target).noneMatch(arg -> arg.startsWith("-javaagent"));
    assertThat(target)
        .contains("dev.gilscope.demo.DemoMain")
        .endsWith("old-gil", "--seconds", "120", "--rounds", "120");

    LiveWatch live = new LiveWatch(new ToolJars(agent, analyzer), temp, System.out);
    assertThat(live.watchCommand(oldGil, 4242))
        .endsWith(
            "-jar",
            analyzer.toString(),
            "watch",
            "4242",
            "--monitor",
            "dev.gilscope.demo.oldgil.OldGilInterpreter#GIL",
            "--duration",
            "5s",
            "--interval",
            "1s",
            "--agent",
            agent.toString());
    assertThat(LiveWatch.targetOptions("monitor=a.B#GIL,lock=c.D#lock"))
        .containsExactly("--monitor", "a.B#GIL", "--lock", "c.D#lock");
  }

  @Test
  void aWatchThatFailsIsAFailureWithItsMessage() {
    assertThat(LiveWatch.watchFailure(new ChildProcess.Outcome(0, "1s X: 5 acquisitions/s")))
        .isNull();
    assertThat(
            LiveWatch.watchFailure(
                new ChildProcess.Outcome(2, "gilscope watch: no process 4242\n")))
        .isEqualTo("exit status 2: gilscope watch: no process 4242");
    assertThat(LiveWatch.watchFailure(new ChildProcess.Outcome(0, "1s no acquisitions yet")))
        .isEqualTo("the watch saw no acquisition of the monitor");
    assertThat(LiveWatch.watchFailure(new ChildProcess.Outcome(ChildProcess.TIMED_OUT, "")))
        .contains("did not finish");
  }

  @Test
  void aFailedLiveWatchFailsTheTourAndStopsTheScenario() throws Exception {
    Path agent = Files.createFile(temp.resolve("gilscope-agent.jar"));
    Path analyzer = Files.writeString(temp.resolve("gilscope-analyzer.jar"), "not a jar");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(bytes, true, "UTF-8");
    TourOptions options = TourOptions.parse(List.of("--out", temp.toString()));
    Tour tour = new Tour(options, List.of(), new ToolJars(agent, analyzer), out);

    assertThat(tour.run()).isEqualTo(1);
    String printed = bytes.toString("UTF-8");
    assertThat(printed)
        .contains("live: old-gil watched while it runs")
        .contains("live watch failed: exit status 1")
        .contains("the live watch failed");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
