package dev.gilscope.itapps;

import java.util.Hashtable;

/**
 * {@code monitor=java.util.Hashtable}: a JDK class loaded long before the agent, whose synchronized
 * methods the application calls (the call site takes the monitor, the method's own entry is free),
 * plus a synchronized block on the table with a call inside it (one reentry).
 */
final class HashtableApp {
  private HashtableApp() {}

  static void run(int threads, int iterations) throws InterruptedException {
    Hashtable<Integer, Integer> table = new Hashtable<>();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int base = t * iterations;
      workers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < iterations; i++) {
                  table.put(base + i, i);
                  table.get(base + i);
                  synchronized (table) {
                    var unused = table.size();
                  }
                }
              },
              "hashtable-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    Scenarios.expect(
        "hashtable.name",
        "java.util.Hashtable@" + Integer.toHexString(System.identityHashCode(table)));
    Scenarios.expect("hashtable.acquisitions", (long) threads * iterations * 3);
    Scenarios.expect("hashtable.reentrant", (long) threads * iterations);
  }
}
