package dev.gilscope.itapps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads (JDK 21+, created reflectively so this compiles for release 17) contending for
 * the global monitor. Each virtual thread is its own owner in the events.
 */
final class VirtualThreadsApp {
  static final Object VGIL = new Object();
  static long counter;

  private VirtualThreadsApp() {}

  static void run(int threads, int iterations) throws Exception {
    ExecutorService executor =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    for (int t = 0; t < threads; t++) {
      executor.execute(
          () -> {
            for (int i = 0; i < iterations; i++) {
              synchronized (VGIL) {
                counter++;
                if (i % 10 == 0) {
                  Thread.yield();
                }
              }
            }
          });
    }
    executor.shutdown();
    if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("virtual threads did not finish");
    }
    Scenarios.expect("virtual.acquisitions", (long) threads * iterations);
    Scenarios.expect("virtual.threads", threads);
  }
}
