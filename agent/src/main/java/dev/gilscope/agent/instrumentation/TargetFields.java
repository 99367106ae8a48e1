package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.probe.LoaderNames;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

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

  /** Reports, once per target, a field target that the newly defined {@code type} lacks. */
  void verify(TypeDescription type, ClassLoader loader) {
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (!t.isField() || !t.className().equals(type.getName())) {
        continue;
      }
      String problem;
      try {
        problem = problem(t, type);
      } catch (RuntimeException e) {
        // a superclass the loader cannot describe: the class is still rewritten as usual
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

  /** Why {@code type} cannot hold the target's field, or null if it can. */
  public static String problem(Target t, TypeDescription type) {
    StringBuilder names = new StringBuilder();
    for (TypeDefinition c = type; c != null; c = c.getSuperClass()) {
      for (FieldDescription f : c.getDeclaredFields()) {
        if (f.getName().equals(t.fieldName())) {
          return f.getType().isPrimitive() ? "field " + t.fieldName() + " is a primitive" : null;
        }
        if (!f.getType().isPrimitive() && names.length() < 200) {
          names.append(names.length() == 0 ? "" : ", ").append(f.getName());
        }
      }
    }
    return "class "
        + t.className()
        + " has no field "
        + t.fieldName()
        + (names.length() > 0 ? " (its object fields: " + names + ")" : "");
  }
}
