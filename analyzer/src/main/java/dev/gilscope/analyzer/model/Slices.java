package dev.gilscope.analyzer.model;

import java.util.stream.IntStream;

/**
 * A pass over the indices {@code 0..n-1} of a monitor's threads, cut into slices run on all cores
 * (the common pool) when there are many: each slice's work touches only its own threads, a cache
 * miss or more each, so two cores take half the time.
 */
final class Slices {
  /** From this many threads on, the slices run on all cores; below, one pass on this thread. */
  static final int PARALLEL_MIN_THREADS = 20_000;

  private static final int SLICES = 16;

  /** The work of one slice: the indices {@code from} (inclusive) to {@code to} (exclusive). */
  interface Slice {
    void run(int from, int to);
  }

  private Slices() {}

  static void forEach(int n, Slice slice) {
    if (n < PARALLEL_MIN_THREADS) {
      slice.run(0, n);
      return;
    }
    IntStream.range(0, SLICES).parallel().forEach(s -> slice.run(bound(n, s), bound(n, s + 1)));
  }

  private static int bound(int n, int slice) {
    return (int) ((long) n * slice / SLICES);
  }
}
