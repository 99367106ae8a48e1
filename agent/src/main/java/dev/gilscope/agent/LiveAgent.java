package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.jmx.AgentMBeans;
import dev.gilscope.agent.live.LiveLines;
import dev.gilscope.agent.probe.Detail;
import dev.gilscope.agent.probe.Probe;
import dev.gilscope.agent.recording.AgentRecording;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent in a running JVM. The first load (premain or agentmain) installs the instrumentation;
 * it cannot be removed or extended, so a later agentmain (a second {@code gilscope watch}, {@code
 * jcmd JVMTI.agent_load}) never installs again: with the same or fewer targets it applies the new
 * detail, {@code file=} and {@code live=} options; with a new target it refuses. Each agentmain
 * leaves its outcome in the system property {@value #LOAD_PROPERTY} ({@code <n> ok|error
 * <message>}), which the attaching tool reads back. Called on the attaching thread.
 */
final class LiveAgent {
  /** The outcome of the latest agentmain, read back by {@code gilscope watch}. */
  static final String LOAD_PROPERTY = "dev.gilscope.agent.load";

  private static volatile AgentOptions installed;
  private static boolean installedJdkTargets;
  private static int loads;

  private LiveAgent() {}

  static boolean isInstalled() {
    return installed != null;
  }

  /** After the first successful start, premain or agentmain. */
  static void started(
      AgentOptions options, Instrumentation instrumentation, boolean jdkTargets, boolean attached) {
    installed = options;
    installedJdkTargets = jdkTargets;
    if (attached) {
      registerLoadedFields(options, instrumentation);
    }
    AgentMBeans.start(AgentRuntime.VERSION, options, attached);
    LiveLines.start(options.liveNanos());
    report(true, "installed: " + targets(options));
  }

  /** A failed first agentmain: the message, with the jcmd quoting hint where it applies. */
  static String failed(String options, String message) {
    String full = withHint(options, message);
    report(false, full);
    return full;
  }

  /**
   * jcmd's parser reads {@code key=value} arguments itself and hands the agent only the key: the
   * options arrive as {@code monitor}. Quoted inside the argument they arrive whole.
   */
  private static String withHint(String options, String message) {
    if (options != null && !options.contains("=") && isKey(options.trim())) {
      return message
          + " (jcmd passes only what comes before the first '=': quote the options inside the"
          + " argument, jcmd <pid> JVMTI.agent_load <jar> '\"monitor=...\"')";
    }
    return message;
  }

  /** A second agentmain in the same JVM. */
  static synchronized void reload(String options) {
    try {
      AgentOptions parsed = AgentOptions.parse(options);
      AgentOptions current = installed;
      Set<String> added = new LinkedHashSet<>();
      for (Target t : parsed.targets()) {
        added.add(t.toString());
      }
      added.removeAll(targetNames(current));
      if (!added.isEmpty()) {
        throw new OptionException(
            "the agent already runs in this JVM with "
                + targets(current)
                + "; "
                + String.join(",", added)
                + " cannot be added to it (its instrumentation is installed once per JVM):"
                + " restart the JVM with every target, or watch "
                + targets(current));
      }
      Detail.configure(
          parsed.detail(), parsed.sample(), parsed.thresholdNanos(), installedJdkTargets);
      AgentMBeans.reloaded(parsed.file() != null || parsed.liveNanos() > 0);
      if (parsed.file() != null) {
        AgentRecording.start(parsed);
      }
      LiveLines.start(parsed.liveNanos());
      String message =
          "already installed: " + targets(current) + "; detail=" + parsed.detailName() + " applied";
      report(true, message);
      System.err.println("gilscope: " + message);
    } catch (OptionException e) {
      String message = withHint(options, e.getMessage());
      report(false, message);
      System.err.println("gilscope: " + message + "; the agent runs on unchanged");
    } catch (Exception | LinkageError e) {
      report(false, "cannot apply the options: " + e);
      System.err.println("gilscope: cannot apply the options: " + e + "; the agent runs on");
    }
  }

  /**
   * Checks the targets against the classes the JVM has loaded (any class loader), falling back to
   * the class-path check of {@code -javaagent} for a class not loaded yet. Returns whether a target
   * is a JDK class.
   */
  static boolean verify(AgentOptions options, Instrumentation instrumentation)
      throws OptionException {
    Map<String, Class<?>> loaded = new HashMap<>();
    for (Target t : options.targets()) {
      loaded.put(t.className(), null);
    }
    for (Class<?> c : instrumentation.getAllLoadedClasses()) {
      if (loaded.containsKey(c.getName()) && loaded.get(c.getName()) == null) {
        loaded.put(c.getName(), c);
      }
    }
    if (loaded.containsValue(null)) {
      return TargetCheck.verify(options);
    }
    boolean jdk = false;
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Target t : options.targets()) {
      Class<?> c = loaded.get(t.className());
      if (t.isField()) {
        Field f = findField(c, t.fieldName());
        if (f == null) {
          throw new OptionException(
              t + ": class " + t.className() + " has no field " + t.fieldName());
        }
        if (f.getType().isPrimitive()) {
          throw new OptionException(t + ": field " + t.fieldName() + " is a primitive");
        }
      }
      jdk |= c.getClassLoader() == null || c.getClassLoader() == platform;
    }
    return jdk;
  }

  /**
   * A tracked static field of a loaded class was written before the attach: its current value is
   * registered now (reading it initializes a class that was loaded but not initialized yet).
   * Instance fields cannot be enumerated: their objects are tracked from their next write.
   */
  private static void registerLoadedFields(AgentOptions options, Instrumentation instrumentation) {
    List<Target> fields = new ArrayList<>();
    for (Target t : options.targets()) {
      if (t.isField()) {
        fields.add(t);
      }
    }
    if (fields.isEmpty()) {
      return;
    }
    for (Class<?> c : instrumentation.getAllLoadedClasses()) {
      for (int i = 0; i < fields.size(); i++) {
        Target t = fields.get(i);
        if (c.getClassLoader() != null && t.className().equals(c.getName())) {
          register(c, t, i);
        }
      }
    }
  }

  private static void register(Class<?> owner, Target target, int index) {
    Field f = findField(owner, target.fieldName());
    if (f == null || !Modifier.isStatic(f.getModifiers())) {
      return;
    }
    try {
      if (!f.trySetAccessible()) {
        System.err.println(
            "gilscope: cannot read " + target.displayName() + " (module encapsulation)");
        return;
      }
      Probe.fieldWritten(f.get(null), index);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      System.err.println("gilscope: cannot read " + target.displayName() + ": " + e);
    }
  }

  private static Field findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f;
        }
      }
    }
    return null;
  }

  private static void report(boolean ok, String message) {
    synchronized (LiveAgent.class) {
      loads++;
      System.setProperty(LOAD_PROPERTY, loads + (ok ? " ok " : " error ") + message);
    }
  }

  private static boolean isKey(String s) {
    for (String key : new String[] {"monitor", "lock", "file", "detail", "live"}) {
      if (key.equals(s.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> targetNames(AgentOptions options) {
    Set<String> names = new LinkedHashSet<>();
    for (Target t : options.targets()) {
      names.add(t.toString());
    }
    return names;
  }

  private static String targets(AgentOptions options) {
    return String.join(",", targetNames(options));
  }
}
