package dev.gilscope.agent;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.OptionException;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.instrumentation.TargetFields;
import java.io.IOException;

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
    for (Target t : options.targets()) {
      if (t.isField()) {
        String problem;
        try {
          problem = TargetFields.problemOnClassPath(t);
        } catch (IOException e) {
          throw new OptionException(
              t + ": cannot read the class file of " + t.className() + ": " + e);
        }
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
