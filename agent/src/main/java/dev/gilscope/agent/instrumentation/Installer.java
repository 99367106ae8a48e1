package dev.gilscope.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.probe.Targets;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the class transformations: the {@link SiteTransformer} for application classes (any
 * loader but the bootstrap and platform loaders) as they are defined, and, with Byte Buddy, the
 * {@link SynchronizedMethodAdvice} for {@code monitor=C} classes of the JDK, retransformed if
 * already loaded. Byte Buddy is loaded only in that second case: its installation and its scan of
 * the loaded classes cost ~1 s of CPU at start-up. Never touches the agent, Byte Buddy or JFR.
 * Called once from premain.
 */
public final class Installer {
  private Installer() {}

  public static void install(AgentOptions options, Instrumentation instrumentation) {
    install(options, instrumentation, false);
  }

  /**
   * @param attached loaded into a running JVM: see {@link LiveInstall} for what differs
   */
  public static void install(
      AgentOptions options, Instrumentation instrumentation, boolean attached) {
    Plan plan = new Plan(options.targets(), options.debug());
    JdkCallSites jdkCalls =
        plan.classMonitors.isEmpty()
            ? null
            : JdkCallSites.resolve(plan.classMonitors, instrumentation);
    // attached: the transformer also runs when the loaded classes with sites are retransformed
    instrumentation.addTransformer(
        new SiteTransformer(plan, jdkCalls, new TargetFields(options.targets()), instrumentation),
        attached);
    markJdkTargetsSeen(options);
    LiveInstall live = attached ? new LiveInstall(plan, instrumentation) : null;
    List<String> jdkClassMonitors = jdkClasses(plan);
    if (!jdkClassMonitors.isEmpty() || (live != null && live.hasLoadedClassMonitors())) {
      installAdvice(jdkClassMonitors, live, options.debug(), instrumentation);
    }
    if (live != null) {
      live.retransformLoadedClassesWithSites();
    }
  }

  /** A JDK class is there from the start: it is loaded, or will be, by the JDK's own loaders. */
  private static void markJdkTargetsSeen(AgentOptions options) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Target t : options.targets()) {
      if (platform.getResource(t.internalName() + ".class") != null) {
        Targets.loaded(t.className());
      }
    }
  }

  /** The {@code monitor=C} classes that the platform loader (and so the JDK) defines. */
  private static List<String> jdkClasses(Plan plan) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    List<String> jdk = new ArrayList<>();
    for (String name : plan.classMonitors) {
      if (platform.getResource(name.replace('.', '/') + ".class") != null) {
        jdk.add(name);
      }
    }
    return jdk;
  }

  /**
   * The {@link SynchronizedMethodAdvice} on the JDK's {@code monitor=C} classes and, when attached,
   * on the application's {@code monitor=C} classes loaded before (their modifiers are fixed).
   */
  private static void installAdvice(
      List<String> classNames, LiveInstall live, boolean debug, Instrumentation instrumentation) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    ElementMatcher.Junction<ClassLoader> jdkLoader = isBootstrapClassLoader().or(is(platform));
    AgentBuilder builder =
        new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new SkipListener(debug))
            .ignore(
                nameStartsWith("dev.gilscope.agent.")
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.jfr."))
                    .or(nameStartsWith("jdk.internal."))
                    .or(nameStartsWith("sun."))
                    .or(nameStartsWith("jdk.proxy"))
                    .or(nameStartsWith("com.sun.proxy.")))
            .type(namedOneOf(classNames.toArray(new String[0])), jdkLoader)
            .transform(
                (b, type, loader, module, domain) ->
                    b.visit(
                        Advice.to(SynchronizedMethodAdvice.class)
                            .on(isMethod().and(isSynchronized()).and(not(isStatic())))));
    if (live != null) {
      builder = live.extend(builder);
    }
    builder.installOn(instrumentation);
  }
}
