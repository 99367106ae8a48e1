package dev.gilscope.analyzer.bench;

import dev.gilscope.analyzer.read.RecordingReader;
import dev.gilscope.analyzer.testing.FakeAgentEvents;
import dev.gilscope.contract.GilscopeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Not a test: measures the analyzer's wall time on a large generated recording against {@code jfr
 * summary} and {@code jfr print}, side by side in one run: the CLI in a fresh JVM with {@code
 * -Xmx256m} (gilscope's decoder, then the JDK's EventStream with {@code -Dgilscope.parser=jdk}),
 * and the reader in this (warm) JVM (median of the runs). Prints the load average with the figures:
 * the machine is shared. Generates gilscope-shaped acquire/hold events plus jdk.ThreadPark events
 * (parking with a blocker, threshold 0) over several chunks when the file does not exist.
 *
 * <p>HOW TO RUN (after {@code ./mvnw -pl analyzer -am package -DskipTests}):
 *
 * <pre>
 * java -cp analyzer/target/test-classes:analyzer/target/gilscope-analyzer.jar \
 *      dev.gilscope.analyzer.bench.AnalyzerBenchmark /tmp/bench.jfr 3000000 [--print]
 * </pre>
 *
 * ({@code -Dgilscope.jar=...} points at another analyzer jar; {@code -Dbench.runs=N}, default 5,
 * runs each N times, the tools taking turns, and reports the median and the fastest run.)
 */
public final class AnalyzerBenchmark {
  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  private AnalyzerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "/tmp/gilscope-bench.jfr");
    long events = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
    if (!Files.exists(file)) {
      generate(file, events);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
    String jar = System.getProperty("gilscope.jar", "analyzer/target/gilscope-analyzer.jar");
    RecordingReader.ReadResult read = reader(RecordingReader.Parser.AUTO).read(file);
    long analysed = read.recording().eventCounts().values().stream().mapToLong(n -> n).sum();
    System.out.printf(
        Locale.ROOT,
        "recording %s: %.1f MB, %d chunks, %,d events of the analysed types; %d cores, load %s%n",
        file,
        Files.size(file) / 1e6,
        read.recording().chunks(),
        analysed,
        Runtime.getRuntime().availableProcessors(),
        load());
    String[] cli = {java, "-Xmx256m", "-jar", jar, "analyze", file.toString(), "--format", "json"};
    String[] jdkCli = {
      java,
      "-Xmx256m",
      "-Dgilscope.parser=jdk",
      "-jar",
      jar,
      "analyze",
      file.toString(),
      "--format",
      "json"
    };
    // the tools take turns, so that a change in the machine's load touches all of them alike
    double[][] t = new double[3][RUNS];
    for (int i = 0; i < RUNS; i++) {
      t[0][i] = seconds(() -> run(jfr, "summary", file.toString()));
      t[1][i] = seconds(() -> run(cli));
      t[2][i] = seconds(() -> run(jdkCli));
    }
    double summary = median(t[0]);
    report("jfr summary", t[0], summary, analysed);
    report("gilscope analyze -Xmx256m (decoder)", t[1], summary, analysed);
    report("gilscope analyze -Xmx256m (EventStream)", t[2], summary, analysed);
    report(
        "reader in a warm JVM (decoder)",
        median(() -> reader(RecordingReader.Parser.AUTO).read(file)),
        summary,
        analysed);
    report(
        "reader in a warm JVM (EventStream)",
        median(() -> reader(RecordingReader.Parser.JDK).read(file)),
        summary,
        analysed);
    if (args.length > 2 && args[2].equals("--print")) {
      long start = System.nanoTime();
      run(jfr, "print", file.toString());
      report("jfr print (once)", (System.nanoTime() - start) / 1e9, summary, analysed);
    }
  }

  private static void report(String what, double seconds, double summary, long events) {
    System.out.printf(
        Locale.ROOT,
        "%-42s %7.2f s %6.2fx jfr summary %,12.0f events/s  (load %s)%n",
        what,
        seconds,
        seconds / summary,
        events / seconds,
        load());
  }

  /** Median of the runs (the fastest in brackets). */
  private static void report(String what, double[] runs, double summary, long events) {
    double median = median(runs);
    System.out.printf(
        Locale.ROOT,
        "%-42s %7.2f s %6.2fx jfr summary %,12.0f events/s  (fastest %.2f s; load %s)%n",
        what,
        median,
        median / summary,
        events / median,
        Arrays.stream(runs).min().orElse(median),
        load());
  }

  private static double median(double[] runs) {
    double[] sorted = runs.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double seconds(Timed t) throws Exception {
    long start = System.nanoTime();
    t.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private static RecordingReader reader(RecordingReader.Parser parser) {
    return new RecordingReader(
        Runtime.getRuntime().availableProcessors(),
        RecordingReader.DEFAULT_WINDOW_NANOS,
        null,
        parser);
  }

  interface Timed {
    void run() throws Exception;
  }

  private static double median(Timed t) throws Exception {
    double[] runs = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      runs[i] = seconds(t);
    }
    return median(runs);
  }

  private static void run(String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  private static void generate(Path file, long events) throws Exception {
    Object blocker = new Object();
    try (Recording r = new Recording()) {
      r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withoutStackTrace();
      r.enable(GilscopeEvents.MONITOR_ACQUIRE).withoutStackTrace();
      r.enable(GilscopeEvents.MONITOR_HOLD).withoutStackTrace();
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
