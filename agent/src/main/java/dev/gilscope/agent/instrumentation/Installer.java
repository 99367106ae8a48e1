package dev.gilscope.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.gilscope.agent.config.AgentOptions;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the class transformations with Byte Buddy: the {@link SiteRewriter} for application
 * classes (any loader but the bootstrap and platform loaders) as they are defined, and the {@link
 * SynchronizedMethodAdvice} for {@code monitor=C} classes of the JDK, retransformed if already
 * loaded. Never touches the agent, Byte Buddy or JFR. Called once from premain.
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
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    ElementMatcher.Junction<ClassLoader> jdkLoader = isBootstrapClassLoader().or(is(platform));
    LiveInstall live = attached ? new LiveInstall(plan, instrumentation) : null;
    AgentBuilder builder =
        new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new SkipListener(options.debug()))
            .ignore(
                nameStartsWith("dev.gilscope.agent.")
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.jfr."))
                    .or(nameStartsWith("jdk.internal."))
                    .or(nameStartsWith("sun."))
                    .or(nameStartsWith("jdk.proxy"))
                    .or(nameStartsWith("com.sun.proxy.")))
            .type(
                live == null
                    ? new AgentBuilder.RawMatcher.ForElementMatchers(any(), not(jdkLoader))
                    : live.applicationClasses(not(jdkLoader)))
            .transform(
                (b, type, loader, module, domain) ->
                    b.visit(
                        new RewriteWrapper(
                            plan,
                            isClassMonitor(plan, type)
                                && (live == null || !live.wasLoaded(type.getName())))));
    if (!plan.classMonitors.isEmpty()) {
      builder =
          builder
              .type(namedOneOf(plan.classMonitors.toArray(new String[0])), jdkLoader)
              .transform(
                  (b, type, loader, module, domain) ->
                      b.visit(
                          Advice.to(SynchronizedMethodAdvice.class)
                              .on(isMethod().and(isSynchronized()).and(not(isStatic())))));
    }
    if (live != null) {
      builder = live.extend(builder);
    }
    builder.installOn(instrumentation);
  }

  private static boolean isClassMonitor(Plan plan, TypeDescription type) {
    return plan.classMonitors.contains(type.getName());
  }
}
