package dev.gilscope.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether JFR may start a recording as part of this JVM's launch ({@code -XX:StartFlightRecording},
 * which HotSpot acts on right after premain returns): then the agent must be registered with JFR
 * before premain returns, or the recording's first events could be missed. Reads the command line
 * from {@code /proc/self/cmdline} and the JDK's option variables; when it cannot tell (no /proc, an
 * {@code @argfile} or an options file) it answers yes.
 */
final class LaunchRecording {
  private static final String[] MAYBE = {
    "StartFlightRecording", "\0@", "VMOptionsFile", "-XX:Flags="
  };

  private LaunchRecording() {}

  static boolean mayStart() {
    for (String variable :
        new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
      String value = System.getenv(variable);
      if (value != null && (value.contains("StartFlightRecording") || value.contains("@"))) {
        return true;
      }
    }
    try {
      String commandLine =
          new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
      for (String sign : MAYBE) {
        if (commandLine.contains(sign)) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }
}
