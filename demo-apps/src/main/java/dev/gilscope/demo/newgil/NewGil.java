package dev.gilscope.demo.newgil;

/**
 * Python 3.2+'s GIL, built the way CPython's {@code ceval_gil.h} builds it: a {@code locked} flag
 * guarded by a mutex and a condition variable (here the monitor of {@link #GIL} and its wait set),
 * a switch interval, a drop request and forced switching.
 *
 * <ul>
 *   <li>{@link #take}: while the flag is set, wait on the condition for the interval; if the wait
 *       timed out and nobody switched meanwhile, raise {@code gil_drop_request}.
 *   <li>The holder polls {@link #dropRequested()} every few instructions and calls {@link
 *       #drop(Thread, boolean) drop(me, true)}: it clears the flag, notifies, and then waits until
 *       another thread has taken the GIL (forced switching), so it cannot take it straight back.
 * </ul>
 *
 * <p>The monitor itself is held only for a few instructions at a time: the GIL is the flag, and
 * waiting for it is time spent in {@code wait()}, the second shape of GIL in {@code
 * docs/patterns.md}. One Java monitor stands for CPython's two condition variables ({@code cond}
 * and {@code switch_cond}), hence {@code notifyAll}. Instance state is guarded by {@link #GIL}; one
 * instance per run, used by any number of threads.
 */
final class NewGil {
  /** The GIL's mutex and condition: {@code monitor=dev.gilscope.demo.newgil.NewGil#GIL}. */
  static final Object GIL = new Object();

  private final long intervalMillis;
  private volatile boolean dropRequest;
  private boolean locked;
  private Thread holder;
  private long switchNumber;
  private int waiting;
  private long dropRequests;
  private long timedOutWaits;

  NewGil(long intervalMillis) {
    this.intervalMillis = Math.max(1, intervalMillis);
  }

  /** CPython's {@code take_gil}: blocks until the calling thread holds the GIL. */
  void take(Thread me) throws InterruptedException {
    synchronized (GIL) {
      waiting++;
      try {
        while (locked) {
          long savedSwitchNumber = switchNumber;
          long waitStart = System.nanoTime();
          GIL.wait(intervalMillis);
          boolean timedOut = System.nanoTime() - waitStart >= intervalMillis * 1_000_000L;
          if (timedOut) {
            timedOutWaits++;
          }
          if (timedOut && locked && switchNumber == savedSwitchNumber) {
            dropRequest = true; // the holder had its whole interval: ask it to let go
            dropRequests++;
          }
        }
      } finally {
        waiting--;
      }
      locked = true;
      holder = me;
      switchNumber++;
      dropRequest = false;
      GIL.notifyAll(); // switch_cond: tell a forced-switching dropper that someone took it
    }
  }

  /**
   * CPython's {@code drop_gil}: clears the flag and wakes a waiter. With {@code forced}, waits
   * until another thread has taken the GIL, unless nobody is waiting for it any more.
   */
  void drop(Thread me, boolean forced) throws InterruptedException {
    synchronized (GIL) {
      locked = false;
      GIL.notifyAll(); // cond: the GIL is free
      if (forced) {
        long droppedAt = switchNumber;
        while (holder == me && switchNumber == droppedAt && waiting > 0) {
          GIL.wait(intervalMillis);
        }
      }
    }
  }

  /** Read by the holder every check interval: a volatile read, as CPython's eval breaker. */
  boolean dropRequested() {
    return dropRequest;
  }

  long dropRequests() {
    synchronized (GIL) {
      return dropRequests;
    }
  }

  long timedOutWaits() {
    synchronized (GIL) {
      return timedOutWaits;
    }
  }

  long switches() {
    synchronized (GIL) {
      return switchNumber;
    }
  }
}
