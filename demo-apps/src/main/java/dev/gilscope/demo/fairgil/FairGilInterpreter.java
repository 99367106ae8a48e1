package dev.gilscope.demo.fairgil;

import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An interpreter thread under a fair, time-sliced GIL: {@link #GIL} is a fair {@link ReentrantLock}
 * (FIFO handoff). Every {@code checkInterval} instructions the holder checks whether anyone is
 * queued; if so, and it has held the GIL for its whole slice, it unlocks and locks again, which
 * queues it behind the waiter, so the waiter really gets the GIL.
 *
 * <p>The slice keeps handoffs rare enough that time in transit (an unpark and a wake-up, tens of
 * microseconds) stays small against the time held. Costs a volatile read per check interval and a
 * {@code nanoTime} per check only while someone is queued.
 */
final class FairGilInterpreter extends InterpreterThread {
  /** The global interpreter lock: {@code lock=dev.gilscope.demo.fairgil.FairGilInterpreter#GIL}. */
  static final ReentrantLock GIL = new ReentrantLock(true);

  private final long sliceNanos;

  FairGilInterpreter(String name, Race race, int checkInterval, long sliceNanos) {
    super(name, race, checkInterval);
    this.sliceNanos = sliceNanos;
  }

  @Override
  protected void interpret() {
    while (!race.stopped()) {
      GIL.lock();
      try {
        race.ledger().acquired(this);
        long acquiredNanos = System.nanoTime();
        do {
          instructions += vm.run(checkInterval);
        } while (!race.stopped() && !sliceOver(acquiredNanos));
      } finally {
        GIL.unlock();
      }
    }
  }

  private boolean sliceOver(long acquiredNanos) {
    return GIL.hasQueuedThreads() && System.nanoTime() - acquiredNanos >= sliceNanos;
  }
}
