package dev.gilscope.bench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What one acquisition of a fresh instance of a {@code monitor=<class>} class costs, in steady
 * state: one thread locks {@code count} new {@link Session}s once each, in rounds, and prints the
 * best round's CPU time per acquisition (the thread's own CPU time, so that other processes' load
 * inflates it least; the first two rounds are warm-up). {@code --method} takes each session's
 * monitor through a synchronized method instead of a block.
 *
 * <p>HOW TO RUN: {@code java -cp benchmarks/target/gilscope-benchmarks.jar
 * dev.gilscope.bench.workload.FreshInstanceCost [--method] [count] [rounds]}, with and without
 * {@code -javaagent:agent/target/gilscope-agent.jar=monitor=
 * dev.gilscope.bench.workload.FreshInstanceCost$Session}; the difference is the agent's cost per
 * acquisition. Prints one {@code gilscope-fresh nsPerAcquisition=... } line.
 */
public final class FreshInstanceCost {
  /** The monitor class. */
  public static final class Session {
    long touched;

    synchronized void touch() {
      touched++;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARM_UP_ROUNDS = 2;

  private FreshInstanceCost() {}

  public static void main(String[] args) {
    boolean method = args.length > 0 && args[0].equals("--method");
    int first = method ? 1 : 0;
    int count = args.length > first ? Integer.parseInt(args[first]) : 5_000_000;
    int rounds = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 12;
    // kept, so that every session is really allocated and locked (else escape analysis removes
    // the lock without the agent)
    Session[] recent = new Session[1024];
    long best = Long.MAX_VALUE;
    long sum = 0;
    for (int r = 0; r < rounds; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < count; i++) {
        sum += method ? lockByMethod(recent, i) : lockByBlock(recent, i);
      }
      long cpu = THREADS.getCurrentThreadCpuTime() - start;
      if (r >= WARM_UP_ROUNDS) {
        best = Math.min(best, cpu);
      }
    }
    System.out.printf(
        "gilscope-fresh nsPerAcquisition=%.1f acquisitions=%d mode=%s%n",
        best / (double) count, sum, method ? "method" : "block");
  }

  private static int lockByBlock(Session[] recent, int i) {
    Session s = new Session();
    recent[i & (recent.length - 1)] = s;
    synchronized (s) {
      s.touched++;
    }
    return 1;
  }

  private static int lockByMethod(Session[] recent, int i) {
    Session s = new Session();
    recent[i & (recent.length - 1)] = s;
    s.touch();
    return 1;
  }
}
