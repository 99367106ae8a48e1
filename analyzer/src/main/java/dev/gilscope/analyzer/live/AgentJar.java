package dev.gilscope.analyzer.live;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the agent jar to load: {@code --agent} if given, else {@code gilscope-agent.jar} beside the
 * analyzer's jar, else the checkout's {@code agent/target/gilscope-agent.jar} seen from the
 * analyzer's {@code target} directory or the working directory.
 */
final class AgentJar {
  static final String NAME = "gilscope-agent.jar";

  private AgentJar() {}

  static Path find(Path given) throws WatchException {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new WatchException("--agent " + given + ": no such file");
      }
      return given.toAbsolutePath();
    }
    Path here = analyzerLocation();
    Path[] candidates =
        here == null
            ? new Path[] {Path.of("agent", "target", NAME)}
            : new Path[] {
              here.resolveSibling(NAME),
              here.getParent() == null || here.getParent().getParent() == null
                  ? Path.of(NAME)
                  : here.getParent()
                      .getParent()
                      .resolveSibling("agent")
                      .resolve("target")
                      .resolve(NAME),
              Path.of("agent", "target", NAME)
            };
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new WatchException(
        "cannot find " + NAME + " beside the analyzer or in agent/target: name it with --agent");
  }

  /** The analyzer's jar (or classes directory), or null. */
  private static Path analyzerLocation() {
    try {
      return Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
