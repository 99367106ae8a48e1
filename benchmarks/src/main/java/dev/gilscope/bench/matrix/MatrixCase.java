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
 * @param threads worker threads (the starvation shapes add one victim)
 * @param lock the kind of lock
 * @param holdNanos busy work inside the lock per acquisition
 * @param outsideNanos busy work outside the lock between two acquisitions
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
    /** Greedy threads re-take an unfair lock at once; a victim that parks in lock() loses. */
    STARVED_PARKING,
    /** Greedy threads as above; the victim spins on tryLock with Thread.onSpinWait. */
    STARVED_SPINNING,
    /** Greedy threads spin on tryLock with onSpinWait; the victim parks in lock(). */
    SPINNING_WINNERS
  }

  /** The -javaagent options that track the case's lock. */
  public String agentOptions() {
    String w = MatrixWorkload.class.getName();
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
      for (int greedy : new int[] {2, 3}) {
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
