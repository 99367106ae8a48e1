package dev.gilscope.itapps;

/**
 * The ways javac leaves a {@code synchronized} region: fall-through, {@code return} with a value,
 * {@code break} and {@code continue}, an exception, nested blocks, a block inside a try, and the
 * {@code synchronized} methods of a {@code monitor=C} class with several returns, with a return
 * covered by a try/catch and with a block on their own instance. The test checks that counts and
 * events stay exact on every path and that no instrumented method becomes one the JIT refuses
 * ({@code -Xlog:monitormismatch}): a probe call in the wrong place of a handler range would make
 * HotSpot run it interpreted for good (see SiteRewriter). Single-threaded, so every acquisition is
 * uncontended. Tracked: {@code ExitShapes#LOCK} and {@code ExitShapes$Wrapped}.
 */
public final class ExitShapes {
  public static final Object LOCK = new Object();
  private static final Object OTHER = new Object();
  private static int value;
  private static long acquisitions;

  private ExitShapes() {}

  static final class Wrapped {
    private int count;

    synchronized int twoReturns(int i) {
      if ((i & 1) == 0) {
        return ++count;
      }
      count += 2;
      return -count;
    }

    synchronized int returnInsideTry(int i) {
      try {
        return Integer.parseInt(i % 7 == 0 ? "x" : "1") + count;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    synchronized void throwing() {
      throw new IllegalStateException("released on the exception path");
    }

    /** Re-enters its own monitor in a block, and leaves both by an exception now and then. */
    synchronized int blockOnItself(int i) {
      synchronized (this) {
        if (i % 100 == 50) {
          throw new IllegalStateException("released twice on the exception path");
        }
        return ++count;
      }
    }
  }

  static void fallThrough() {
    synchronized (LOCK) {
      value++;
    }
    acquisitions++;
  }

  static int returnsValue() {
    acquisitions++;
    synchronized (LOCK) {
      return value;
    }
  }

  static void breakAndContinue() {
    for (int i = 0; i < 3; i++) {
      acquisitions++;
      synchronized (LOCK) {
        if (value % 5 == 0 && i == 1) {
          break;
        }
        if (i == 0) {
          continue;
        }
        value++;
      }
    }
  }

  static void nested() {
    acquisitions++;
    synchronized (LOCK) {
      synchronized (OTHER) {
        value++;
      }
    }
  }

  static void insideTry() {
    acquisitions++;
    try {
      synchronized (LOCK) {
        if (value % 3 == 0) {
          throw new IllegalArgumentException("thrown inside the block");
        }
        value++;
      }
    } catch (IllegalArgumentException e) {
      value++;
    }
  }

  static void reentrant() {
    acquisitions++;
    synchronized (LOCK) {
      synchronized (LOCK) {
        value++;
      }
    }
  }

  static void run(int iterations) {
    Wrapped wrapped = new Wrapped();
    long wrappedCalls = 0;
    long sink = 0;
    for (int i = 0; i < iterations; i++) {
      fallThrough();
      sink += returnsValue();
      breakAndContinue();
      nested();
      insideTry();
      reentrant();
      sink += wrapped.twoReturns(i);
      sink += wrapped.returnInsideTry(i);
      try {
        sink += wrapped.blockOnItself(i);
      } catch (IllegalStateException expected) {
        sink--;
      }
      wrappedCalls += 3;
      if (i % 100 == 0) {
        try {
          wrapped.throwing();
        } catch (IllegalStateException expected) {
          wrappedCalls++;
        }
      }
    }
    Scenarios.expect("shapes.acquisitions", acquisitions);
    Scenarios.expect("shapes.reentrant", iterations);
    Scenarios.expect("shapes.wrapped", wrappedCalls);
    Scenarios.expect("shapes.wrappedReentrant", iterations);
    Scenarios.expect("shapes.sink", sink);
  }
}
