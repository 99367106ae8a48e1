package dev.gilscope.itapps;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * An application that opens a plug-in jar with its own {@link URLClassLoader} after start-up, the
 * way plug-in systems and application servers do, and runs the plug-in's GIL loop. Args: {@code
 * PLUGIN_JAR one} (one loader named "plugins") or {@code PLUGIN_JAR two} (a loader named "plugin-a"
 * and an unnamed one, each defining its own copy of the plug-in's classes). Prints the exact
 * expected counts and the unnamed loader's label.
 */
public final class PluginHost {
  static final String PLUGIN = "dev.gilscope.itapps.plugin.PluginGil";

  private PluginHost() {}

  public static void main(String[] args) throws Exception {
    URL[] jar = {Path.of(args[0]).toUri().toURL()};
    Thread.sleep(200); // the application is up before the plug-in is found
    ClassLoader parent = ClassLoader.getSystemClassLoader();
    if (args[1].equals("one")) {
      try (URLClassLoader plugins = new URLClassLoader("plugins", jar, parent)) {
        System.out.println("plugin.acquisitions=" + run(plugins, 4, 20_000));
      }
      return;
    }
    try (URLClassLoader a = new URLClassLoader("plugin-a", jar, parent);
        URLClassLoader b = new URLClassLoader(jar, parent)) {
      System.out.println("plugin.a.acquisitions=" + run(a, 2, 10_000));
      System.out.println("plugin.b.acquisitions=" + run(b, 3, 7_000));
      System.out.println(
          "plugin.b.loader="
              + b.getClass().getName()
              + "@"
              + Integer.toHexString(System.identityHashCode(b)));
    }
  }

  private static long run(ClassLoader loader, int threads, int iterations) throws Exception {
    Class<?> plugin = Class.forName(PLUGIN, true, loader);
    if (plugin.getClassLoader() != loader) {
      throw new IllegalStateException(PLUGIN + " was found on the class path");
    }
    return (long) plugin.getMethod("run", int.class, int.class).invoke(null, threads, iterations);
  }
}
