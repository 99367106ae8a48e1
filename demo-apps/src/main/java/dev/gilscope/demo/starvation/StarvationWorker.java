package dev.gilscope.demo.starvation;

import dev.gilscope.demo.Lingering;
import dev.gilscope.demo.interp.MiniVm;
import dev.gilscope.demo.interp.Programs;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread competing for {@link #GIL}, a non-fair {@link ReentrantLock}, in one of two manners:
 *
 * <ul>
 *   <li><b>greedy</b>: barges. It never queues: it spins while the lock looks taken and grabs it
 *       with {@code tryLock} the instant it is free, then re-requests it right after releasing.
 *   <li><b>polite</b> (the starved one): pauses briefly between requests (it waits for its next
 *       message) and then calls {@code lock()}, so when the lock is taken it parks in the lock's
 *       queue. Every release unparks it, but by the time it runs on a core a greedy spinner has
 *       already taken the lock: it parks again, and again.
 * </ul>
 *
 * <p>Each acquisition holds the lock for {@code holdInstructions} of interpreter work. Costs two
 * {@code nanoTime} calls per acquisition, to measure its own waits.
 */
final class StarvationWorker extends Thread {
  /** The contended lock: {@code lock=dev.gilscope.demo.starvation.StarvationWorker#GIL}. */
  static final ReentrantLock GIL = new ReentrantLock();

  private final boolean greedy;
  private final int holdInstructions;
  private final long politePauseNanos;
  private final StarvationRace race;
  private MiniVm vm;

  long acquisitions;
  long totalWaitNanos;
  long maxWaitNanos;
  long waitingSinceNanos;

  StarvationWorker(
      String name,
      boolean greedy,
      int holdInstructions,
      long politePauseNanos,
      StarvationRace race) {
    super(name);
    this.greedy = greedy;
    this.holdInstructions = holdInstructions;
    this.politePauseNanos = politePauseNanos;
    this.race = race;
    setDaemon(true);
  }

  @Override
  public void run() {
    vm = Programs.busyLoop(getName().hashCode()); // in this thread's TLAB: no false sharing
    race.awaitStart();
    while (!race.stopped()) {
      waitingSinceNanos = System.nanoTime();
      if (greedy) {
        bargeIn();
      } else {
        GIL.lock();
      }
      try {
        long waited = System.nanoTime() - waitingSinceNanos;
        waitingSinceNanos = 0;
        acquisitions++;
        totalWaitNanos += waited;
        maxWaitNanos = Math.max(maxWaitNanos, waited);
        vm.run(holdInstructions);
      } finally {
        GIL.unlock();
      }
      if (!greedy) {
        // The polite thread has other things to do between requests (here: wait for its next
        // message), so it comes back to a lock that a greedy thread holds, and queues.
        LockSupport.parkNanos(politePauseNanos);
      }
    }
    race.finished();
    Lingering.untilExit();
  }

  private static void bargeIn() {
    while (!GIL.tryLock()) {
      while (GIL.isLocked()) {
        Thread.onSpinWait();
      }
    }
  }

  boolean greedy() {
    return greedy;
  }

  /** The longest wait, counting a wait still unfinished at {@code endNanos}. */
  long longestWaitNanos(long endNanos) {
    long since = waitingSinceNanos;
    return since == 0 ? maxWaitNanos : Math.max(maxWaitNanos, endNanos - since);
  }
}
