package dev.gilscope.demo;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds command lines for child JVMs that run this very jar (or classes directory) with the same
 * {@code java} executable as the running JVM: the countdown's "two processes" and the tour's
 * scenario runs.
 */
public final class JavaCommand {
  private JavaCommand() {}

  /** The running JVM's {@code java} executable. */
  public static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .filter(command -> Files.isExecutable(Path.of(command)))
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Where the demos' classes come from: {@code gilscope-demos.jar} or a classes directory. */
  public static Path demosCodeSource() {
    try {
      return Path.of(DemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(System.getProperty("java.class.path").split(File.pathSeparator, -1)[0]);
    }
  }

  /**
   * The demos' classes and picocli's: one jar once packaged (picocli is shaded into it), a classes
   * directory and picocli's jar when run from the build (tests).
   */
  static String classPath() {
    Path demos = demosCodeSource();
    Path picocli = codeSource(picocli.CommandLine.class);
    return picocli == null || picocli.equals(demos)
        ? demos.toString()
        : demos + File.pathSeparator + picocli;
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code java [jvmOptions] -cp <demos> dev.gilscope.demo.DemoMain [arguments]}.
   *
   * @param jvmOptions options before the class path, e.g. {@code -javaagent:...}
   */
  public static List<String> demoMain(List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(DemoMain.class.getName());
    command.addAll(arguments);
    return command;
  }
}
