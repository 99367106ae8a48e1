package dev.gilscope.demo.countdown;

/**
 * The body of one child JVM of the countdown's "two processes" run: counts its share down under its
 * own GIL (a process has its own interpreter, so its GIL is never contended) and exits. Started by
 * {@link CountdownScenario} as {@code DemoMain countdown-child <n> <checkInterval>}.
 */
public final class CountdownChild {
  public static final String COMMAND = "countdown-child";

  /** The line prefix under which a child reports its counting time, for the parent to read. */
  static final String COUNTING_NANOS = "counting_nanos=";

  private CountdownChild() {}

  public static void main(String[] args) {
    long n = Long.parseLong(args[0]);
    int checkInterval = Integer.parseInt(args[1]);
    long startNanos = System.nanoTime();
    long executed = Countdown.countUnderGil(n, checkInterval);
    long countingNanos = System.nanoTime() - startNanos;
    System.out.printf(
        "child counted %d (%d instructions) in %.3f ms%n", n, executed, countingNanos / 1e6);
    System.out.println(COUNTING_NANOS + countingNanos);
  }
}
