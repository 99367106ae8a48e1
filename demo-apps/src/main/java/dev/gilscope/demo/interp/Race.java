package dev.gilscope.demo.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * Runs interpreter workers side by side for a fixed wall time: starts them together, lets them
 * interpret, raises the stop flag and joins them. The main thread only sleeps while the workers
 * run: the sleep is the timer, not a stand-in for work.
 */
public final class Race {
  private final CountDownLatch start = new CountDownLatch(1);
  private final CountDownLatch finished;
  private final GilLedger ledger = new GilLedger();
  private volatile boolean stopped;
  private volatile long startNanos;

  private Race(int workers) {
    finished = new CountDownLatch(workers);
  }

  /** Checked by workers between GIL holds; a volatile read, a few cycles. */
  public boolean stopped() {
    return stopped;
  }

  /** The bookkeeping of this race's GIL; call it only while holding the GIL. */
  public GilLedger ledger() {
    return ledger;
  }

  /** Called by each worker as its last act in this race; publishes its counters. */
  void finished() {
    finished.countDown();
  }

  long startNanos() {
    return startNanos;
  }

  void awaitStart() {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /**
   * Runs {@code threads} workers for {@code durationNanos}.
   *
   * @param factory makes worker {@code i} (1-based) for a race
   */
  public static RaceResult run(
      int threads, long durationNanos, BiFunction<Race, Integer, InterpreterThread> factory)
      throws InterruptedException {
    Race race = new Race(threads);
    List<InterpreterThread> workers = new ArrayList<>();
    for (int i = 1; i <= threads; i++) {
      InterpreterThread worker = factory.apply(race, i);
      workers.add(worker);
      worker.start();
    }
    race.startNanos = System.nanoTime();
    race.start.countDown();
    Thread.sleep(durationNanos / 1_000_000, (int) (durationNanos % 1_000_000));
    race.stopped = true;
    race.finished.await(); // the workers linger afterwards (see Lingering), so no join
    long end = System.nanoTime();
    List<WorkerStats> stats = new ArrayList<>();
    for (InterpreterThread worker : workers) {
      stats.add(worker.stats(end));
    }
    return new RaceResult(end - race.startNanos, stats);
  }
}
