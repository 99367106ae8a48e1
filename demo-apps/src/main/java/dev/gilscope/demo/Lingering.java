package dev.gilscope.demo;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a finished worker thread alive, parked, until the JVM exits: the last call of every
 * scenario thread (all of them daemons).
 *
 * <p>Why: on JDK 17, a JFR {@code Thread} field that refers to a thread which has ended by the time
 * the gilscope agent writes its statistics reads back as null, and the analyzer can only file that
 * thread's counts under "(ended threads)". A parked thread keeps its name in the recording, so
 * findings name {@code interp-2} or {@code starved-1}, and threads that share a name across the
 * runs of a scenario add up under that name. A parked thread costs no CPU.
 */
public final class Lingering {
  private Lingering() {}

  /** Never returns: parks the calling (daemon) thread until the JVM exits. */
  public static void untilExit() {
    while (true) {
      Thread.interrupted(); // an interrupt would make park return at once: clear it and park again
      LockSupport.park(Lingering.class);
    }
  }
}
