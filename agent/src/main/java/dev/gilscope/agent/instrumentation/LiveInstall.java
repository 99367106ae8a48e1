package dev.gilscope.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What differs when the agent is loaded into a running JVM (agentmain): the classes already loaded
 * can only be retransformed, which changes method bodies but never modifiers or members. So only
 * loaded classes with sites to rewrite are retransformed ({@link LoadedClassFilter}); a loaded
 * {@code monitor=C} class keeps its {@code synchronized} modifiers and gets the {@link
 * SynchronizedMethodAdvice} instead (as the JDK's classes do); and a batch of classes that fails to
 * retransform is split and retried, so one class the JVM refuses does not cost the others. Built
 * once on the attaching thread.
 */
final class LiveInstall {
  private final Plan plan;
  private final Set<String> loadedClassMonitors = new HashSet<>();

  LiveInstall(Plan plan, Instrumentation instrumentation) {
    this.plan = plan;
    if (!plan.classMonitors.isEmpty()) {
      for (Class<?> c : instrumentation.getAllLoadedClasses()) {
        if (plan.classMonitors.contains(c.getName())) {
          loadedClassMonitors.add(c.getName());
        }
      }
    }
  }

  /** Application classes: every class defined from now on, and the loaded ones with sites. */
  AgentBuilder.RawMatcher applicationClasses(ElementMatcher<ClassLoader> loaders) {
    AgentBuilder.RawMatcher base = new AgentBuilder.RawMatcher.ForElementMatchers(any(), loaders);
    AgentBuilder.RawMatcher sites = new LoadedClassFilter(plan, loadedClassMonitors);
    return (type, loader, module, redefined, domain) ->
        base.matches(type, loader, module, redefined, domain)
            && sites.matches(type, loader, module, redefined, domain);
  }

  /** Whether a {@code monitor=C} class was loaded before the attach (its modifiers are fixed). */
  boolean wasLoaded(String className) {
    return loadedClassMonitors.contains(className);
  }

  AgentBuilder extend(AgentBuilder builder) {
    AgentBuilder extended = builder;
    if (!loadedClassMonitors.isEmpty()) {
      extended =
          extended
              .type(
                  (type, loader, module, redefined, domain) ->
                      redefined != null
                          && loader != null
                          && loader != ClassLoader.getPlatformClassLoader()
                          && loadedClassMonitors.contains(type.getName()))
              .transform(
                  (b, type, loader, module, domain) ->
                      b.visit(
                          Advice.to(SynchronizedMethodAdvice.class)
                              .on(isMethod().and(isSynchronized()).and(not(isStatic())))));
    }
    return extended
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.RedefinitionStrategy.Listener.BatchReallocator.splitting());
  }
}
