package dev.gilscope.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.gilscope.agent.probe.Errors;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

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
  private final Instrumentation instrumentation;
  private final Set<String> loadedClassMonitors = new HashSet<>();

  LiveInstall(Plan plan, Instrumentation instrumentation) {
    this.plan = plan;
    this.instrumentation = instrumentation;
    if (!plan.classMonitors.isEmpty()) {
      for (Class<?> c : instrumentation.getAllLoadedClasses()) {
        if (plan.classMonitors.contains(c.getName()) && isApplicationClass(c)) {
          loadedClassMonitors.add(c.getName());
        }
      }
    }
  }

  boolean hasLoadedClassMonitors() {
    return !loadedClassMonitors.isEmpty();
  }

  /** The advice on the application's {@code monitor=C} classes that were loaded before. */
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

  /** Retransforms the loaded application classes that have sites for the {@link SiteRewriter}. */
  void retransformLoadedClassesWithSites() {
    LoadedClassFilter filter = new LoadedClassFilter(plan, loadedClassMonitors);
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c : instrumentation.getAllLoadedClasses()) {
      if (isApplicationClass(c)
          && instrumentation.isModifiableClass(c)
          && !SiteTransformer.isIgnored(c.getName().replace('.', '/'))
          && filter.hasSites(c)) {
        classes.add(c);
      }
    }
    retransform(classes);
  }

  /**
   * Retransforms {@code classes}, splitting a batch the JVM refuses down to the classes it refuses.
   */
  private void retransform(List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return;
    }
    try {
      instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
    } catch (Throwable t) {
      if (classes.size() == 1) {
        Errors.classSkipped();
        System.err.println("gilscope: skipped class " + classes.get(0).getName() + ": " + t);
        return;
      }
      int half = classes.size() / 2;
      retransform(classes.subList(0, half));
      retransform(classes.subList(half, classes.size()));
    }
  }

  private static boolean isApplicationClass(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    return loader != null
        && loader != ClassLoader.getPlatformClassLoader()
        && !c.isArray()
        && !c.isPrimitive();
  }
}
