package dev.gilscope.itapps;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@code lock=dev.gilscope.itapps.LockApp#LOCK,lock=dev.gilscope.itapps.LockApp#RW}: lock/unlock
 * with reentrancy through both the Lock interface and the ReentrantLock class, failed tryLocks
 * (untimed and timed), a successful tryLock, Condition await/signal and a timed-out awaitNanos, and
 * the write lock of a ReentrantReadWriteLock.
 */
final class LockApp {
  static final ReentrantLock LOCK = new ReentrantLock();
  static final Lock AS_INTERFACE = LOCK;
  static final Condition READY = LOCK.newCondition();
  static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
  private static boolean ready;
  private static long awaits;
  private static long signals;

  private LockApp() {}

  static void run(int threads, int iterations) throws InterruptedException {
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> work(iterations), "lock-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long acquisitions = (long) threads * iterations;
    long reentrant = (long) threads * ((iterations + 9) / 10);

    acquisitions += failedTryLocks();
    acquisitions += conditionHandshake();

    AS_INTERFACE.lock();
    try {
      long remaining = READY.awaitNanos(TimeUnit.MILLISECONDS.toNanos(20));
      awaits++;
      Scenarios.expect("lock.timedOutWaits", remaining <= 0 ? 1 : 0);
    } finally {
      AS_INTERFACE.unlock();
    }
    acquisitions++;

    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> writeLocks(iterations), "write-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    Scenarios.expect("lock.acquisitions", acquisitions);
    Scenarios.expect("lock.reentrant", reentrant);
    Scenarios.expect("lock.failedTryLocks", 2);
    Scenarios.expect("lock.waits", awaits);
    Scenarios.expect("lock.notifies", signals);
    Scenarios.expect("rw.acquisitions", (long) threads * iterations);
  }

  static void work(int iterations) {
    for (int i = 0; i < iterations; i++) {
      LOCK.lock();
      try {
        if (i % 10 == 0) {
          AS_INTERFACE.lock();
          AS_INTERFACE.unlock();
        }
      } finally {
        LOCK.unlock();
      }
    }
  }

  /** Returns the acquisitions it made (the holder's one and one successful tryLock). */
  static long failedTryLocks() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch tried = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              LOCK.lock();
              try {
                held.countDown();
                tried.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              } finally {
                LOCK.unlock();
              }
            },
            "lock-holder");
    holder.start();
    held.await();
    boolean untimed = LOCK.tryLock();
    boolean timed = AS_INTERFACE.tryLock(20, TimeUnit.MILLISECONDS);
    tried.countDown();
    holder.join();
    if (untimed || timed) {
      throw new IllegalStateException("tryLock should have failed");
    }
    if (!LOCK.tryLock()) {
      throw new IllegalStateException("tryLock should have succeeded");
    }
    LOCK.unlock();
    return 2;
  }

  /** A waiter awaits the condition until a signaller sets the flag; returns the acquisitions. */
  static long conditionHandshake() throws InterruptedException {
    Thread waiter =
        new Thread(
            () -> {
              LOCK.lock();
              try {
                while (!ready) {
                  awaits++;
                  READY.await();
                }
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              } finally {
                LOCK.unlock();
              }
            },
            "condition-waiter");
    waiter.start();
    Thread.sleep(20);
    LOCK.lock();
    try {
      ready = true;
      signals++;
      READY.signal();
    } finally {
      LOCK.unlock();
    }
    waiter.join();
    return 2;
  }

  static void writeLocks(int iterations) {
    for (int i = 0; i < iterations; i++) {
      RW.writeLock().lock();
      try {
        RW.readLock().lock(); // read locks are not tracked
        RW.readLock().unlock();
      } finally {
        RW.writeLock().unlock();
      }
    }
  }
}
