package dev.gilscope.bench.matrix;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One labelled case of the accuracy matrix: a multi-threaded workload whose patterns are known by
 * construction, the patterns it must produce (at WARNING or above) and those it must not.
 *
 * @param shape how the threads use the lock
 * @param threads worker threads (the starvation shapes add one victim, the I/O shapes one I/O
 *     thread and its loopback echo server)
 * @param lock the kind of lock
 * @param holdNanos busy work inside the lock per acquisition (the workers'; the I/O thread holds it
 *     for {@link #IO_HOLD_NANOS})
 * @param outsideNanos busy work outside the lock between two acquisitions (the I/O thread makes
 *     loopback round trips for at least this long, and at least one)
 */
public record MatrixCase(
    String name,
    Shape shape,
    int threads,
    LockKind lock,
    long holdNanos,
    long outsideNanos,
    Set<Pattern> must,
    Set<Pattern> mustNot) {

  /** The analyzer's finding kinds. */
  public enum Pattern {
    SERIALIZATION,
    THRASHING,
    CONVOY,
    STARVATION
  }

  public enum LockKind {
    SYNCHRONIZED,
    UNFAIR,
    FAIR
  }

  public enum Shape {
    /** Every thread takes the one lock and works inside and (optionally) outside it. */
    SHARED,
    /** Each thread has its own lock: nothing is shared. */
    PER_THREAD,
    /**
     * Greedy threads never queue: they spin while the unfair lock looks taken and grab it the
     * moment it is free (test-and-test-and-set, as the starvation demo's); a victim that parks in
     * lock() is woken at each release and finds it taken again. (Winners that park in lock() do not
     * starve it on the JDK's AbstractQueuedSynchronizer: its woken first waiter spins and races the
     * releaser, and measured here it got 46-48 % of the acquisitions against one such winner.)
     */
    STARVED_PARKING,
    /**
     * One greedy thread re-takes the unfair lock right after each unlock and spins while it looks
     * taken; the victim spins on tryLock with Thread.onSpinWait after a pause and loses the race
     * almost every time. (A greedy thread that parked in lock() while the victim held it was woken
     * after the victim's pause and lost in turn: the roles flipped, and in one run the "victim" got
     * 60 % of the acquisitions.)
     */
    STARVED_SPINNING,
    /** Greedy threads spin on tryLock with onSpinWait; the victim parks in lock(). */
    SPINNING_WINNERS,
    /**
     * CPU-bound workers hold the lock for long slices back to back; an I/O thread makes a loopback
     * round trip outside it, then needs it briefly: it waits behind a whole slice every time.
     */
    IO_CONVOY,
    /**
     * The new GIL's shape: a flag guarded by the monitor is the GIL; the I/O thread waits for it in
     * wait(5 ms), sets a drop request on timeout, and the CPU-bound holder, which keeps the flag
     * until asked, drops it at its next check (every 100 us) and waits until another thread took it
     * (forced switching). {@code holdNanos} is the 5 ms switch interval.
     */
    FLAG_GIL,
    /**
     * The new GIL's flag shared by CPU-bound holders only: each waits out the others' intervals
     * alike, so nobody is a short job behind a long one (a negative control for CONVOY).
     */
    FLAG_GIL_CPU_ONLY
  }

  /** How long the I/O thread holds the lock (or the flag) per round trip. */
  public static final long IO_HOLD_NANOS = 20_000;

  /** The -javaagent options that track the case's lock. */
  public String agentOptions() {
    String w = MatrixWorkload.class.getName();
    if (shape == Shape.FLAG_GIL || shape == Shape.FLAG_GIL_CPU_ONLY) {
      return "monitor=" + w + "#FLAG_MONITOR";
    }
    if (shape == Shape.PER_THREAD) {
      return lock == LockKind.SYNCHRONIZED
          ? "monitor=" + MatrixWorkload.PerThreadMonitor.class.getName()
          : "lock=" + MatrixWorkload.PerThreadLock.class.getName() + "#lock";
    }
    return switch (lock) {
      case SYNCHRONIZED -> "monitor=" + w + "#MONITOR";
      case UNFAIR -> "lock=" + w + "#UNFAIR";
      case FAIR -> "lock=" + w + "#FAIR";
    };
  }

  /** Every case, generated from the grid below; at least 40. */
  public static List<MatrixCase> all() {
    List<MatrixCase> cases = new ArrayList<>();
    Set<Pattern> none = EnumSet.noneOf(Pattern.class);
    Set<Pattern> everything = EnumSet.allOf(Pattern.class);
    // all the work under one lock: serialized by construction (Amdahl: s = 1)
    for (int threads : new int[] {2, 4}) {
      for (LockKind lock : LockKind.values()) {
        for (long hold : new long[] {1_000, 100_000, 1_000_000}) {
          cases.add(
              new MatrixCase(
                  name("gil", threads, lock, hold, 0),
                  Shape.SHARED,
                  threads,
                  lock,
                  hold,
                  0,
                  EnumSet.of(Pattern.SERIALIZATION),
                  none));
        }
      }
    }
    // ten times more work outside than inside: s <= 1/11, threads scale
    for (int threads : new int[] {2, 4}) {
      for (LockKind lock : new LockKind[] {LockKind.SYNCHRONIZED, LockKind.UNFAIR}) {
        for (long hold : new long[] {1_000, 100_000}) {
          cases.add(
              new MatrixCase(
                  name("outside10x", threads, lock, hold, 10 * hold),
                  Shape.SHARED,
                  threads,
                  lock,
                  hold,
                  10 * hold,
                  none,
                  EnumSet.of(Pattern.SERIALIZATION, Pattern.STARVATION)));
        }
      }
    }
    // negative controls: per-thread locks, and light contention (1 us in, 1 ms out)
    for (int threads : new int[] {2, 4}) {
      for (LockKind lock : new LockKind[] {LockKind.SYNCHRONIZED, LockKind.UNFAIR}) {
        cases.add(
            new MatrixCase(
                name("perthread", threads, lock, 10_000, 0),
                Shape.PER_THREAD,
                threads,
                lock,
                10_000,
                0,
                none,
                everything));
      }
    }
    for (LockKind lock : new LockKind[] {LockKind.SYNCHRONIZED, LockKind.UNFAIR}) {
      cases.add(
          new MatrixCase(
              name("light", 2, lock, 1_000, 1_000_000),
              Shape.SHARED,
              2,
              lock,
              1_000,
              1_000_000,
              none,
              everything));
    }
    // starvation: greedy re-takers of an unfair lock and one loser, parking or spinning
    for (Shape shape :
        new Shape[] {Shape.STARVED_PARKING, Shape.STARVED_SPINNING, Shape.SPINNING_WINNERS}) {
      int[] greedyCounts =
          switch (shape) {
            case STARVED_SPINNING -> new int[] {1};
            case STARVED_PARKING -> new int[] {1, 2};
            default -> new int[] {2, 3};
          };
      for (int greedy : greedyCounts) {
        for (long hold : new long[] {20_000, 200_000}) {
          if (shape == Shape.SPINNING_WINNERS && hold == 200_000 && greedy == 3) {
            continue;
          }
          cases.add(
              new MatrixCase(
                  name(shape.name().toLowerCase(Locale.ROOT), greedy, LockKind.UNFAIR, hold, 0),
                  shape,
                  greedy,
                  LockKind.UNFAIR,
                  hold,
                  0,
                  EnumSet.of(Pattern.STARVATION),
                  none));
        }
      }
    }
    // thrashing: the old GIL's release and immediate re-take of a lock held a microsecond, while
    // the others wait (an unfair lock or a monitor lets the releaser win); a fair lock held for a
    // millisecond hands over in FIFO order and spends little time in transit
    for (int threads : new int[] {2, 4}) {
      for (LockKind lock : new LockKind[] {LockKind.SYNCHRONIZED, LockKind.UNFAIR}) {
        cases.add(
            new MatrixCase(
                name("retake", threads, lock, 1_000, 0),
                Shape.SHARED,
                threads,
                lock,
                1_000,
                0,
                EnumSet.of(Pattern.THRASHING),
                none));
      }
      cases.add(
          new MatrixCase(
              name("handover", threads, LockKind.FAIR, 1_000_000, 0),
              Shape.SHARED,
              threads,
              LockKind.FAIR,
              1_000_000,
              0,
              none,
              EnumSet.of(Pattern.THRASHING)));
    }
    // convoy: an I/O thread behind CPU-bound holders of long slices
    for (int workers : new int[] {1, 2}) {
      for (LockKind lock : new LockKind[] {LockKind.FAIR, LockKind.SYNCHRONIZED}) {
        for (long slice : new long[] {2_000_000, 5_000_000}) {
          cases.add(
              new MatrixCase(
                  name("ioconvoy", workers, lock, slice, 0),
                  Shape.IO_CONVOY,
                  workers,
                  lock,
                  slice,
                  0,
                  EnumSet.of(Pattern.CONVOY),
                  none));
        }
      }
      cases.add(
          new MatrixCase(
              name("flaggil", workers, LockKind.SYNCHRONIZED, 5_000_000, 0),
              Shape.FLAG_GIL,
              workers,
              LockKind.SYNCHRONIZED,
              5_000_000,
              0,
              EnumSet.of(Pattern.CONVOY),
              none));
    }
    // negative controls for convoy: CPU-bound threads alone on the flag GIL, and workers that hold
    // the lock as briefly as the I/O thread
    cases.add(
        new MatrixCase(
            name("flaggil-cpu", 2, LockKind.SYNCHRONIZED, 5_000_000, 0),
            Shape.FLAG_GIL_CPU_ONLY,
            2,
            LockKind.SYNCHRONIZED,
            5_000_000,
            0,
            none,
            EnumSet.of(Pattern.CONVOY, Pattern.STARVATION)));
    for (LockKind lock : new LockKind[] {LockKind.FAIR, LockKind.SYNCHRONIZED}) {
      cases.add(
          new MatrixCase(
              name("iolight", 1, lock, IO_HOLD_NANOS, 10 * IO_HOLD_NANOS),
              Shape.IO_CONVOY,
              1,
              lock,
              IO_HOLD_NANOS,
              10 * IO_HOLD_NANOS,
              none,
              everything));
    }
    return cases;
  }

  private static String name(String shape, int threads, LockKind lock, long hold, long out) {
    return String.format(
        Locale.ROOT,
        "%s-%dt-%s-hold%dus-out%dus",
        shape,
        threads,
        lock.name().toLowerCase(Locale.ROOT),
        hold / 1000,
        out / 1000);
  }

  public static MatrixCase named(String name) {
    for (MatrixCase c : all()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no matrix case '" + name + "'");
  }
}
