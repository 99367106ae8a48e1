package dev.gilscope.bench.scale;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes the analyzer's scale recordings when run under the agent (issue 14):
 *
 * <ul>
 *   <li>{@code threads N [times]}: N virtual threads (JDK 21+) each take one {@code synchronized}
 *       monitor, {@link #GLOBAL}, {@code times} times: the modern Java GIL at server scale. Record
 *       with {@code monitor=dev.gilscope.bench.scale.ScaleWorkload#GLOBAL}.
 *   <li>{@code monitors M [threads]}: M instances of {@link SessionEntry}, each locked by a few of
 *       {@code threads} platform threads: a cache or session class with many live instances. Record
 *       with {@code monitor=dev.gilscope.bench.scale.SessionEntry}.
 * </ul>
 *
 * <p>Compiled for Java 17 like the rest of the build, so virtual threads are reached by reflection
 * and the threads mode needs a JDK 21+ at run time.
 */
public final class ScaleWorkload {
  /** The one monitor every virtual thread takes. */
  public static final Object GLOBAL = new Object();

  private static long sink;

  private ScaleWorkload() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ScaleWorkload threads <count> [times] | monitors <count> [threads]");
      System.exit(2);
    }
    int count = Integer.parseInt(args[1]);
    long start = System.nanoTime();
    if (args[0].equals("threads")) {
      int times = args.length > 2 ? Integer.parseInt(args[2]) : 5;
      manyThreads(count, times);
    } else if (args[0].equals("monitors")) {
      int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
      manyMonitors(count, threads);
    } else {
      System.err.println("ScaleWorkload: unknown mode '" + args[0] + "'");
      System.exit(2);
    }
    System.out.printf(
        "%s %d: %d ms (sink %d)%n", args[0], count, (System.nanoTime() - start) / 1_000_000, sink);
  }

  private static void manyThreads(int count, int times) throws Exception {
    Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    ExecutorService pool = (ExecutorService) factory.invoke(null);
    for (int i = 0; i < count; i++) {
      pool.execute(
          () -> {
            for (int k = 0; k < times; k++) {
              synchronized (GLOBAL) {
                sink += work(200);
              }
              Thread.yield();
            }
          });
    }
    awaitEnd(pool);
  }

  private static void manyMonitors(int count, int threads) throws InterruptedException {
    List<SessionEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(new SessionEntry(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int offset = t;
      pool.execute(
          () -> {
            // each thread walks every entry from its own starting point, so that each instance is
            // taken by every thread and some of them at the same time
            for (int round = 0; round < 3; round++) {
              for (int i = 0; i < count; i++) {
                entries.get((i + offset * 7) % count).touch();
              }
            }
          });
    }
    awaitEnd(pool);
  }

  private static void awaitEnd(ExecutorService pool) throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the workload did not finish in 10 minutes");
    }
  }

  static long work(int n) {
    long x = n;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x & 1;
  }
}
