package dev.gilscope.agent;

import java.lang.instrument.Instrumentation;

/** Entry point of {@code -javaagent:gilscope-agent.jar=OPTIONS}. */
public final class GilscopeAgent {
  private GilscopeAgent() {}

  public static void premain(String options, Instrumentation instrumentation) {
    agentmain(options, instrumentation);
  }

  public static void agentmain(String options, Instrumentation instrumentation) {
    // placeholder until the agent core lands
  }
}
