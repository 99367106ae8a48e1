package dev.gilscope.demo.starvation;

import java.util.concurrent.CountDownLatch;

/** Start gate and stop flag shared by one run's {@link StarvationWorker}s. */
final class StarvationRace {
  private final CountDownLatch start = new CountDownLatch(1);
  private final CountDownLatch finished;
  private volatile boolean stopped;

  StarvationRace(int workers) {
    finished = new CountDownLatch(workers);
  }

  /** Called by each worker as its last act; publishes its counters. */
  void finished() {
    finished.countDown();
  }

  void awaitFinished() throws InterruptedException {
    finished.await();
  }

  void awaitStart() {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  void start() {
    start.countDown();
  }

  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }
}
