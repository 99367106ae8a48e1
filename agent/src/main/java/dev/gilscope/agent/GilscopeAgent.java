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
    start(options, instrumentation, false);
  }

  /**
   * Loaded into a running JVM (the Attach API, {@code gilscope watch}, {@code jcmd
   * JVMTI.agent_load}): once per JVM; a later load only changes what recording does, see {@link
   * LiveAgent}.
   */
  public static void agentmain(String options, Instrumentation instrumentation) {
    if (LiveAgent.isInstalled()) {
      LiveAgent.reload(options);
      return;
    }
    start(options, instrumentation, true);
  }

  private static void start(String options, Instrumentation instrumentation, boolean attached) {
    boolean strict = AgentOptions.isStrict(options) && !attached;
    try {
      AgentOptions parsed = AgentOptions.parse(options);
      boolean jdkTargets =
          attached ? LiveAgent.verify(parsed, instrumentation) : TargetCheck.verify(parsed);
      // Byte Buddy (relocated) must not use sun.misc.Unsafe: JDK 24+ warns about it on stderr
      System.setProperty("dev.gilscope.agent.shaded.bytebuddy.safe", "true");
      BootstrapJar.append(instrumentation, jdkTargets);
      // referenced only after the append, so the probe resolves to the bootstrap copy
      AgentRuntime.start(parsed, instrumentation, jdkTargets, attached);
      LiveAgent.started(parsed, instrumentation, jdkTargets, attached);
    } catch (OptionException e) {
      fail(strict, attached ? LiveAgent.failed(options, e.getMessage()) : e.getMessage());
    } catch (Throwable t) {
      // Don't rethrow: the application must start even if the agent cannot.
      String message = "agent failed to start: " + t;
      fail(strict, attached ? LiveAgent.failed(options, message) : message);
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
