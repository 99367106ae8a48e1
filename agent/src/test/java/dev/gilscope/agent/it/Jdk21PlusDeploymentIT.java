package dev.gilscope.agent.it;

import java.nio.file.Path;

/** The real-deployment tests on the JDK named by {@code gilscope.test.jdk21plus}, if present. */
class Jdk21PlusDeploymentIT extends DeploymentITBase {
  @Override
  Path javaHome() {
    return new Jdk21PlusAgentIT().javaHome();
  }
}
