package dev.gilscope.agent.probe;

/**
 * The static methods that instrumented bytecode calls for object monitors: around every {@code
 * monitorenter}/{@code monitorexit} of application code, in tracked classes' synchronized methods,
 * and instead of {@code Object.wait/notify/notifyAll}. Loaded by the bootstrap loader, so that
 * instrumented JDK classes can call it too; exactly one copy exists.
 *
 * <p>Every method is safe for any thread and never throws into the caller (errors are counted in
 * {@link Errors}); the wait/notify replacements throw exactly what the original call throws. For an
 * untracked object, each method costs one reference comparison (plus a class lookup when class
 * monitors are configured, once per lock and unlock at a site with a token: {@link #requestToken})
 * and is small enough for the JIT to inline.
 */
public final class Probe {
  private Probe() {}

  /** Bytecode before a {@code monitorenter}: {@code dup; invokestatic beforeEnter}. */
  public static void beforeEnter(Object monitor) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null) {
      return;
    }
    try {
      if (s.instances != null) { // the registry answers a monitor=<class> instance with the class
        InstanceProbe.beforeEnter(s.instances, monitor);
      } else {
        s.request(true);
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  /**
   * Bytecode right after the {@code monitorenter}, as the first instruction of the block's
   * catch-any region (so the JIT still sees balanced monitors): {@code aload lockLocal;
   * invokestatic afterEnter}.
   */
  public static void afterEnter(Object monitor) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null) {
      return;
    }
    try {
      if (s.instances != null) {
        InstanceProbe.afterEnter(s.instances, monitor);
      } else {
        s.acquiredAtSite();
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  /**
   * Before the implicit exit of a tracked class's synchronized method (its advice cannot run code
   * after that exit).
   */
  public static void beforeExit(Object monitor) {
    release(monitor, false);
  }

  /**
   * Bytecode: {@code dup; invokestatic exiting; swap; monitorexit; invokestatic exited}. Returns
   * the releasing thread's record when the release opened a timed gap (else null), for {@link
   * #exited} to start that gap after the {@code monitorexit}: the exit's own cost (waking a waiter,
   * taking the lock word's cache line back from a spinning one) is handing the monitor over, not
   * work outside it.
   */
  public static Object exiting(Object monitor) {
    return release(monitor, true);
  }

  /** The release before an exit; {@code exitRestartsGap} as for MonitorState.releasing. */
  private static ThreadStats release(Object monitor, boolean exitRestartsGap) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null) {
      return null;
    }
    try {
      if (s.instances != null) {
        return InstanceProbe.beforeExit(s.instances, monitor, exitRestartsGap);
      }
      return s.releasing(exitRestartsGap);
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  /** Bytecode right after the {@code monitorexit} that {@link #exiting} preceded. */
  public static void exited(Object gap) {
    if (gap != null) {
      MonitorState.restartGap((ThreadStats) gap);
    }
  }

  /**
   * Bytecode before a {@code monitorenter} of a method that keeps a token local (classes rewritten
   * while {@code monitor=<class>} targets are configured, javac's shape): {@code dup; astore n;
   * dup; invokestatic requestToken; astore t; monitorenter}; the matching {@link
   * #afterEnter(Object, Object)} and {@link #beforeExit(Object, Object)} get the token back from
   * local {@code t}. It saves them the lookups of the object's class and thread record: an object
   * that is not monitored, and a fresh instance of a {@code monitor=<class>} class, are settled
   * here ({@code InstanceProbe.SETTLED}); any other instance of such a class, tracked or held, gets
   * the class and the thread's record as its token ({@link PendingToken}); null sends them the way
   * of a site without a token (a monitor of its own).
   */
  public static Object requestToken(Object monitor) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null) {
      return InstanceProbe.SETTLED;
    }
    try {
      if (s.instances != null) {
        return InstanceProbe.request(s.instances, monitor);
      }
      s.request(true);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
    return null;
  }

  /** Bytecode right after the {@code monitorenter}: {@code aload n; aload t; invokestatic}. */
  public static void afterEnter(Object monitor, Object token) {
    if (token != InstanceProbe.SETTLED) {
      afterEnterWithToken(monitor, token);
    }
  }

  private static void afterEnterWithToken(Object monitor, Object token) {
    if (token == null) {
      afterEnter(monitor);
    } else if (token instanceof PendingToken) {
      try {
        InstanceProbe.afterEnter((PendingToken) token, monitor);
      } catch (Throwable t) {
        Errors.suppressed(t);
      }
    } // else the thread's record: the request pushed the instance on its held stack
  }

  /**
   * Bytecode of a rewritten synchronized method's exit: {@code aload n; dup; aload t; invokestatic
   * beforeExit; monitorexit} (its returns and handler follow the exit inside the method's range).
   */
  public static void beforeExit(Object monitor, Object token) {
    if (token != InstanceProbe.SETTLED) {
      releaseWithToken(monitor, token, false); // out of line: the settled case stays small
    }
  }

  /**
   * Bytecode: {@code aload n; dup; aload t; invokestatic exiting; swap; monitorexit; invokestatic
   * exited}; as {@link #exiting(Object)}.
   */
  public static Object exiting(Object monitor, Object token) {
    return token == InstanceProbe.SETTLED ? null : releaseWithToken(monitor, token, true);
  }

  private static ThreadStats releaseWithToken(
      Object monitor, Object token, boolean exitRestartsGap) {
    if (token == null) {
      return release(monitor, exitRestartsGap);
    }
    try {
      if (token instanceof PendingToken) {
        return InstanceProbe.beforeExit((PendingToken) token, monitor, exitRestartsGap);
      }
      InstanceProbe.exitHeld((InstanceThread) token, monitor);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
    return null;
  }

  /**
   * Entry of a tracked class's synchronized method whose modifiers could not be changed (a class
   * loaded before the agent): the JVM has already acquired the monitor, so the request and its wait
   * are not visible here and the acquisition counts as uncontended, unless an application call site
   * took the monitor just before the call ({@link CallSiteMonitor}): then it was counted there.
   */
  public static void enteredSynchronizedMethod(Object self) {
    MonitorState s = Registry.monitor(self);
    if (s == null) {
      return;
    }
    try {
      if (s.instances != null) {
        InstanceProbe.enteredSynchronizedMethod(s.instances, self);
      } else {
        s.enteredSynchronizedMethod();
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  /** A tracked field was assigned (bytecode: {@code dup; ldc index; invokestatic} before put). */
  public static void fieldWritten(Object value, int specIndex) {
    try {
      Registry.fieldWritten(value, specIndex);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  // ------------------------------------------------------------------ wait / notify

  public static void waitOn(Object monitor) throws InterruptedException {
    MonitorState s = forWait(monitor);
    if (s == null) {
      monitor.wait();
      return;
    }
    Waiting w = beforeWait(s, 0);
    try {
      monitor.wait();
    } finally {
      afterWait(s, w, -1);
    }
  }

  public static void waitOn(Object monitor, long timeoutMillis) throws InterruptedException {
    MonitorState s = forWait(monitor);
    if (s == null) {
      monitor.wait(timeoutMillis);
      return;
    }
    Waiting w = beforeWait(s, millisToNanos(timeoutMillis, 0));
    try {
      monitor.wait(timeoutMillis);
    } finally {
      afterWait(s, w, -1);
    }
  }

  public static void waitOn(Object monitor, long timeoutMillis, int nanos)
      throws InterruptedException {
    MonitorState s = forWait(monitor);
    if (s == null) {
      monitor.wait(timeoutMillis, nanos);
      return;
    }
    Waiting w = beforeWait(s, millisToNanos(timeoutMillis, nanos));
    try {
      monitor.wait(timeoutMillis, nanos);
    } finally {
      afterWait(s, w, -1);
    }
  }

  public static void notifyOn(Object monitor) {
    MonitorState s = forNotify(monitor);
    monitor.notify();
    if (s != null) {
      notified(s, false);
    }
  }

  public static void notifyAllOn(Object monitor) {
    MonitorState s = forNotify(monitor);
    monitor.notifyAll();
    if (s != null) {
      notified(s, true);
    }
  }

  /** The state to record a wait with; a monitor=<class> instance is counted by InstanceProbe. */
  private static MonitorState forWait(Object monitor) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null || s.instances == null) {
      return s;
    }
    try {
      return InstanceProbe.forWait(s.instances, monitor);
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  private static MonitorState forNotify(Object monitor) {
    MonitorState s = Registry.monitor(monitor);
    if (s == null || s.instances == null) {
      return s;
    }
    try {
      return InstanceProbe.forNotify(s.instances, monitor);
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  static Waiting beforeWait(MonitorState s, long timeoutNanos) {
    try {
      return s.beforeWait(timeoutNanos);
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  static void afterWait(MonitorState s, Waiting w, int timedOut) {
    if (w == null) {
      return;
    }
    try {
      s.afterWait(w, timedOut);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void notified(MonitorState s, boolean all) {
    try {
      s.notified(all);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  private static long millisToNanos(long millis, int nanos) {
    if (millis < 0) {
      return 0; // wait throws IllegalArgumentException; nothing to record
    }
    return millis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000 + nanos;
  }
}
