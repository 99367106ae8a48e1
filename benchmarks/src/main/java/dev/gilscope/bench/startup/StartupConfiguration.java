package dev.gilscope.bench.startup;

import java.nio.file.Path;
import java.util.List;

/** The JVMs compared: the same program with and without the agent, and with JFR's own recording. */
enum StartupConfiguration {
  PLAIN("plain", "no agent"),
  AGENT("agent", "gilscope, one tracked monitor"),
  AGENT_FILE("agent-file", "gilscope, one tracked monitor, file="),
  JFR("jfr", "-XX:StartFlightRecording, no agent");

  final String id;
  final String description;

  StartupConfiguration(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The JVM options of this configuration; {@code recording} is where a recording may go. */
  List<String> jvmArgs(Path agentJar, Path recording) {
    String agent = "-javaagent:" + agentJar + "=monitor=" + StartupProgram.class.getName() + "#GIL";
    switch (this) {
      case AGENT:
        return List.of(agent);
      case AGENT_FILE:
        return List.of(agent + ",file=" + recording);
      case JFR:
        return List.of("-XX:StartFlightRecording=dumponexit=true,filename=" + recording);
      default:
        return List.of();
    }
  }
}
