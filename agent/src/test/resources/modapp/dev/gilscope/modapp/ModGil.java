package dev.gilscope.modapp;

/**
 * A GIL inside a named module, launched with {@code --module-path} and {@code -m}: T threads x N
 * acquisitions of one global monitor. Prints the exact expected count and its module's name.
 */
public final class ModGil {
  static final Object GIL = new Object();
  static long counter;

  private ModGil() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = 3;
    int iterations = 15_000;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> work(iterations), "mod-worker-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    System.out.println("mod.module=" + ModGil.class.getModule().getName());
    System.out.println("mod.acquisitions=" + (long) threads * iterations);
  }

  private static void work(int iterations) {
    for (int i = 0; i < iterations; i++) {
      synchronized (GIL) {
        counter++;
      }
    }
  }
}
