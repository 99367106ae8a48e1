package dev.gilscope.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways {@link AcquireReleaseComparison} runs the benchmark forks: no agent, the agent in
 * its default mode, and the agent recording every acquisition ({@code detail=all}).
 *
 * <p>With the agent, events must go somewhere or the probe's recording path never runs. The
 * preferred sink is an in-memory JFR recording ({@code disk=false}) with the agent's own {@code
 * gilscope.jfc} settings: it pays the full cost of committing each event but writes nothing to
 * disk, which matters at tens of millions of events a second. If the agent jar has no {@code
 * gilscope.jfc} beside it, the agent's own {@code file=} recording is used instead.
 */
enum AgentSetup {
  NO_AGENT("none", null),
  AGENT_DEFAULT("agent-default", ""),
  AGENT_DETAIL_ALL("agent-detail-all", ",detail=all");

  static final String TRACKED_MONITOR = BenchMonitors.class.getName() + "#GIL";

  final String id;
  private final String extraOptions;

  AgentSetup(String id, String extraOptions) {
    this.id = id;
    this.extraOptions = extraOptions;
  }

  /** The JVM options for the benchmark forks. */
  List<String> jvmArgs(Path agentJar, Path recordingDir) {
    List<String> args = new ArrayList<>();
    if (extraOptions == null) {
      return args;
    }
    Path settings = settingsBeside(agentJar);
    String options = "monitor=" + TRACKED_MONITOR + extraOptions;
    if (settings != null) {
      args.add("-javaagent:" + agentJar + "=" + options);
      args.add("-XX:StartFlightRecording=disk=false,settings=" + settings);
      args.add("-Xlog:jfr+startup=warning");
    } else {
      Path recording = recordingDir.resolve("jmh-" + id + ".jfr");
      args.add("-javaagent:" + agentJar + "=" + options + ",file=" + recording);
    }
    return args;
  }

  static AgentSetup byId(String id) {
    for (AgentSetup setup : values()) {
      if (setup.id.equals(id)) {
        return setup;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (AgentSetup setup : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(setup.id);
    }
    throw new IllegalArgumentException("unknown setup '" + id + "', expected one of " + ids);
  }

  private static Path settingsBeside(Path agentJar) {
    Path parent = agentJar.toAbsolutePath().getParent();
    Path settings = parent == null ? null : parent.resolve("gilscope.jfc");
    return settings != null && Files.isRegularFile(settings) ? settings : null;
  }
}
