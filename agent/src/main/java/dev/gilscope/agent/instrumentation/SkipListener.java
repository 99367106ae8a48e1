package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Errors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports a class that failed to transform once, on stderr, and counts it: the class is then
 * defined unchanged and the application runs on. With {@code debug=true} also lists transformed JDK
 * classes. Called on class-loading threads.
 */
final class SkipListener extends AgentBuilder.Listener.Adapter {
  private final boolean debug;

  SkipListener(boolean debug) {
    this.debug = debug;
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    Errors.classSkipped();
    System.err.println("gilscope: skipped class " + typeName + ": " + error);
    if (debug) {
      error.printStackTrace();
    }
  }

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    if (loaded) {
      // retransformed JDK classes (advice); application classes are counted by SiteRewriter
      Errors.classInstrumented();
      if (debug) {
        System.err.println("gilscope: instrumented loaded class " + type.getName());
      }
    }
  }
}
