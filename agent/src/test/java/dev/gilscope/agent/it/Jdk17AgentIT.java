package dev.gilscope.agent.it;

import java.nio.file.Path;

/** The agent's end-to-end tests on the JDK that runs the build (JDK 17). */
class Jdk17AgentIT extends AgentITBase {
  @Override
  Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }
}
