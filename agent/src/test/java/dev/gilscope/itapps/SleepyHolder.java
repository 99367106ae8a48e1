package dev.gilscope.itapps;

import java.util.concurrent.CountDownLatch;

/**
 * A holder keeps the monitor for 50 ms while another thread asks for it: the waiter's wait and the
 * holder's hold must both be at least ~45 ms, and the waiter's acquisition names the holder.
 */
final class SleepyHolder {
  static final Object SLEEPY = new Object();

  private SleepyHolder() {}

  static void run() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              synchronized (SLEEPY) {
                held.countDown();
                sleep(50);
              }
            },
            "sleepy-holder");
    Thread waiter =
        new Thread(
            () -> {
              await(held);
              synchronized (SLEEPY) {
                var unused = SLEEPY.hashCode();
              }
            },
            "sleepy-waiter");
    holder.start();
    waiter.start();
    holder.join();
    waiter.join();
    Scenarios.expect("sleepy.acquisitions", 2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
      Thread.sleep(5); // let the holder settle into its sleep
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
