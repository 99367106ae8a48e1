package dev.gilscope.agent.probe;

/**
 * Qualifies a monitor's name with the class loader that defined its class, the way the JDK's stack
 * traces do ({@code loader/class}): the loader's name if it has one, else its class name and
 * identity hash. The JDK's loaders and the system class loader add nothing, so a class-path
 * application keeps its plain names. Called when a monitor is registered, never per acquisition.
 */
public final class LoaderNames {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private LoaderNames() {}

  /**
   * The loader of the class that called into the agent (the class assigning a tracked field): the
   * first frame outside gilscope's own packages. Walks the stack, so only on registration.
   */
  static ClassLoader callerLoader() {
    return WALKER.walk(
        frames ->
            frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !c.getName().startsWith("dev.gilscope.agent."))
                .findFirst()
                .map(Class::getClassLoader)
                .orElse(null));
  }

  /**
   * {@code name}, prefixed with {@code loader/} for a loader other than the JDK's and the app's.
   */
  public static String qualify(String name, ClassLoader loader) {
    String label = label(loader);
    return label == null ? name : label + "/" + name;
  }

  /** How a loader is named in monitor names, or null for the JDK's and the system loader. */
  public static String label(ClassLoader loader) {
    if (loader == null
        || loader == ClassLoader.getSystemClassLoader()
        || loader == ClassLoader.getPlatformClassLoader()) {
      return null;
    }
    String name = loader.getName();
    if (name != null && !name.isEmpty()) {
      return name;
    }
    return loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
  }
}
