package dev.gilscope.analyzer.timeline;

/**
 * One thread's (or a fold of threads') time per bucket: nanoseconds holding, waiting to acquire and
 * inside {@code wait()}, plus handoff and pass-over counts. Fixed size ({@link
 * TimelineCollector#BUCKETS} buckets), whatever the number of events.
 */
final class Lane {
  final String name;
  final long[] holdNanos = new long[TimelineCollector.BUCKETS];
  final long[] acquireNanos = new long[TimelineCollector.BUCKETS];
  final long[] waitNanos = new long[TimelineCollector.BUCKETS];

  /**
   * Hold time estimated from the statistics events (see {@link TimelineCollector#threadPeriod}).
   */
  final long[] estimatedHoldNanos = new long[TimelineCollector.BUCKETS];

  final long[] handoffs = new long[TimelineCollector.BUCKETS];
  final long[] passOvers = new long[TimelineCollector.BUCKETS];

  Lane(String name) {
    this.name = name;
  }

  /** Spreads {@code [start, end)} over the buckets it overlaps. */
  void add(IntervalKind kind, long start, long end, long width) {
    long[] target =
        switch (kind) {
          case HOLD -> holdNanos;
          case ACQUIRE, HANDOFF -> acquireNanos;
          case WAIT -> waitNanos;
        };
    int b = (int) (start / width);
    if (end <= start) {
      return;
    }
    while (b < target.length && (long) b * width < end) {
      long from = Math.max(start, (long) b * width);
      long to = Math.min(end, (long) (b + 1) * width);
      target[b] += to - from;
      b++;
    }
  }

  /** Spreads {@code nanos} evenly over {@code [start, end)} into {@code target}'s buckets. */
  void spread(long[] target, long start, long end, double nanos, long width) {
    double perNano = nanos / (end - start);
    for (int b = (int) (start / width); b < target.length && (long) b * width < end; b++) {
      long from = Math.max(start, (long) b * width);
      long to = Math.min(end, (long) (b + 1) * width);
      target[b] += Math.round((to - from) * perNano);
    }
  }

  /** Time holding or waiting to acquire: how much the thread took part in the contention. */
  long contentionNanos() {
    return Math.max(sum(holdNanos), sum(estimatedHoldNanos)) + sum(acquireNanos);
  }

  /** Time inside wait(): ranks threads that never held or wanted the lock. */
  long waitCallNanos() {
    return sum(waitNanos);
  }

  /** Halves the resolution: bucket i becomes buckets 2i and 2i+1. */
  void coarsen() {
    for (long[] a : arrays()) {
      TimelineCollector.pairSums(a);
    }
  }

  void addAll(Lane other) {
    long[][] mine = arrays();
    long[][] theirs = other.arrays();
    for (int k = 0; k < mine.length; k++) {
      for (int b = 0; b < mine[k].length; b++) {
        mine[k][b] += theirs[k][b];
      }
    }
  }

  long[][] arrays() {
    return new long[][] {
      holdNanos, acquireNanos, waitNanos, estimatedHoldNanos, handoffs, passOvers
    };
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }
}
