package dev.gilscope.bench;

/**
 * An interpreter-style GIL workload: two threads each take the global monitor, run a window of
 * {@code ops} dependent multiply-adds (the "100 instructions" between GIL releases), release it and
 * take it again, {@code count} times. Prints the wall time and the acquisition rate. Args: count
 * ops.
 */
public final class GilBench {
  static final Object GIL = new Object();
  static long state = 1;

  private GilBench() {}

  public static void main(String[] args) throws InterruptedException {
    int count = Integer.parseInt(args[0]);
    int ops = Integer.parseInt(args[1]);
    runThreads(count / 10, ops); // warm-up
    long start = System.nanoTime();
    runThreads(count, ops);
    long wallNanos = System.nanoTime() - start;
    System.out.printf(
        "wallMs=%.1f acquisitionsPerSecond=%.0f state=%d%n",
        wallNanos / 1e6, 2.0 * count / (wallNanos / 1e9), state);
  }

  static void runThreads(int count, int ops) throws InterruptedException {
    Thread a = new Thread(() -> interpret(count, ops), "interp-1");
    Thread b = new Thread(() -> interpret(count, ops), "interp-2");
    a.start();
    b.start();
    a.join();
    b.join();
  }

  static void interpret(int count, int ops) {
    for (int i = 0; i < count; i++) {
      synchronized (GIL) {
        long s = state;
        for (int op = 0; op < ops; op++) {
          s = s * 6364136223846793005L + 1442695040888963407L;
        }
        state = s;
      }
    }
  }
}
