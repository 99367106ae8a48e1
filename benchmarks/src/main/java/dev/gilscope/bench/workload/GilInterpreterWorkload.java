package dev.gilscope.bench.workload;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * An interpreter-style global-lock workload: {@code threads} threads run {@link TinyInterpreter}
 * under one global interpreter lock, {@code synchronized} on the static final {@link #GIL}, and
 * release and re-take it every {@code instructionsPerWindow} (100) interpreted instructions, as
 * CPython's eval loop drops the GIL at its switch interval. On the 2-core measurement machine two
 * threads take the lock about 1.8 million times a second, one window every ~550 ns, so this is the
 * worst case for anything that adds cost to a monitor acquisition.
 *
 * <p>The amount of work is fixed ({@code windows} windows per thread), so wall time measures cost.
 * The acquisition count is exact (counted under the lock) and printed, with the timings, as one
 * {@code gilscope-workload key=value ...} line on stdout that {@code OverheadHarness} parses.
 *
 * <p>HOW TO RUN: {@code java -cp benchmarks/target/gilscope-benchmarks.jar
 * dev.gilscope.bench.workload.GilInterpreterWorkload --windows 3000000}, with or without {@code
 * -javaagent:agent/target/gilscope-agent.jar=monitor=
 * dev.gilscope.bench.workload.GilInterpreterWorkload#GIL,file=gil.jfr}.
 */
public final class GilInterpreterWorkload {
  /** The global interpreter lock: the monitor the agent is told to track. */
  public static final InterpreterLock GIL = new InterpreterLock("GIL");

  /**
   * A monitor that exists but is never taken: tracking it instead of {@link #GIL} measures what the
   * agent costs code that synchronizes on objects it does not track.
   */
  public static final InterpreterLock UNUSED_LOCK = new InterpreterLock("UNUSED_LOCK");

  /** Prefix of the result line on stdout. */
  public static final String RESULT_PREFIX = "gilscope-workload";

  private final WorkloadSize size;
  private final TinyInterpreter interpreter = new TinyInterpreter();
  private long acquisitions; // guarded by GIL
  private long halfwayNanos = -1; // guarded by GIL: when the acquisitions passed half the total
  private final long halfway;

  GilInterpreterWorkload(WorkloadSize size) {
    this.size = size;
    this.halfway = size.threads() * size.windowsPerThread() / 2;
  }

  public static void main(String[] args) throws Exception {
    WorkloadSize size;
    try {
      size = WorkloadSize.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("gilscope-workload: " + e.getMessage());
      System.err.println(WorkloadSize.USAGE);
      System.exit(2);
      return;
    }
    WorkloadResult result = new GilInterpreterWorkload(size).run();
    System.out.println(result.toLine());
    if (size.verify() && !result.counterMatches()) {
      System.err.println(
          "gilscope-workload: lost updates, counter "
              + result.counter()
              + " != expected "
              + result.expectedCounter());
      System.exit(1);
    }
  }

  /** Runs the workload on fresh threads and returns its exact counts and timings. */
  WorkloadResult run() throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(size.threads() + 1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < size.threads(); i++) {
      Thread thread = new Thread(() -> interpretUnderGil(start), "interpreter-" + i);
      threads.add(thread);
      thread.start();
    }
    long cpuBefore = processCpuNanos();
    long machineBusyBefore = MachineCpu.busyNanos();
    long jitBefore = jitMillis();
    awaitQuietly(start);
    long startNanos = System.nanoTime();
    for (Thread thread : threads) {
      thread.join();
    }
    long endNanos = System.nanoTime();
    long workloadNanos = endNanos - startNanos;
    long cpuNanos = processCpuNanos() - cpuBefore;
    long machineBusyAfter = MachineCpu.busyNanos();
    long jitAfter = jitMillis();
    long machineBusyNanos =
        machineBusyBefore < 0 || machineBusyAfter < 0 ? -1 : machineBusyAfter - machineBusyBefore;
    // Not under the GIL: a tool that counts the GIL's acquisitions must see exactly the ones the
    // workload reports, and join() already orders the threads' writes before these reads.
    long acquired = acquisitions;
    int counter = interpreter.global(TinyInterpreter.COUNTER_GLOBAL);
    long expected = size.verify() ? expectedCounter() : -1;
    return new WorkloadResult(
        size,
        acquired,
        workloadNanos,
        cpuNanos,
        machineBusyNanos,
        jitBefore < 0 ? -1 : jitAfter - jitBefore,
        halfwayNanos < 0 ? -1 : endNanos - halfwayNanos,
        counter,
        expected);
  }

  private void interpretUnderGil(CyclicBarrier start) {
    TinyInterpreter.Frame frame = new TinyInterpreter.Frame();
    // A field read, not a constant: a constant trip count would let C2 unroll the window loop
    // and coarsen adjacent synchronized blocks into one, hiding the acquisitions we measure.
    int instructionsPerWindow = size.instructionsPerWindow();
    long windows = size.windowsPerThread();
    awaitQuietly(start);
    for (long window = 0; window < windows; window++) {
      synchronized (GIL) {
        if (++acquisitions == halfway) {
          halfwayNanos = System.nanoTime();
        }
        interpreter.interpret(frame, instructionsPerWindow);
      }
    }
  }

  /** The counter's value if no update was lost: each thread's run replayed alone. */
  private long expectedCounter() {
    TinyInterpreter alone = new TinyInterpreter();
    TinyInterpreter.Frame frame = new TinyInterpreter.Frame();
    for (long window = 0; window < size.windowsPerThread(); window++) {
      alone.interpret(frame, size.instructionsPerWindow());
    }
    return (long) alone.global(TinyInterpreter.COUNTER_GLOBAL) * size.threads();
  }

  private static void awaitQuietly(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException("workload start interrupted", e);
    }
  }

  private static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
