package dev.gilscope.bench.startup;

/**
 * The one-class program whose start-up {@link StartupBenchmark} times: it takes its global monitor
 * a thousand times on the main thread and prints one line. Copied alone into a class directory, so
 * the child JVM's class path holds nothing else.
 */
public final class StartupProgram {
  /** Tracked by the agent configurations: {@code monitor=...StartupProgram#GIL}. */
  static final Object GIL = new Object();

  static final int ACQUISITIONS = 1000;

  private StartupProgram() {}

  public static void main(String[] args) {
    long sum = 0;
    for (int i = 0; i < ACQUISITIONS; i++) {
      synchronized (GIL) {
        sum += i;
      }
    }
    System.out.println("started " + sum);
  }
}
