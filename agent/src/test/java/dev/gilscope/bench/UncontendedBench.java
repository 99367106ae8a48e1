package dev.gilscope.bench;

import java.util.Arrays;

/**
 * Nanoseconds per uncontended acquire + release of {@code LOCK} on one thread; run with and without
 * the agent by {@link BenchDriver}. {@code OTHER} is the monitor to track when measuring the cost
 * for an untracked monitor. Args: iterations per round.
 */
public final class UncontendedBench {
  static final Object LOCK = new Object();
  static final Object OTHER = new Object();
  static long counter;

  private UncontendedBench() {}

  public static void main(String[] args) {
    int iterations = Integer.parseInt(args[0]);
    var unused = OTHER.hashCode();
    loop(iterations / 4); // warm-up: compile the loop
    double[] nsPerOp = new double[7];
    for (int round = 0; round < nsPerOp.length; round++) {
      long start = System.nanoTime();
      loop(iterations);
      nsPerOp[round] = (System.nanoTime() - start) / (double) iterations;
    }
    Arrays.sort(nsPerOp);
    System.out.printf("nsPerOp=%.2f counter=%d%n", nsPerOp[nsPerOp.length / 2], counter);
  }

  static void loop(int iterations) {
    for (int i = 0; i < iterations; i++) {
      synchronized (LOCK) {
        counter++;
      }
    }
  }
}
