package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.instrumentation.Installer;
import dev.gilscope.agent.probe.Detail;
import dev.gilscope.agent.probe.Errors;
import dev.gilscope.agent.probe.EventClock;
import dev.gilscope.agent.probe.InstanceProbe;
import dev.gilscope.agent.probe.Probe;
import dev.gilscope.agent.probe.Registry;
import dev.gilscope.agent.probe.Statistics;
import dev.gilscope.agent.recording.AgentRecording;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configures the probe from the options, starts the agent's own recording ({@code file=}), installs
 * the instrumentation and registers tracked static fields of classes that were already initialized.
 * Runs once in premain, after the probe is on the bootstrap class path.
 */
final class AgentRuntime {
  static final String VERSION = "0.1.0";

  private AgentRuntime() {}

  static void start(AgentOptions options, Instrumentation instrumentation, boolean jdkTargets)
      throws Exception {
    start(options, instrumentation, jdkTargets, false);
  }

  /** {@code attached}: loaded into a running JVM, see {@link LiveAgent}. */
  static void start(
      AgentOptions options, Instrumentation instrumentation, boolean jdkTargets, boolean attached)
      throws Exception {
    Errors.setDebug(options.debug());
    Detail.configure(options.detail(), options.sample(), options.thresholdNanos(), jdkTargets);
    List<String> classMonitors = new ArrayList<>();
    List<Registry.FieldSpec> fields = new ArrayList<>();
    for (Target t : options.targets()) {
      if (t.isField()) {
        fields.add(new Registry.FieldSpec(t.displayName(), t.isLock()));
      } else {
        classMonitors.add(t.className());
      }
    }
    Registry.configure(
        classMonitors.toArray(new String[0]), fields.toArray(new Registry.FieldSpec[0]));
    UnseenTargets.install(options, instrumentation);
    if (!classMonitors.isEmpty()) {
      configureInstances(options, instrumentation, attached);
    }
    registerWithJfr(options);
    if (options.file() != null) {
      try {
        AgentRecording.start(options);
      } catch (java.io.IOException e) {
        throw new OptionException(
            "file=" + options.file() + ": cannot write a recording there (" + e + ")");
      }
      // decided once the recording runs (the check times an enabled hold event), before main
      EventClock.initialize();
    }
    Installer.install(options, instrumentation, attached);
    registerLoadedFields(options, instrumentation);
  }

  /**
   * Registers the statistics hooks and the per-operation events with JFR, in premain so that a
   * recording started at any time later (the agent's own, {@code -XX:StartFlightRecording}, jcmd)
   * finds them registered and misses no event. With {@code file=} the clock check waits for the
   * agent's recording to run, see {@link #start}.
   */
  private static void registerWithJfr(AgentOptions options) {
    Statistics.install(VERSION, options.raw(), options.file() == null);
  }

  /**
   * monitor=<class>: the instance bound, and the object-header reads that see contention on an
   * instance without per-instance state (jdk.internal.misc exported to the probe, which lives in
   * the bootstrap loader's unnamed module).
   */
  private static void configureInstances(
      AgentOptions options, Instrumentation instrumentation, boolean attached) {
    boolean exported;
    try {
      instrumentation.redefineModule(
          Object.class.getModule(),
          Set.of(),
          Map.of("jdk.internal.misc", Set.of(InstanceProbe.class.getModule())),
          Map.of(),
          Set.of(),
          Map.of());
      exported = true;
    } catch (RuntimeException e) {
      exported = false;
    }
    String why = InstanceProbe.configure(options.instances(), exported, attached);
    if (why != null) {
      System.err.println(
          "gilscope: monitor=<class>: contention on untracked instances is not seen on this JVM ("
              + why
              + "); class totals count it as uncontended");
    }
  }

  /**
   * A tracked static field of a JDK class (loaded and initialized before the agent) is never
   * written again: read it now. Application classes are not initialized yet, and reading their
   * fields here would initialize them early, so their writes are instrumented instead.
   */
  private static void registerLoadedFields(AgentOptions options, Instrumentation instrumentation) {
    List<Target> fields = new ArrayList<>();
    for (Target t : options.targets()) {
      if (t.isField()) {
        fields.add(t);
      }
    }
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (loaded.getClassLoader() != null) {
        continue;
      }
      for (int i = 0; i < fields.size(); i++) {
        Target t = fields.get(i);
        if (t.className().equals(loaded.getName())) {
          readStaticField(loaded, t, i);
        }
      }
    }
  }

  private static void readStaticField(Class<?> owner, Target target, int index) {
    try {
      Field f = owner.getDeclaredField(target.fieldName());
      if (!Modifier.isStatic(f.getModifiers())) {
        return;
      }
      if (!f.trySetAccessible()) {
        System.err.println(
            "gilscope: cannot read "
                + target.displayName()
                + " (module encapsulation); not tracked");
        return;
      }
      Probe.fieldWritten(f.get(null), index);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("gilscope: cannot read " + target.displayName() + ": " + e);
    }
  }
}
