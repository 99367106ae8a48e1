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
   * {@code java [jvmOptions] -cp <demos> dev.gilscope.demo.DemoMain [arguments]}.
   *
   * @param jvmOptions options before the class path, e.g. {@code -javaagent:...}
   */
  public static List<String> demoMain(List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(demosCodeSource().toString());
    command.add(DemoMain.class.getName());
    command.addAll(arguments);
    return command;
  }
}
