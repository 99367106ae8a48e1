package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:gilscope-agent.jar=OPTIONS}. Parses the options, puts the probe
 * on the bootstrap class path and installs the instrumentation; nothing else. It fails open: any
 * problem prints one {@code gilscope: ...} line on stderr and the application runs uninstrumented,
 * unless {@code strict=true}, which makes the JVM exit with status 1 instead.
 */
public final class GilscopeAgent {
  private GilscopeAgent() {}

  public static void premain(String options, Instrumentation instrumentation) {
    agentmain(options, instrumentation);
  }

  public static void agentmain(String options, Instrumentation instrumentation) {
    boolean strict = AgentOptions.isStrict(options);
    try {
      AgentOptions parsed = AgentOptions.parse(options);
      boolean jdkTargets = TargetCheck.verify(parsed);
      // Byte Buddy (relocated) must not use sun.misc.Unsafe: JDK 24+ warns about it on stderr
      System.setProperty("dev.gilscope.agent.shaded.bytebuddy.safe", "true");
      BootstrapJar.append(instrumentation, jdkTargets);
      // referenced only after the append, so the probe resolves to the bootstrap copy
      AgentRuntime.start(parsed, instrumentation, jdkTargets);
    } catch (OptionException e) {
      fail(strict, e.getMessage());
    } catch (Throwable t) {
      // Don't rethrow: the application must start even if the agent cannot.
      fail(strict, "agent failed to start: " + t);
    }
  }

  private static void fail(boolean strict, String message) {
    if (strict) {
      System.err.println("gilscope: " + message + " (strict=true: exiting)");
      System.exit(1);
    }
    System.err.println("gilscope: " + message + "; the application runs without gilscope");
  }
}
