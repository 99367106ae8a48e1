package dev.gilscope.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isChildOf;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.probe.Errors;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the class transformations with Byte Buddy: the {@link SiteRewriter} for application
 * classes (any loader but the bootstrap and platform loaders that can see the probe, whenever it
 * defines them; the target fields are checked then, see {@link TargetFields}), and the {@link
 * SynchronizedMethodAdvice} for {@code monitor=C} classes of the JDK, retransformed if already
 * loaded. Never touches the agent, Byte Buddy or JFR. Called once from premain.
 */
public final class Installer {
  private Installer() {}

  public static void install(AgentOptions options, Instrumentation instrumentation) {
    Plan plan = new Plan(options.targets(), options.debug());
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    ElementMatcher.Junction<ClassLoader> jdkLoader = isBootstrapClassLoader().or(is(platform));
    // a loader that does not delegate to the probe's loader would fail to link the probe calls
    ElementMatcher.Junction<ClassLoader> seesProbe = isChildOf(Errors.class.getClassLoader());
    TargetFields fields = new TargetFields(options.targets());
    AgentBuilder builder =
        // only the declared methods are rewritten: building each class's whole method graph costs
        // start-up time and fails on classes whose signatures name absent optional dependencies
        new AgentBuilder.Default(
                new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new SkipListener(options.debug()))
            .with(new TargetListener())
            // classes of named modules (the module path) must read the probe's unnamed module
            .assureReadEdgeTo(instrumentation, Errors.class)
            .ignore(
                nameStartsWith("dev.gilscope.agent.")
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(nameStartsWith("jdk.jfr."))
                    .or(nameStartsWith("jdk.internal."))
                    .or(nameStartsWith("sun."))
                    .or(nameStartsWith("jdk.proxy"))
                    .or(nameStartsWith("com.sun.proxy.")))
            .type(any(), not(jdkLoader).and(seesProbe))
            .transform(
                (b, type, loader, module, domain) -> {
                  fields.verify(type, loader);
                  return b.visit(new RewriteWrapper(plan, isClassMonitor(plan, type)));
                });
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
    builder.installOn(instrumentation);
  }

  private static boolean isClassMonitor(Plan plan, TypeDescription type) {
    return plan.classMonitors.contains(type.getName());
  }
}
