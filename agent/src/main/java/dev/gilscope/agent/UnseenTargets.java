package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.probe.Targets;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Configures which target classes to watch for and, at exit, prints one {@code gilscope:} line per
 * target whose class no loader ever loaded, with the loaded classes of a similar name: the usual
 * cause is a typo or a wrong package, which the agent cannot know at start-up because any loader
 * may define the class later. Installed once in premain; the hook runs at JVM exit.
 */
final class UnseenTargets {
  private UnseenTargets() {}

  static void install(AgentOptions options, Instrumentation instrumentation) {
    List<Target> targets = options.targets();
    String[] texts = new String[targets.size()];
    String[] names = new String[targets.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = targets.get(i).toString();
      names[i] = targets.get(i).className();
    }
    Targets.configure(texts, names);
    Thread hook = new Thread(() -> report(instrumentation), "gilscope-unseen-targets");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private static void report(Instrumentation instrumentation) {
    try {
      if (allSeen()) {
        return;
      }
      List<String> loaded = new ArrayList<>();
      for (Class<?> c : instrumentation.getAllLoadedClasses()) {
        if (!c.isArray() && !c.isHidden()) {
          loaded.add(c.getName());
          Targets.loaded(c.getName()); // loaded where the transformer does not look
        }
      }
      for (int i = 0; i < Targets.count(); i++) {
        if (!Targets.isSeen(i) && firstOfItsClass(i)) {
          System.err.println(line(i, Suggestions.similar(Targets.className(i), loaded)));
        }
      }
    } catch (Throwable t) {
      // the application is exiting: never disturb it
    }
  }

  private static boolean allSeen() {
    for (int i = 0; i < Targets.count(); i++) {
      if (!Targets.isSeen(i)) {
        return false;
      }
    }
    return true;
  }

  /** One line per class, even if several targets name fields of it. */
  private static boolean firstOfItsClass(int index) {
    for (int i = 0; i < index; i++) {
      if (Targets.className(i).equals(Targets.className(index))) {
        return false;
      }
    }
    return true;
  }

  static String line(int index, List<String> suggestions) {
    return "gilscope: "
        + Targets.option(index)
        + ": class "
        + Targets.className(index)
        + " was never loaded"
        + (suggestions.isEmpty()
            ? " (no loaded class has a similar name)"
            : "; did you mean " + String.join(" or ", suggestions) + "?");
  }
}
