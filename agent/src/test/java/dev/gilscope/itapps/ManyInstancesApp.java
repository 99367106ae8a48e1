package dev.gilscope.itapps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code monitor=<class>} on a class with a million short-lived instances and one shared hot one:
 * two threads each lock {@code perThread} new {@link Session}s once and, after every {@code every}
 * of them, the {@link #SHARED} session, which they hold for a stretch of work, so that it is the
 * contended monitor of the class. Now and then a new session is also re-entered (a nested block and
 * synchronized methods inside its block), locked with another one inside, or waited on, as request
 * handling does. Then the shared session is contended for certain, twice (on a loaded machine the
 * workers may hardly overlap). Prints the exact counts, the shared instance's display name and the
 * peak RSS (VmHWM) as {@code name=value} lines.
 */
public final class ManyInstancesApp {
  /** The monitor class. */
  public static final class Session {
    long touched;

    synchronized void touch() {
      touched++;
    }

    /** A synchronized method with a block on its own instance: one reentrant entry more. */
    synchronized void touchAgain() {
      synchronized (this) {
        touched++;
      }
    }
  }

  // one of the new sessions waited on, after the shared one has long been contended
  private static final int WAIT_EVERY = 50_000;

  static final Session SHARED = new Session();

  private ManyInstancesApp() {}

  public static void main(String[] args) throws Exception {
    int perThread = Integer.parseInt(args[0]);
    int every = Integer.parseInt(args[1]);
    int threads = 2;
    long[] own = new long[threads];
    long[] shared = new long[threads];
    long[] reentrant = new long[threads];
    long[] waits = new long[threads];
    CyclicBarrier start = new CyclicBarrier(threads);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] =
          new Thread(
              () -> {
                await(start);
                for (int i = 1; i <= perThread; i++) {
                  own[index] += lockNew();
                  if (i % every == 0) {
                    shared[index] += lockShared();
                  }
                  if (i % every == every / 4) {
                    own[index] += lockTwoNew();
                  }
                  if (i % every == every / 2) {
                    own[index] += 1;
                    reentrant[index] += lockNewReentrant();
                  }
                  if (i % WAIT_EVERY == WAIT_EVERY / 2) {
                    own[index] += 1;
                    waits[index] += lockNewAndWait();
                  }
                }
              },
              "instances-" + t);
      workers[t].start();
    }
    long ownTotal = 0;
    long sharedTotal = 0;
    long reentrantTotal = 0;
    long waitTotal = 0;
    for (int t = 0; t < threads; t++) {
      workers[t].join();
      ownTotal += own[t];
      sharedTotal += shared[t];
      reentrantTotal += reentrant[t];
      waitTotal += waits[t];
    }
    // whatever the scheduler let the workers overlap (little, on a loaded machine)
    sharedTotal += contendShared() + contendShared();
    Scenarios.expect("many.classAcquisitions", ownTotal + sharedTotal);
    Scenarios.expect("many.classReentrant", reentrantTotal);
    Scenarios.expect("many.classWaits", waitTotal);
    Scenarios.expect("many.sharedAcquisitions", sharedTotal);
    Scenarios.expect(
        "many.sharedName",
        Session.class.getName() + "@" + Integer.toHexString(System.identityHashCode(SHARED)));
    Scenarios.expect("many.peakRssKb", peakRssKb());
  }

  private static int lockNew() {
    Session s = new Session();
    synchronized (s) {
      s.touched++;
    }
    return 1;
  }

  /**
   * One acquisition of a new session and four reentrant entries: a nested block, a method, a method
   * with a block of its own.
   */
  private static int lockNewReentrant() {
    Session s = new Session();
    synchronized (s) {
      synchronized (s) {
        s.touched++;
      }
      s.touch();
      s.touchAgain();
    }
    return 4;
  }

  /** Two new sessions, one locked inside the other's block: two acquisitions. */
  private static int lockTwoNew() {
    Session outer = new Session();
    Session inner = new Session();
    synchronized (outer) {
      synchronized (inner) {
        inner.touched += outer.touched + 1;
      }
    }
    return 2;
  }

  /** One acquisition of a new session and one wait on it. */
  private static int lockNewAndWait() {
    Session s = new Session();
    synchronized (s) {
      try {
        s.wait(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return 1;
  }

  private static int lockShared() {
    synchronized (SHARED) {
      long x = SHARED.touched;
      for (int i = 0; i < 20_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      SHARED.touched = x;
    }
    return 1;
  }

  /**
   * The shared session contended for certain: this thread holds it until another is blocked on it.
   * The first such request tracks it if nothing did before; the second is a tracked instance's
   * contended acquisition. Returns the acquisitions (2).
   */
  private static int contendShared() throws InterruptedException {
    Thread contender = new Thread(ManyInstancesApp::lockShared, "instances-contender");
    synchronized (SHARED) {
      contender.start();
      while (contender.getState() != Thread.State.BLOCKED) {
        Thread.onSpinWait();
      }
    }
    contender.join();
    return 2;
  }

  private static long peakRssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
