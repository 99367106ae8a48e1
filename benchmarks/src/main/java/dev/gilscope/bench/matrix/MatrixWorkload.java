package dev.gilscope.bench.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one matrix case for a fixed time in this JVM (started under the agent by {@link
 * MatrixRunner}): {@code MatrixWorkload <case> <seconds>}. Work is busy-spinning on the clock, so a
 * hold or a gap of N ns costs N ns of CPU whatever the JIT does.
 */
public final class MatrixWorkload {
  static final Object MONITOR = new Object();
  static final ReentrantLock UNFAIR = new ReentrantLock();
  static final ReentrantLock FAIR = new ReentrantLock(true);

  /** A monitor per thread (tracked as a class: every instance). */
  static final class PerThreadMonitor {}

  /** A lock per thread (tracked by its instance field). */
  static final class PerThreadLock {
    final ReentrantLock lock = new ReentrantLock();
  }

  private static volatile boolean stop;

  private MatrixWorkload() {}

  public static void main(String[] args) throws InterruptedException {
    MatrixCase c = MatrixCase.named(args[0]);
    long seconds = Long.parseLong(args[1]);
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i <= c.threads(); i++) {
      threads.add(new Thread(worker(c), "worker-" + i));
    }
    if (c.shape() != MatrixCase.Shape.SHARED && c.shape() != MatrixCase.Shape.PER_THREAD) {
      threads.add(new Thread(victim(c), "victim-1"));
    }
    threads.forEach(Thread::start);
    TimeUnit.SECONDS.sleep(seconds);
    stop = true;
    for (Thread t : threads) {
      t.join();
    }
  }

  private static Runnable worker(MatrixCase c) {
    switch (c.shape()) {
      case PER_THREAD:
        return perThread(c);
      case SPINNING_WINNERS:
        return () -> {
          while (!stop) {
            if (UNFAIR.tryLock()) {
              try {
                spin(c.holdNanos());
              } finally {
                UNFAIR.unlock();
              }
            } else {
              Thread.onSpinWait();
            }
          }
        };
      default:
        return () -> {
          while (!stop) {
            shared(c);
            spin(c.outsideNanos());
          }
        };
    }
  }

  /** The loser: works a little outside, then parks in lock() or spins on tryLock. */
  private static Runnable victim(MatrixCase c) {
    return () -> {
      while (!stop) {
        spin(c.holdNanos() / 10);
        if (c.shape() == MatrixCase.Shape.STARVED_SPINNING) {
          while (!stop && !UNFAIR.tryLock()) {
            Thread.onSpinWait();
          }
          if (stop && !UNFAIR.isHeldByCurrentThread()) {
            return;
          }
        } else {
          UNFAIR.lock();
        }
        try {
          spin(c.holdNanos());
        } finally {
          UNFAIR.unlock();
        }
      }
    };
  }

  private static void shared(MatrixCase c) {
    switch (c.lock()) {
      case SYNCHRONIZED:
        synchronized (MONITOR) {
          spin(c.holdNanos());
        }
        break;
      case UNFAIR:
        locked(UNFAIR, c.holdNanos());
        break;
      case FAIR:
        locked(FAIR, c.holdNanos());
        break;
    }
  }

  private static void locked(ReentrantLock lock, long holdNanos) {
    lock.lock();
    try {
      spin(holdNanos);
    } finally {
      lock.unlock();
    }
  }

  private static Runnable perThread(MatrixCase c) {
    return () -> {
      PerThreadMonitor monitor = new PerThreadMonitor();
      PerThreadLock lock = new PerThreadLock();
      while (!stop) {
        if (c.lock() == MatrixCase.LockKind.SYNCHRONIZED) {
          synchronized (monitor) {
            spin(c.holdNanos());
          }
        } else {
          locked(lock.lock, c.holdNanos());
        }
      }
    };
  }

  private static void spin(long nanos) {
    if (nanos <= 0) {
      return;
    }
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
