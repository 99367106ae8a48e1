package dev.gilscope.demo.countdown;

/**
 * The body of one child JVM of the countdown's "two processes" run: counts its share down under its
 * own GIL (a process has its own interpreter, so its GIL is never contended) and exits. Started by
 * {@link CountdownScenario} as {@code DemoMain countdown-child <n> <checkInterval>}.
 */
public final class CountdownChild {
  public static final String COMMAND = "countdown-child";

  private CountdownChild() {}

  public static void main(String[] args) {
    long n = Long.parseLong(args[0]);
    int checkInterval = Integer.parseInt(args[1]);
    long startNanos = System.nanoTime();
    long executed = Countdown.countUnderGil(n, checkInterval);
    System.out.printf(
        "child counted %d (%d instructions) in %.3f ms%n",
        n, executed, (System.nanoTime() - startNanos) / 1e6);
  }
}
