package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks that every {@code monitor=}/{@code lock=} class and field exists, by reading class files
 * from the system class loader's path without loading (and so without initializing) anything. Runs
 * once in premain.
 */
final class TargetCheck {
  private TargetCheck() {}

  /** Returns whether a target class belongs to the JDK (platform or bootstrap loader). */
  static boolean verify(AgentOptions options) throws OptionException {
    boolean jdkTargets = false;
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
    for (Target t : options.targets()) {
      TypePool.Resolution resolution = pool.describe(t.className());
      if (!resolution.isResolved()) {
        throw new OptionException(t + ": class " + t.className() + " not found on the class path");
      }
      if (t.isField()) {
        verifyField(t, resolution.resolve());
      }
      if (platform.getResource(t.internalName() + ".class") != null) {
        jdkTargets = true;
      }
    }
    return jdkTargets;
  }

  private static void verifyField(Target t, TypeDescription type) throws OptionException {
    StringBuilder names = new StringBuilder();
    for (TypeDefinition c = type; c != null; c = c.getSuperClass()) {
      for (FieldDescription f : c.getDeclaredFields()) {
        if (f.getName().equals(t.fieldName())) {
          if (f.getType().isPrimitive()) {
            throw new OptionException(t + ": field " + t.fieldName() + " is a primitive");
          }
          return;
        }
        if (!f.getType().isPrimitive() && names.length() < 200) {
          names.append(names.length() == 0 ? "" : ", ").append(f.getName());
        }
      }
    }
    throw new OptionException(
        t
            + ": class "
            + t.className()
            + " has no field "
            + t.fieldName()
            + (names.length() > 0 ? " (its object fields: " + names + ")" : ""));
  }
}
