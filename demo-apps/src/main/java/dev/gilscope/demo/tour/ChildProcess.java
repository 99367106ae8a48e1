package dev.gilscope.demo.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process of the tour, echoing its merged stdout/stderr line by line (indented) as
 * it comes, and killing it if it outlives its timeout. Called by the tour's main thread; a pump
 * thread per child reads the output so that a silent, hung child cannot block the tour.
 */
final class ChildProcess {
  static final int TIMED_OUT = -1;

  private ChildProcess() {}

  /** The child's exit status and its whole output. */
  record Outcome(int exitStatus, String output) {
    boolean timedOut() {
      return exitStatus == TIMED_OUT;
    }
  }

  static Outcome run(List<String> command, long timeoutSeconds, String indent, PrintStream echo)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (echo != null) {
                    echo.println(indent + line);
                  }
                }
              } catch (IOException e) {
                // the child closed its output: nothing more to echo
              }
            },
            "tour-output-pump");
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      pump.join(1_000);
      synchronized (output) {
        return new Outcome(TIMED_OUT, output.toString());
      }
    }
    pump.join(5_000);
    synchronized (output) {
      return new Outcome(process.exitValue(), output.toString());
    }
  }
}
