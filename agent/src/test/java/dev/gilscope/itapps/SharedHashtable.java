package dev.gilscope.itapps;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code monitor=java.util.Hashtable} with real contention: threads hammer one shared table through
 * its own type and through the {@code Map} interface, and every so often call {@code put(null, v)},
 * which throws inside the synchronized JDK method. Each thread's acquisitions are known exactly.
 */
final class SharedHashtable {
  private SharedHashtable() {}

  static void run(int threads, int iterations) throws InterruptedException {
    Hashtable<Integer, Integer> table = new Hashtable<>();
    Map<Integer, Integer> asMap = table;
    CountDownLatch start = new CountDownLatch(1);
    long[] thrown = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] =
          new Thread(
              () -> {
                awaitQuietly(start);
                for (int i = 0; i < iterations; i++) {
                  table.put(i % 512, i);
                  asMap.get(i % 512);
                  if (i % 100 == 0) {
                    try {
                      table.put(null, i);
                    } catch (NullPointerException expected) {
                      thrown[id]++;
                    }
                  }
                }
              },
              "shared-table-" + t);
      workers[t].start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    long perThread = 2L * iterations + (iterations + 99) / 100;
    for (long n : thrown) {
      if (n != (iterations + 99) / 100) {
        throw new AssertionError("put(null, v) threw " + n + " times");
      }
    }
    // one more acquisition, by this thread: a monitor left held by a throwing put would hang it
    // here
    int size = table.size();
    Scenarios.expect(
        "shared.name",
        "java.util.Hashtable@" + Integer.toHexString(System.identityHashCode(table)));
    Scenarios.expect("shared.size", size);
    Scenarios.expect("shared.perThread", perThread);
    Scenarios.expect("shared.acquisitions", perThread * threads + 1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
