package dev.gilscope.bench.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

  /** FLAG_GIL: the monitor that guards the GIL flag (CPython's mutex and condition). */
  static final Object FLAG_MONITOR = new Object();

  private static boolean flagTaken; // guarded by FLAG_MONITOR
  private static boolean dropRequest; // guarded by FLAG_MONITOR
  private static long switches; // guarded by FLAG_MONITOR

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
    switch (c.shape()) {
      case STARVED_PARKING, STARVED_SPINNING, SPINNING_WINNERS ->
          threads.add(new Thread(victim(c), "victim-1"));
      case IO_CONVOY, FLAG_GIL -> threads.add(new Thread(ioThread(c), "io-1"));
      default -> {}
    }
    threads.forEach(Thread::start);
    TimeUnit.SECONDS.sleep(seconds);
    stop = true;
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * The I/O-bound thread: one-byte round trips over loopback TCP (an echo server on a thread of its
   * own, outside the lock) for the case's time outside, at least one, then the lock or the GIL flag
   * for {@link MatrixCase#IO_HOLD_NANOS}. (One round trip takes ~40 us: a light I/O thread that
   * made only one would spend a third of its time under the lock, not a tenth.)
   */
  private static Runnable ioThread(MatrixCase c) {
    return () -> {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          Socket echo = server.accept()) {
        client.setTcpNoDelay(true);
        echo.setTcpNoDelay(true);
        Thread echoServer = new Thread(() -> echo(echo), "echo-server");
        echoServer.setDaemon(true);
        echoServer.start();
        while (!stop) {
          long outside = System.nanoTime();
          do {
            client.getOutputStream().write(1);
            if (client.getInputStream().read() < 0) {
              return;
            }
          } while (System.nanoTime() - outside < c.outsideNanos());
          if (c.shape() == MatrixCase.Shape.FLAG_GIL) {
            takeFlag();
            spin(MatrixCase.IO_HOLD_NANOS);
            dropFlag(false);
          } else {
            shared(c, MatrixCase.IO_HOLD_NANOS);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static void echo(Socket socket) {
    try {
      int b;
      while ((b = socket.getInputStream().read()) >= 0) {
        socket.getOutputStream().write(b);
      }
    } catch (IOException e) {
      // the I/O thread closed the connection at the end of the case
    }
  }

  /**
   * FLAG_GIL's CPU-bound holder: keeps the flag until a drop request (checked every 100 us), as
   * CPython's eval loop does, then drops it and waits for another thread to take it.
   */
  private static Runnable flagHolder() {
    return () -> {
      try {
        while (!stop) {
          takeFlag();
          while (!stop && !dropRequested()) {
            spin(100_000);
          }
          dropFlag(true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /**
   * Waits for the flag in timed waits of the switch interval (5 ms); a wait that times out asks the
   * holder to drop it.
   */
  private static void takeFlag() throws InterruptedException {
    synchronized (FLAG_MONITOR) {
      while (flagTaken && !stop) {
        long before = System.nanoTime();
        FLAG_MONITOR.wait(5);
        if (flagTaken && System.nanoTime() - before >= 5_000_000) {
          dropRequest = true;
        }
      }
      flagTaken = true;
      switches++;
      FLAG_MONITOR.notifyAll();
    }
  }

  /** Frees the flag; after a drop request, waits until another thread took it (forced switch). */
  private static void dropFlag(boolean forced) throws InterruptedException {
    synchronized (FLAG_MONITOR) {
      flagTaken = false;
      dropRequest = false;
      long before = switches;
      FLAG_MONITOR.notifyAll();
      while (forced && !stop && switches == before) {
        FLAG_MONITOR.wait(1);
      }
    }
  }

  private static boolean dropRequested() {
    synchronized (FLAG_MONITOR) {
      return dropRequest;
    }
  }

  private static Runnable worker(MatrixCase c) {
    switch (c.shape()) {
      case PER_THREAD:
        return perThread(c);
      case FLAG_GIL, FLAG_GIL_CPU_ONLY:
        return flagHolder();
      case STARVED_PARKING, STARVED_SPINNING:
        return () -> {
          while (!stop) {
            while (UNFAIR.isLocked() && !stop) {
              Thread.onSpinWait();
            }
            if (UNFAIR.tryLock()) {
              try {
                spin(c.holdNanos());
              } finally {
                UNFAIR.unlock();
              }
            }
          }
        };
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

  /**
   * The loser: a short pause outside (a spinning loser works, a parking one waits for its next
   * message, as the starvation demo's), then it spins on tryLock or parks in lock(). A parking
   * loser that worked outside instead would come back while a greedy thread spins off-core on 2
   * cores and barge in: measured, it then got 52-74 % of the acquisitions.
   */
  private static Runnable victim(MatrixCase c) {
    return () -> {
      while (!stop) {
        if (c.shape() == MatrixCase.Shape.STARVED_SPINNING) {
          spin(c.holdNanos() / 10);
        } else {
          LockSupport.parkNanos(c.holdNanos() / 10);
        }
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
    shared(c, c.holdNanos());
  }

  private static void shared(MatrixCase c, long holdNanos) {
    switch (c.lock()) {
      case SYNCHRONIZED:
        synchronized (MONITOR) {
          spin(holdNanos);
        }
        break;
      case UNFAIR:
        locked(UNFAIR, holdNanos);
        break;
      case FAIR:
        locked(FAIR, holdNanos);
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
