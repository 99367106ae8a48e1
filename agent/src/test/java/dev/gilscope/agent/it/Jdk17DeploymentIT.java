package dev.gilscope.agent.it;

import java.nio.file.Path;

/** The real-deployment tests on the JDK that runs the build (JDK 17). */
class Jdk17DeploymentIT extends DeploymentITBase {
  @Override
  Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }
}
