package dev.gilscope.demo.starvation;

import java.util.concurrent.CountDownLatch;

/** Start gate and stop flag shared by one run's {@link StarvationWorker}s. */
final class StarvationRace {
  private final CountDownLatch start = new CountDownLatch(1);
  private volatile boolean stopped;

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
