package dev.gilscope.analyzer.it.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@link LiveGilApp} in a child JVM, its output in files, told to quit through stdin. */
final class Child implements AutoCloseable {
  final Process process;
  final Path out;
  final Path err;

  private Child(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static Child start(Path dir, String name, String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    command.add(LiveGilApp.class.getName());
    command.add("2");
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    Child child = new Child(p, out, err);
    child.awaitOutput("steps/s", 30);
    return child;
  }

  String pid() {
    return Long.toString(process.pid());
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  void awaitOutput(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!stdout().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' from the child: " + stdout() + stderr());
      }
      Thread.sleep(100);
    }
  }

  /** Tells the application to end, returns its exit status. */
  int quit() throws Exception {
    OutputStream in = process.getOutputStream();
    in.write("quit\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not quit");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
