package dev.gilscope.itapps.plugin;

/**
 * A plug-in's global monitor: packaged by the tests into a jar that is not on the application's
 * class path, and loaded by {@link dev.gilscope.itapps.PluginHost} through its own class loader
 * after start-up. Depends on nothing but the JDK.
 */
public final class PluginGil {
  static final Object GIL = new Object();
  static long counter;

  private PluginGil() {}

  /** T threads x N acquisitions of {@link #GIL}, some reentrant; returns the acquisitions. */
  public static long run(int threads, int iterations) throws InterruptedException {
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> work(iterations), "plugin-worker-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return (long) threads * iterations;
  }

  private static void work(int iterations) {
    for (int i = 0; i < iterations; i++) {
      synchronized (GIL) {
        counter++;
        if (i % 10 == 0) {
          synchronized (GIL) { // reentry: not an acquisition
            counter++;
          }
        }
      }
    }
  }
}
