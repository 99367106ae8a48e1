package dev.gilscope.demo.countdown;

import dev.gilscope.demo.JavaCommand;
import dev.gilscope.demo.Lingering;
import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import dev.gilscope.demo.interp.Programs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/*
 * Seed 004: "count down 50,000,000 as one thread, as two threads, as two processes".
 *
 * CPython took 6.20 s for one thread, 6.92 s for two threads of 25,000,000 each (slower than
 * one!) and 4.06 s for two processes. The GIL serializes the two threads: only one of them can
 * interpret bytecode at a time, and handing the lock back and forth costs extra. Two processes
 * each have their own interpreter and their own GIL, so they really run in parallel.
 *
 * Here the countdown is interpreted by MiniVm (6 bytecodes per decrement, so the JIT cannot fold
 * the loop away) and the GIL is a monitor taken around every 100 instructions, CPython's "ticks".
 * Four runs of the same total work:
 *   1 thread               one thread, GIL uncontended             (the baseline)
 *   2 threads, GIL         two threads of n/2 under one GIL        (must NOT beat the baseline)
 *   2 threads, no lock     two threads of n/2, no lock at all      (what the cores could do)
 *   2 processes            two child JVMs of n/2, one GIL each     (must beat the baseline)
 * The child JVMs' time includes starting the JVM, as multiprocessing.Pool's includes forking.
 *
 * Expected verdict: SERIALIZATION on Countdown#GIL (held nearly all the wall time by one of two
 * runnable threads; speed-up bound 1.0 on the machine's cores).
 */

/**
 * Seed 004's countdown: one thread, two threads under a GIL, two threads with no lock, two
 * processes.
 */
public final class CountdownScenario implements Scenario {
  private static final long CHILD_TIMEOUT_SECONDS = 120;

  @Override
  public String name() {
    return "countdown";
  }

  @Override
  public String summary() {
    return "the countdown: 1 thread vs 2 threads under a GIL vs 2 threads unlocked vs 2 processes";
  }

  @Override
  public String seed() {
    return "two threads under the GIL are slower than one, two processes are faster";
  }

  @Override
  public String expectedFinding() {
    return "SERIALIZATION on Countdown#GIL: held nearly all the time, speed-up bound ~1 on these cores";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + Countdown.class.getName() + "#GIL";
  }

  /** One repetition in the tour: under the agent each one takes several seconds. */
  @Override
  public List<String> tourArguments(boolean quick) {
    return quick ? List.of("--quick") : List.of("--repeat", "1");
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        new OptionSpec(
            "size", "N", "50000000", "20000000", "total decrements, split evenly between workers"),
        OptionSpec.threads(2, "threads (and processes) that share the countdown"),
        new OptionSpec(
            "check-interval", "I", "100", "100", "instructions interpreted per GIL hold (ticks)"),
        new OptionSpec(
            "repeat",
            "R",
            "3",
            "2",
            "interleaved runs of each variant; the table shows the fastest"),
        OptionSpec.quick());
  }

  @Override
  public void run(ScenarioOptions options, PrintStream out) throws Exception {
    long size = options.longValue("size");
    int workers = Math.max(1, options.intValue("threads"));
    int checkInterval = Math.max(1, options.intValue("check-interval"));
    int repeat = Math.max(1, options.intValue("repeat"));
    long share = Math.max(1, size / workers);
    int cores = Runtime.getRuntime().availableProcessors();

    out.printf(
        "countdown of %,d (%d bytecodes per decrement), GIL released every %d instructions, %d cores%n",
        size, Programs.COUNTDOWN_INSTRUCTIONS_PER_DECREMENT, checkInterval, cores);
    out.println("agent options: " + agentOptions());
    warmUp(checkInterval);

    long oneThread = Long.MAX_VALUE;
    long gil = Long.MAX_VALUE;
    long noLock = Long.MAX_VALUE;
    long processes = Long.MAX_VALUE;
    long processesCounting = Long.MAX_VALUE;
    for (int r = 0; r < repeat; r++) {
      oneThread =
          Math.min(oneThread, timeThreads(1, () -> Countdown.countUnderGil(size, checkInterval)));
      gil =
          Math.min(gil, timeThreads(workers, () -> Countdown.countUnderGil(share, checkInterval)));
      noLock =
          Math.min(
              noLock, timeThreads(workers, () -> Countdown.countWithoutLock(share, checkInterval)));
      ProcessTiming timing = timeProcesses(workers, share, checkInterval);
      processes = Math.min(processes, timing.wallNanos());
      processesCounting = Math.min(processesCounting, timing.countingNanos());
    }

    Table table = new Table("run", "wall ms", "vs 1 thread", "Mdecrements/s");
    table.row(
        "1 thread (GIL, uncontended)", Table.millis(oneThread), "1.00x", rate(size, oneThread));
    table.row(
        workers + " threads, one GIL", Table.millis(gil), ratio(oneThread, gil), rate(size, gil));
    table.row(
        workers + " threads, no lock",
        Table.millis(noLock),
        ratio(oneThread, noLock),
        rate(size, noLock));
    table.row(
        workers + " processes",
        Table.millis(processes),
        ratio(oneThread, processes),
        rate(size, processes));
    table.row(
        "  of which counting",
        Table.millis(processesCounting),
        ratio(oneThread, processesCounting),
        rate(size, processesCounting));
    out.println();
    table.print(out);
    out.println();
    out.println(
        "(\"vs 1 thread\" is the speed-up: above 1.00x is faster than one thread; the processes'"
            + " wall time includes starting the JVMs, \"of which counting\" is the slower child's"
            + " own counting time)");
    out.println(
        new ResultLine(name())
            .put("size", size)
            .put("workers", workers)
            .put("cores", cores)
            .put("one_thread_ms", oneThread / 1e6)
            .put("gil_threads_ms", gil / 1e6)
            .put("nolock_threads_ms", noLock / 1e6)
            .put("processes_ms", processes / 1e6)
            .put("gil_speedup", (double) oneThread / gil)
            .put("processes_speedup", (double) oneThread / processes)
            .put("processes_counting_ms", processesCounting / 1e6));
  }

  /** Compiles the interpreter loop (with and without the monitor) before anything is timed. */
  private static void warmUp(int checkInterval) {
    for (int i = 0; i < 3; i++) {
      Countdown.countUnderGil(2_000_000, checkInterval);
      Countdown.countWithoutLock(2_000_000, checkInterval);
    }
  }

  private static long timeThreads(int count, Runnable work) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(count);
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Thread thread =
          new Thread(
              () -> {
                work.run();
                finished.countDown();
                Lingering.untilExit();
              },
              "countdown-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    finished.await(); // the threads linger afterwards (see Lingering), so no join
    return System.nanoTime() - start;
  }

  /** Wall time of the child JVMs from start to exit, and the slowest child's counting time. */
  private record ProcessTiming(long wallNanos, long countingNanos) {}

  private static ProcessTiming timeProcesses(int count, long share, int checkInterval)
      throws IOException, InterruptedException {
    List<String> command =
        JavaCommand.demoMain(
            List.of(),
            List.of(CountdownChild.COMMAND, Long.toString(share), Integer.toString(checkInterval)));
    List<Process> children = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
    }
    long counting = 0;
    for (Process child : children) {
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      counting = Math.max(counting, countingNanos(output));
      if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new IOException("countdown child did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
      }
      if (child.exitValue() != 0) {
        throw new IOException("countdown child failed with exit code " + child.exitValue());
      }
    }
    return new ProcessTiming(System.nanoTime() - start, counting);
  }

  private static long countingNanos(String childOutput) throws IOException {
    for (String line : childOutput.split("\\R", -1)) {
      if (line.startsWith(CountdownChild.COUNTING_NANOS)) {
        return Long.parseLong(line.substring(CountdownChild.COUNTING_NANOS.length()).trim());
      }
    }
    throw new IOException("countdown child reported no counting time: " + childOutput.strip());
  }

  private static String ratio(long baselineNanos, long nanos) {
    return Table.fixed2((double) baselineNanos / nanos) + "x";
  }

  private static String rate(long decrements, long nanos) {
    return Table.fixed2(decrements / (nanos / 1e3));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar countdown [--size 50000000] [--repeat 3]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.demo.countdown.Countdown#GIL,file=countdown.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar countdown
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze countdown.jfr
   */
}
