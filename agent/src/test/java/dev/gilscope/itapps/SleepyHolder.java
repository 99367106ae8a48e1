package dev.gilscope.itapps;

import java.util.concurrent.CountDownLatch;

/**
 * A holder keeps the monitor for 50 ms once another thread is blocked asking for it: the waiter's
 * wait and the holder's hold must both be at least ~45 ms, and the waiter's acquisition names the
 * holder. The holder stays alive afterwards (as a daemon) because JDK 17's JFR cannot name a thread
 * in an event field once that thread has ended before the recording is written.
 */
final class SleepyHolder {
  static final Object SLEEPY = new Object();

  private SleepyHolder() {}

  static void run() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread[] waiter = new Thread[1];
    Thread holder =
        new Thread(
            () -> {
              synchronized (SLEEPY) {
                held.countDown();
                while (waiter[0].getState() != Thread.State.BLOCKED) {
                  sleep(1);
                }
                sleep(50);
              }
              done.countDown();
              sleep(120_000);
            },
            "sleepy-holder");
    holder.setDaemon(true);
    waiter[0] =
        new Thread(
            () -> {
              await(held);
              synchronized (SLEEPY) {
                var unused = SLEEPY.hashCode();
              }
            },
            "sleepy-waiter");
    holder.start();
    waiter[0].start();
    waiter[0].join();
    done.await();
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
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
