package dev.gilscope.demo.interp;

import dev.gilscope.demo.Lingering;
import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.Percentiles;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import java.io.PrintStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared shape of the I/O-vs-CPU scenarios: an I/O-bound thread ({@code io-bound-1}) makes
 * {@code --requests} blocking round trips to a loopback echo server, first alone, then while {@code
 * --threads} CPU-bound threads ({@code cpu-bound-1..N}) interpret; prints the I/O thread's
 * response-time percentiles for both runs and the increase factor.
 */
public abstract class IoScenario implements Scenario {
  private static final long CPU_WARM_UP_NANOS = 100_000_000L;

  /** A fresh GIL discipline for one run. */
  protected abstract IoWorkload newWorkload(ScenarioOptions options);

  /** Options beyond the common ones. */
  protected List<OptionSpec> extraOptions() {
    return List.of();
  }

  @Override
  public final List<OptionSpec> options() {
    List<OptionSpec> options = new ArrayList<>();
    options.add(OptionSpec.threads(1, "CPU-bound threads beside the I/O-bound thread"));
    options.add(
        new OptionSpec(
            "requests", "N", "300", "100", "round trips of the I/O-bound thread per run"));
    options.add(
        new OptionSpec(
            "check-interval", "I", "100", "100", "instructions between two checks of the GIL"));
    options.add(
        new OptionSpec(
            "io-latency-us", "US", "500", "500", "the echo server's service latency per request"));
    options.addAll(extraOptions());
    options.add(OptionSpec.quick());
    return options;
  }

  @Override
  public final void run(ScenarioOptions options, PrintStream out) throws Exception {
    int cpuThreads = Math.max(1, options.intValue("threads"));
    int requests = Math.max(1, options.intValue("requests"));
    out.printf(
        "%s: io-bound-1 makes %d loopback round trips (server latency %d us), alone and beside %d CPU-bound thread(s), %d cores%n",
        name(),
        requests,
        options.longValue("io-latency-us"),
        cpuThreads,
        Runtime.getRuntime().availableProcessors());
    out.println("agent options: " + agentOptions());

    try (EchoServer server = new EchoServer(options.longValue("io-latency-us") * 1000)) {
      runOnce(server, options, 0, Math.min(requests, 100)); // warm-up: compile the I/O path
      Run alone = runOnce(server, options, 0, requests);
      Run withCpu = runOnce(server, options, cpuThreads, requests);
      Percentiles a = alone.responseTimes;
      Percentiles c = withCpu.responseTimes;

      out.println();
      Table table =
          new Table("run", "requests", "p50 us", "p90 us", "p99 us", "max us", "CPU Minstr/s");
      table.row(
          "I/O thread alone",
          a.count(),
          micros(a.p50()),
          micros(a.p90()),
          micros(a.p99()),
          micros(a.max()),
          "-");
      table.row(
          "I/O thread + " + cpuThreads + " CPU-bound",
          c.count(),
          micros(c.p50()),
          micros(c.p90()),
          micros(c.p99()),
          micros(c.max()),
          Table.fixed2(withCpu.cpuInstructions / (withCpu.wallNanos / 1e3)));
      table.print(out);
      double p50Increase = (double) c.p50() / Math.max(1, a.p50());
      double p99Increase = (double) c.p99() / Math.max(1, a.p99());
      out.println();
      out.printf(
          "response time with the CPU-bound thread: p50 x%.1f, p99 x%.1f%n",
          p50Increase, p99Increase);
      if (!withCpu.description.isEmpty()) {
        out.println(withCpu.description);
      }
      out.println(
          new ResultLine(name())
              .put("requests", requests)
              .put("cpu_threads", cpuThreads)
              .put("alone_p50_us", a.p50() / 1e3)
              .put("alone_p99_us", a.p99() / 1e3)
              .put("with_cpu_p50_us", c.p50() / 1e3)
              .put("with_cpu_p99_us", c.p99() / 1e3)
              .put("with_cpu_max_us", c.max() / 1e3)
              .put("p50_increase", p50Increase)
              .put("p99_increase", p99Increase));
    }
  }

  private record Run(
      Percentiles responseTimes, long cpuInstructions, long wallNanos, String description) {}

  private Run runOnce(EchoServer server, ScenarioOptions options, int cpuThreads, int requests)
      throws Exception {
    IoWorkload workload = newWorkload(options);
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(cpuThreads + 1);
    AtomicLong cpuInstructions = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch cpuStarted = new CountDownLatch(cpuThreads);
    List<Thread> cpu = new ArrayList<>();
    for (int i = 1; i <= cpuThreads; i++) {
      int seed = i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  MiniVm vm = Programs.busyLoop(seed); // in this thread's TLAB
                  cpuStarted.countDown();
                  cpuInstructions.addAndGet(workload.cpuBound(vm, stopped::get));
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                }
                finished.countDown();
                Lingering.untilExit();
              },
              "cpu-bound-" + i);
      thread.setDaemon(true);
      cpu.add(thread);
    }
    long[] responseNanos = new long[requests];
    CountDownLatch ioDone = new CountDownLatch(1);
    Thread io =
        new Thread(
            () -> {
              MiniVm vm = Programs.busyLoop(-1);
              byte[] message = new byte[EchoServer.MESSAGE_BYTES];
              try (Socket socket = server.connect()) {
                workload.ioBegin();
                try {
                  for (int r = 0; r < requests; r++) {
                    responseNanos[r] = workload.ioRequest(socket, message, vm);
                  }
                } finally {
                  workload.ioEnd();
                }
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
              }
              ioDone.countDown();
              finished.countDown();
              Lingering.untilExit();
            },
            "io-bound-1");
    io.setDaemon(true);

    long cpuStart = System.nanoTime();
    cpu.forEach(Thread::start);
    cpuStarted.await();
    if (cpuThreads > 0) {
      Thread.sleep(CPU_WARM_UP_NANOS / 1_000_000); // let the CPU-bound threads own the GIL first
    }
    io.start();
    ioDone.await();
    stopped.set(true);
    long cpuWall = System.nanoTime() - cpuStart;
    finished.await(); // the threads linger afterwards (see Lingering), so no join
    if (failure.get() != null) {
      throw new IllegalStateException("a scenario thread failed: " + failure.get(), failure.get());
    }
    return new Run(
        Percentiles.of(responseNanos, requests),
        cpuInstructions.get(),
        cpuWall,
        workload.describe());
  }

  private static String micros(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e3);
  }
}
