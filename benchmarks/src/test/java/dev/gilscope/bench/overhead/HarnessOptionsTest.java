package dev.gilscope.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {
  private static final Path MODULE = Path.of("/repo/benchmarks");

  @Test
  void defaultsRunEveryConfigurationFiveTimesAgainstTheRepositorysAgentJar() {
    HarnessOptions options = HarnessOptions.parse(MODULE);

    assertThat(options.runs()).isEqualTo(5);
    assertThat(options.warmupRounds()).isEqualTo(1);
    assertThat(options.configurations()).containsExactly(Configuration.values());
    assertThat(options.agentJar()).isEqualTo(Path.of("/repo/agent/target/gilscope-agent.jar"));
    assertThat(options.outDir()).isEqualTo(Path.of("/repo/benchmarks/target/overhead"));
    assertThat(options.size().threads()).isEqualTo(2);
    assertThat(options.size().instructionsPerWindow()).isEqualTo(100);
  }

  @Test
  void aConfigurationSubsetAlwaysKeepsTheNoAgentBaselineFirst() {
    HarnessOptions options =
        HarnessOptions.parse(
            MODULE, "--configs", "gilscope-all,jfr-monitorenter-0ms", "--runs", "7");

    assertThat(options.configurations())
        .containsExactly(
            Configuration.NO_AGENT, Configuration.GILSCOPE_ALL, Configuration.JFR_MONITOR_ENTER);
    assertThat(options.runs()).isEqualTo(7);
  }

  @Test
  void withoutTheAgentJarOnlyTheConfigurationsThatNeedNoAgentRun() {
    HarnessOptions options =
        HarnessOptions.parse(MODULE, "--agent", "/nonexistent/gilscope-agent.jar");

    assertThat(options.runnableConfigurations())
        .containsExactly(
            Configuration.NO_AGENT,
            Configuration.JFR_DEFAULT,
            Configuration.JFR_MONITOR_ENTER,
            Configuration.ASYNC_PROFILER_LOCK,
            Configuration.ASYNC_PROFILER_LOCK_EVERY);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> HarnessOptions.parse(MODULE, "--configs", "gilscope-fast"))
        .hasMessageStartingWith("unknown configuration 'gilscope-fast', expected one of none,");
    assertThatThrownBy(() -> HarnessOptions.parse(MODULE, "--runs", "0"))
        .hasMessage("--runs must be at least 1, got 0");
    assertThatThrownBy(() -> HarnessOptions.parse(MODULE, "--runs"))
        .hasMessage("missing value for --runs");
    assertThatThrownBy(() -> HarnessOptions.parse(MODULE, "--fast"))
        .hasMessage("unknown option '--fast'");
  }

  @Test
  void gilscopeConfigurationsPassTheAgentTheWorkloadsMonitorAndARecordingFile() {
    Path agent = Path.of("/a/gilscope-agent.jar");
    Path recording = Path.of("/out/x.jfr");

    assertThat(Configuration.GILSCOPE_DEFAULT.jvmArgs(agent, null, recording))
        .containsExactly(
            "-javaagent:/a/gilscope-agent.jar=monitor="
                + "dev.gilscope.bench.workload.GilInterpreterWorkload#GIL,file=/out/x.jfr");
    assertThat(Configuration.GILSCOPE_ALL.jvmArgs(agent, null, recording).get(0))
        .endsWith("#GIL,detail=all,file=/out/x.jfr");
    assertThat(Configuration.GILSCOPE_UNTRACKED.jvmArgs(agent, null, recording).get(0))
        .contains("#UNUSED_LOCK,");
    assertThat(Configuration.ASYNC_PROFILER_LOCK_EVERY.jvmArgs(agent, Path.of("/l.so"), recording))
        .containsExactly("-agentpath:/l.so=start,event=lock,lock=0,jfr,file=/out/x.jfr");
    assertThat(Configuration.NO_AGENT.jvmArgs(agent, null, recording)).isEmpty();
  }
}
