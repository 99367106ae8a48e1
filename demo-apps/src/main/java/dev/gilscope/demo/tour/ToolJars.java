package dev.gilscope.demo.tour;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tour finds gilscope's agent and analyzer jars: given explicitly, or next to the demos
 * jar in the repository layout ({@code demo-apps/target/gilscope-demos.jar} → {@code
 * agent/target/gilscope-agent.jar}, {@code analyzer/target/gilscope-analyzer.jar}).
 *
 * @param agent the agent jar path (may not exist)
 * @param analyzer the analyzer jar path (may not exist)
 */
record ToolJars(Path agent, Path analyzer) {
  static final String AGENT_JAR = "agent/target/gilscope-agent.jar";
  static final String ANALYZER_JAR = "analyzer/target/gilscope-analyzer.jar";

  /**
   * Resolves the jars relative to {@code demosCodeSource} (the demos jar, or the classes directory
   * when run from a build), unless overridden.
   *
   * @param agentOverride {@code --agent}, or null
   * @param analyzerOverride {@code --analyzer}, or null
   */
  static ToolJars locate(Path demosCodeSource, Path agentOverride, Path analyzerOverride) {
    // gilscope-demos.jar and target/classes both sit in demo-apps/target
    Path targetDirectory = demosCodeSource.toAbsolutePath().normalize().getParent();
    Path agent =
        agentOverride != null ? agentOverride : targetDirectory.resolve("../../" + AGENT_JAR);
    Path analyzer =
        analyzerOverride != null
            ? analyzerOverride
            : targetDirectory.resolve("../../" + ANALYZER_JAR);
    return new ToolJars(agent.toAbsolutePath().normalize(), analyzer.toAbsolutePath().normalize());
  }

  /** What is missing, as a message, or null when both jars are there. */
  String missing() {
    if (!Files.isRegularFile(agent)) {
      return "agent jar not found at " + agent;
    }
    if (!Files.isRegularFile(analyzer)) {
      return "analyzer jar not found at " + analyzer;
    }
    return null;
  }
}
