package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Probe;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the synchronized instance methods of a {@code monitor=C} class that was loaded
 * before the agent (java.util.Hashtable, java.io.PrintStream): retransformation cannot remove the
 * {@code synchronized} modifier, so the acquisition is seen at method entry (the JVM already holds
 * the monitor) and the release at every exit, normal or exceptional (still holding it).
 */
final class SynchronizedMethodAdvice {
  private SynchronizedMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object self) {
    Probe.enteredSynchronizedMethod(self);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.This Object self) {
    Probe.beforeExit(self);
  }
}
