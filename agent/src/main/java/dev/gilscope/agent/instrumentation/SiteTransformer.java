package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Errors;
import dev.gilscope.agent.probe.Targets;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.pool.TypePool;

/**
 * Runs the {@link SiteRewriter} over every application class (any loader but the bootstrap and
 * platform loaders) as it is defined, with ASM alone: Byte Buddy's {@code AgentBuilder} would load
 * and initialize some 900 classes of its own and describe every class it sees, ~0.5 s of CPU at
 * every JVM start, for a rewrite that needs none of it. A class that fails to rewrite is defined
 * unchanged, reported once on stderr and counted. Called on class-loading threads.
 */
final class SiteTransformer implements ClassFileTransformer {
  /** Never rewritten: the agent itself, its shaded Byte Buddy, and JDK internals in app loaders. */
  private static final String[] IGNORED = {
    "dev/gilscope/agent/",
    "net/bytebuddy/",
    "jdk/jfr/",
    "jdk/internal/",
    "sun/",
    "jdk/proxy",
    "com/sun/proxy/"
  };

  private final Plan plan;
  private final JdkCallSites jdkCalls;
  private final TargetFields fields;
  private final Instrumentation instrumentation;
  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
  private final ClassLoader probeLoader = Errors.class.getClassLoader();
  private final Module probeModule = Errors.class.getModule();

  /**
   * @param jdkCalls the calls of {@code monitor=<JDK class>} synchronized methods to take the
   *     monitor around, or null
   * @param fields checks the field targets of each class as any loader defines it
   */
  SiteTransformer(
      Plan plan, JdkCallSites jdkCalls, TargetFields fields, Instrumentation instrumentation) {
    this.plan = plan;
    this.jdkCalls = jdkCalls;
    this.fields = fields;
    this.instrumentation = instrumentation;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (loader == null
        || loader == platform
        || className == null
        || isIgnored(className)
        || !seesProbe(loader)) {
      return null;
    }
    try {
      Targets.loaded(className.replace('/', '.'));
      fields.verify(className, classfileBuffer, loader);
      byte[] rewritten = rewrite(loader, className, classfileBuffer, classBeingRedefined != null);
      if (rewritten != null) {
        assureReadsProbe(module);
      }
      return rewritten;
    } catch (Throwable t) {
      Errors.classSkipped();
      System.err.println("gilscope: skipped class " + className.replace('/', '.') + ": " + t);
      if (plan.debug) {
        t.printStackTrace();
      }
      return null;
    }
  }

  /** The rewritten class file, or null when nothing in it needed rewriting. */
  private byte[] rewrite(
      ClassLoader loader, String className, byte[] classfile, boolean retransforming) {
    // a retransformation cannot change modifiers: a loaded monitor=C class gets LiveInstall's
    // advice
    boolean wrapSynchronized =
        !retransforming && plan.classMonitors.contains(className.replace('/', '.'));
    ClassReader reader = new ClassReader(classfile);
    // no frame computation (it would load classes): the rewriter writes its few frames itself
    ClassWriter writer = new ClassWriter(reader, 0);
    // the class hierarchy of a call's owner is only needed for JDK-class call sites
    TypePool types = jdkCalls == null ? null : jdkCalls.typesOf(loader);
    // monitor=<class>: monitor sites keep a token in a local of their own, see SiteRewriter
    MonitorEnters enters =
        plan.classMonitors.isEmpty() || !plan.monitorSites
            ? null
            : MonitorEnters.of(reader, classfile, wrapSynchronized);
    SiteRewriter rewriter =
        new SiteRewriter(writer, plan, wrapSynchronized, plan.debug, jdkCalls, types, enters);
    // the synchronized-method wrapper's handler, the token locals and the plain releases need
    // frames in the expanded format
    reader.accept(rewriter, rewriter.expandsFrames() ? ClassReader.EXPAND_FRAMES : 0);
    return rewriter.changed() ? writer.toByteArray() : null;
  }

  /** A loader that does not delegate to the probe's loader would fail to link the probe calls. */
  private boolean seesProbe(ClassLoader loader) {
    if (probeLoader == null) {
      return true;
    }
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l == probeLoader) {
        return true;
      }
    }
    return false;
  }

  /** A class of a named module (the module path) calls the probe only if its module reads it. */
  private void assureReadsProbe(Module module) {
    if (module != null
        && module.isNamed()
        && !module.canRead(probeModule)
        && instrumentation.isModifiableModule(module)) {
      instrumentation.redefineModule(
          module, Set.of(probeModule), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }

  static boolean isIgnored(String className) {
    for (String prefix : IGNORED) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
