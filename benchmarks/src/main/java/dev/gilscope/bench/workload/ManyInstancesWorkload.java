package dev.gilscope.bench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code monitor=<class>} on a class with millions of instances: {@code threads} threads each lock
 * {@code instances} new {@link Session} objects once, as a service does with a per-request object;
 * with {@code --shared-every N} each thread also locks one {@link #SHARED} session after every
 * {@code N} of its own, the one instance that is everybody's monitor. Prints one {@code
 * gilscope-instances key=value ...} line: the exact acquisitions of the class (counted by the
 * threads themselves), of the shared instance, the time the threads took ({@code nanos}, wall) and
 * the CPU time they used ({@code cpuNanos}, summed over the threads, each from its start to the end
 * of its loop).
 *
 * <p>HOW TO RUN: {@code java -cp benchmarks/target/gilscope-benchmarks.jar
 * dev.gilscope.bench.workload.ManyInstancesWorkload --instances 2000000 [--shared-every 4]}, with
 * or without {@code -javaagent:agent/target/gilscope-agent.jar=monitor=
 * dev.gilscope.bench.workload.ManyInstancesWorkload$Session,file=s.jfr}.
 */
public final class ManyInstancesWorkload {
  /** The monitor class: one instance per unit of work. */
  public static final class Session {
    long touched;
  }

  /** The instance every thread locks with {@code --shared-every}. */
  public static final Session SHARED = new Session();

  // the threads' own CPU time: a per-acquisition cost that other processes' load does not inflate
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ManyInstancesWorkload() {}

  public static void main(String[] args) throws Exception {
    int threads = 2;
    int instances = 2_000_000;
    int sharedEvery = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--threads" -> threads = value;
        case "--instances" -> instances = value;
        case "--shared-every" -> sharedEvery = value;
        default -> {
          System.err.println("gilscope-instances: unknown option '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    long[] own = new long[threads];
    long[] shared = new long[threads];
    long[] cpu = new long[threads];
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    Thread[] workers = new Thread[threads];
    int perThread = instances;
    int every = sharedEvery;
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] =
          new Thread(
              () -> {
                await(start);
                Session[] recent = new Session[1024];
                for (int i = 1; i <= perThread; i++) {
                  own[index] += handleRequest(recent, i);
                  if (every > 0 && i % every == 0) {
                    shared[index] += touchShared();
                  }
                }
                cpu[index] = THREADS.getCurrentThreadCpuTime();
              },
              "instances-" + t);
      workers[t].start();
    }
    await(start);
    long begin = System.nanoTime();
    for (Thread w : workers) {
      w.join();
    }
    long nanos = System.nanoTime() - begin;
    long ownTotal = 0;
    long sharedTotal = 0;
    long cpuTotal = 0;
    for (int t = 0; t < threads; t++) {
      ownTotal += own[t];
      sharedTotal += shared[t];
      cpuTotal += cpu[t];
    }
    System.out.printf(
        "gilscope-instances threads=%d instances=%d sharedAcquisitions=%d classAcquisitions=%d"
            + " nanos=%d cpuNanos=%d%n",
        threads, ownTotal, sharedTotal, ownTotal + sharedTotal, nanos, cpuTotal);
  }

  /**
   * One unit of work: a new session, locked once (a method, as request handling is) and kept among
   * the thread's recent ones, so that it is really allocated with or without the agent (a session
   * that never escaped would be optimized away by the JIT, lock and all, without the agent).
   */
  private static int handleRequest(Session[] recent, int i) {
    Session s = new Session();
    recent[i & (recent.length - 1)] = s;
    synchronized (s) {
      s.touched++;
    }
    return 1;
  }

  private static int touchShared() {
    synchronized (SHARED) {
      SHARED.touched++;
    }
    return 1;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
