package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.probe.LoaderNames;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks that a {@code monitor=C#f}/{@code lock=C#f} field exists and holds an object: in premain
 * for a class on the class path, and again whenever a class of that name is defined by any loader
 * (a plug-in may define a class of the same name without the field). A field that is missing there
 * gets one {@code gilscope:} line and the application runs on; nothing of it is tracked. Called on
 * class-loading threads.
 */
public final class TargetFields {
  private final List<Target> targets;
  private final AtomicBoolean[] reported;

  TargetFields(List<Target> targets) {
    this.targets = targets;
    this.reported = new AtomicBoolean[targets.size()];
    for (int i = 0; i < reported.length; i++) {
      reported[i] = new AtomicBoolean();
    }
  }

  /** Reports, once per target, a field target that the class being defined lacks. */
  void verify(String internalName, byte[] classfile, ClassLoader loader) {
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (!t.isField() || !t.internalName().equals(internalName)) {
        continue;
      }
      String problem;
      try {
        problem = FieldScan.of(loader, classfile, t.fieldName()).problem(t.className());
      } catch (IOException | RuntimeException e) {
        // a class file the scan cannot read: the class is still rewritten as usual
        continue;
      }
      if (problem != null && reported[i].compareAndSet(false, true)) {
        String label = LoaderNames.label(loader);
        System.err.println(
            "gilscope: "
                + t
                + ": "
                + problem
                + (label == null ? "" : " (in loader " + label + ")")
                + "; not tracked");
      }
    }
  }

  /**
   * Why the class file that the system class loader finds for the target cannot hold its field, or
   * null if it can or if there is no such class file (another loader may define it later).
   */
  public static String problemOnClassPath(Target t) throws IOException {
    FieldScan scan = FieldScan.of(null, t.internalName(), t.fieldName());
    return scan == null ? null : scan.problem(t.className());
  }
}
