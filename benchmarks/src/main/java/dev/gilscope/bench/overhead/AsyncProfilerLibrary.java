package dev.gilscope.bench.overhead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Extracts async-profiler's native library from the Maven artifact {@code
 * tools.profiler:async-profiler}, which the benchmarks jar carries, so that {@code -agentpath:} can
 * load it. Linux x64 only, like the measurement machine.
 */
final class AsyncProfilerLibrary {
  static final String RESOURCE = "linux-x64/libasyncProfiler.so";

  private AsyncProfilerLibrary() {}

  /**
   * Copies the library into {@code dir} and returns its path.
   *
   * @throws IOException if this jar lacks the library or it cannot be written
   */
  static Path extractTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path library = dir.resolve("libasyncProfiler.so");
    try (InputStream in =
        AsyncProfilerLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "no " + RESOURCE + " on the class path: run from gilscope-benchmarks.jar");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    return library;
  }

  static boolean supportedHere() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
  }
}
