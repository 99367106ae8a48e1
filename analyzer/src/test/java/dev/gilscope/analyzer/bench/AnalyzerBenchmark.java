package dev.gilscope.analyzer.bench;

import dev.gilscope.analyzer.read.RecordingReader;
import dev.gilscope.analyzer.testing.FakeAgentEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Not a test: measures the analyzer's wall time on a large generated recording against {@code jfr
 * summary} and {@code jfr print}. Generates gilscope-shaped acquire/hold events plus jdk.ThreadPark
 * events (parking with a blocker, threshold 0) over several chunks.
 *
 * <p>HOW TO RUN (after {@code ./mvnw -pl analyzer -am package -DskipTests}):
 *
 * <pre>
 * java -cp analyzer/target/test-classes:analyzer/target/gilscope-analyzer.jar \
 *      dev.gilscope.analyzer.bench.AnalyzerBenchmark /tmp/bench.jfr 2000000
 * </pre>
 */
public final class AnalyzerBenchmark {
  private AnalyzerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "/tmp/gilscope-bench.jfr");
    long events = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
    if (!Files.exists(file)) {
      generate(file, events);
    }
    System.out.printf(Locale.ROOT, "recording %s: %.1f MB%n", file, Files.size(file) / 1e6);
    String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
    double summary = best(() -> run(jfr, "summary", file.toString()));
    double analyze = best(() -> analyse(file));
    System.out.printf(Locale.ROOT, "jfr summary: %.2f s%n", summary);
    System.out.printf(
        Locale.ROOT,
        "gilscope analyze (in-process reader, %d cores): %.2f s = %.2fx jfr summary%n",
        Runtime.getRuntime().availableProcessors(),
        analyze,
        analyze / summary);
    if (args.length > 2 && args[2].equals("--print")) {
      double print = best(() -> run(jfr, "print", file.toString()));
      System.out.printf(Locale.ROOT, "jfr print: %.2f s%n", print);
    }
  }

  interface Timed {
    void run() throws Exception;
  }

  private static double best(Timed t) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      t.run();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return best;
  }

  private static void analyse(Path file) throws Exception {
    new RecordingReader(Runtime.getRuntime().availableProcessors(), 1_000_000_000L, null)
        .read(file);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  private static void generate(Path file, long events) throws Exception {
    Object blocker = new Object();
    try (Recording r = new Recording()) {
      r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withoutStackTrace();
      r.enable("gilscope.MonitorAcquire").withoutStackTrace();
      r.enable("gilscope.MonitorHold").withoutStackTrace();
      r.enable("jdk.CPUInformation");
      r.setMaxSize(Long.MAX_VALUE);
      r.setToDisk(true);
      r.start();
      for (long i = 0; i < events / 3; i++) {
        LockSupport.parkNanos(blocker, 1);
        FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
        a.begin();
        a.monitor(1, "bench#GIL");
        a.contended = true;
        a.sequence = i;
        a.end();
        a.commit();
        FakeAgentEvents.MonitorHold h = new FakeAgentEvents.MonitorHold();
        h.begin();
        h.monitor(1, "bench#GIL");
        h.sequence = i;
        h.end();
        h.commit();
      }
      r.stop();
      r.dump(file);
    }
  }
}
