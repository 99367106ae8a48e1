package dev.gilscope.springapp;

/** The process-wide ledger: every request thread serializes on {@link #GIL}. */
final class Ledger {
  static final Object GIL = new Object();
  private static long entries;

  private Ledger() {}

  /** Posts one entry; the write to the slow backing store (10 ms) happens under the lock. */
  static long post() throws InterruptedException {
    synchronized (GIL) {
      Thread.sleep(10);
      return ++entries;
    }
  }
}
