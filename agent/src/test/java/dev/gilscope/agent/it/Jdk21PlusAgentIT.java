package dev.gilscope.agent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** The agent's end-to-end tests on a JDK 21+ ({@link Jdk21Plus}); skipped when none is found. */
class Jdk21PlusAgentIT extends AgentITBase {
  @Override
  Path javaHome() {
    Optional<Path> home = Jdk21Plus.home();
    assumeTrue(home.isPresent(), "no JDK 21+ found (set -Dgilscope.test.jdk21plus=/path/to/jdk)");
    return home.get();
  }
}
