package dev.gilscope.itapps;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.CountDownLatch;

/**
 * A holder keeps the monitor for 50 ms once another thread is blocked asking for it: the waiter's
 * wait and the holder's hold must both be at least ~45 ms, and the waiter's acquisition names the
 * holder. Both threads stay alive afterwards (as daemons) because JDK 17's JFR cannot always name a
 * thread that ended before the recording is written, in an event field or as the event's thread.
 */
final class SleepyHolder {
  static final Object SLEEPY = new Object();

  private SleepyHolder() {}

  static void run() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(2);
    Thread[] waiter = new Thread[1];
    Thread holder =
        new Thread(
            () -> {
              synchronized (SLEEPY) {
                held.countDown();
                // blocked on SLEEPY itself, not on a lock inside the probe's first event
                while (!blockedOnSleepy(waiter[0])) {
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
              done.countDown();
              sleep(120_000);
            },
            "sleepy-waiter");
    waiter[0].setDaemon(true);
    holder.start();
    waiter[0].start();
    done.await();
    Scenarios.expect("sleepy.acquisitions", 2);
  }

  private static boolean blockedOnSleepy(Thread t) {
    ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
    LockInfo lock = info == null ? null : info.getLockInfo();
    return info != null
        && info.getThreadState() == Thread.State.BLOCKED
        && lock != null
        && lock.getIdentityHashCode() == System.identityHashCode(SLEEPY);
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
