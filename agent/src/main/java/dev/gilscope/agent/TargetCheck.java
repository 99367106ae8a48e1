package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.instrumentation.TargetFields;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks the {@code monitor=}/{@code lock=} fields of classes that are on the system class path, by
 * reading class files without loading (and so without initializing) anything. A class that is not
 * there is no error: another loader may define it later (a plug-in, a web application, Spring
 * Boot's nested jars), and its fields are checked then. Runs once in premain.
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
        continue;
      }
      if (t.isField()) {
        String problem = TargetFields.problem(t, resolution.resolve());
        if (problem != null) {
          throw new OptionException(t + ": " + problem);
        }
      }
      if (platform.getResource(t.internalName() + ".class") != null) {
        jdkTargets = true;
      }
    }
    return jdkTargets;
  }
}
