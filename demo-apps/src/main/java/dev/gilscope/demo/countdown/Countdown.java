package dev.gilscope.demo.countdown;

import dev.gilscope.demo.interp.MiniVm;
import dev.gilscope.demo.interp.Programs;

/**
 * Seed 004's countdown, interpreted by {@link MiniVm}, with and without a global interpreter lock.
 *
 * <p>With the lock, a thread holds {@link #GIL} while it interprets {@code checkInterval}
 * instructions (CPython's 100 "ticks"), then releases it and immediately takes it again, as the old
 * GIL does. Called from the countdown's worker threads; costs about 6 instructions per decrement
 * plus one monitor enter/exit per check interval.
 */
public final class Countdown {
  /** The global interpreter lock of the countdown: {@code monitor=...Countdown#GIL}. */
  static final Object GIL = new Object();

  private Countdown() {}

  /** Counts {@code n} down, holding the GIL for each {@code checkInterval} instructions. */
  static long countUnderGil(long n, int checkInterval) {
    MiniVm vm = Programs.countdown(n);
    long executed = 0;
    while (!vm.halted()) {
      synchronized (GIL) {
        executed += vm.run(checkInterval);
      }
    }
    return executed;
  }

  /** Counts {@code n} down with no lock at all, in the same chunks. */
  static long countWithoutLock(long n, int checkInterval) {
    return Programs.countdown(n).runToCompletion(checkInterval);
  }
}
