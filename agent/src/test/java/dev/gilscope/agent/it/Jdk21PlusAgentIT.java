package dev.gilscope.agent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's end-to-end tests on the JDK named by the system property {@code
 * gilscope.test.jdk21plus} (Temurin 25 on the build machine); skipped when it is absent.
 */
class Jdk21PlusAgentIT extends AgentITBase {
  @Override
  Path javaHome() {
    String home = System.getProperty("gilscope.test.jdk21plus", "");
    assumeTrue(!home.isBlank(), "gilscope.test.jdk21plus is not set");
    Path path = Path.of(home);
    assumeTrue(Files.isExecutable(path.resolve("bin").resolve("java")), "no JDK at " + home);
    return path;
  }
}
