package dev.gilscope.analyzer.testing;

import java.io.IOException;
import java.nio.file.Path;
import jdk.jfr.Recording;

/** Writes small real recordings in-process for tests. */
public final class Recordings {
  private Recordings() {}

  /** A valid recording with no lock events (only jdk.JVMInformation and jdk.CPUInformation). */
  public static Path withoutLockEvents(Path dir) throws IOException {
    Path file = dir.resolve("plain.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.JVMInformation");
      r.enable("jdk.CPUInformation");
      r.start();
      r.stop();
      r.dump(file);
    }
    return file;
  }

  /** Runs {@code body} while recording the given events (threshold 0), dumps to {@code file}. */
  public static Path record(Path file, Runnable body, String... events) throws IOException {
    try (Recording r = new Recording()) {
      for (String e : events) {
        r.enable(e).withThreshold(java.time.Duration.ZERO).withoutStackTrace();
      }
      r.enable("jdk.JVMInformation");
      r.enable("jdk.CPUInformation");
      r.start();
      body.run();
      r.stop();
      r.dump(file);
    }
    return file;
  }
}
