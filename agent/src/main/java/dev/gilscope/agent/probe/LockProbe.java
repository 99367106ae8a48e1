package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorTryLockFailed;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Replacements for call sites of {@link Lock} and {@link Condition} methods in application code
 * ({@code invokeinterface Lock.lock} becomes {@code invokestatic LockProbe.lock(Lock)}). Each one
 * calls through to the original method with the same arguments, result and exceptions; for a lock
 * that is not tracked that is all it does, after one reference comparison. Any thread; never throws
 * anything the original would not.
 */
public final class LockProbe {
  private LockProbe() {}

  public static void lock(Lock lock) {
    MonitorState s = Registry.lock(lock);
    if (s == null) {
      lock.lock();
      return;
    }
    Object token = request(s, true);
    lock.lock();
    acquired(s, token, false);
  }

  public static void lockInterruptibly(Lock lock) throws InterruptedException {
    MonitorState s = Registry.lock(lock);
    if (s == null) {
      lock.lockInterruptibly();
      return;
    }
    Object token = request(s, true);
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException | RuntimeException | Error e) {
      cancel(s, token);
      throw e;
    }
    acquired(s, token, false);
  }

  public static boolean tryLock(Lock lock) {
    MonitorState s = Registry.lock(lock);
    if (s == null) {
      return lock.tryLock();
    }
    Object token = request(s, false);
    MonitorTryLockFailed event = token instanceof ThreadStats ? beginTryLock() : null;
    boolean locked = lock.tryLock();
    if (locked) {
      acquired(s, token, true);
    } else {
      failed(s, token, event, 0);
    }
    return locked;
  }

  public static boolean tryLock(Lock lock, long time, TimeUnit unit) throws InterruptedException {
    MonitorState s = Registry.lock(lock);
    if (s == null) {
      return lock.tryLock(time, unit);
    }
    Object token = request(s, true);
    MonitorTryLockFailed event = beginTryLock();
    boolean locked;
    try {
      locked = lock.tryLock(time, unit);
    } catch (InterruptedException | RuntimeException | Error e) {
      cancel(s, token);
      throw e;
    }
    if (locked) {
      acquired(s, token, true);
    } else {
      failed(s, token, event, unit.toNanos(time));
    }
    return locked;
  }

  public static void unlock(Lock lock) {
    MonitorState s = Registry.lock(lock);
    ThreadStats gap = null;
    if (s != null) {
      try {
        gap = s.releasing(true);
      } catch (Throwable t) {
        Errors.suppressed(t);
      }
    }
    lock.unlock();
    if (gap != null) {
      MonitorState.restartGap(gap);
    }
  }

  public static Condition newCondition(Lock lock) {
    Condition condition = lock.newCondition();
    MonitorState s = Registry.lock(lock);
    if (s != null) {
      try {
        Registry.registerCondition(condition, s);
      } catch (Throwable t) {
        Errors.suppressed(t);
      }
    }
    return condition;
  }

  // ------------------------------------------------------------------ conditions

  public static void await(Condition condition) throws InterruptedException {
    MonitorState s = Registry.condition(condition);
    if (s == null) {
      condition.await();
      return;
    }
    Waiting w = Probe.beforeWait(s, 0);
    try {
      condition.await();
    } finally {
      Probe.afterWait(s, w, 0);
    }
  }

  public static boolean await(Condition condition, long time, TimeUnit unit)
      throws InterruptedException {
    MonitorState s = Registry.condition(condition);
    if (s == null) {
      return condition.await(time, unit);
    }
    Waiting w = Probe.beforeWait(s, Math.max(0, unit.toNanos(time)));
    boolean signalled = false;
    try {
      signalled = condition.await(time, unit);
      return signalled;
    } finally {
      Probe.afterWait(s, w, signalled ? 0 : 1);
    }
  }

  public static long awaitNanos(Condition condition, long nanos) throws InterruptedException {
    MonitorState s = Registry.condition(condition);
    if (s == null) {
      return condition.awaitNanos(nanos);
    }
    Waiting w = Probe.beforeWait(s, Math.max(0, nanos));
    long remaining = 1;
    try {
      remaining = condition.awaitNanos(nanos);
      return remaining;
    } finally {
      Probe.afterWait(s, w, remaining <= 0 ? 1 : 0);
    }
  }

  public static void awaitUninterruptibly(Condition condition) {
    MonitorState s = Registry.condition(condition);
    if (s == null) {
      condition.awaitUninterruptibly();
      return;
    }
    Waiting w = Probe.beforeWait(s, 0);
    try {
      condition.awaitUninterruptibly();
    } finally {
      Probe.afterWait(s, w, 0);
    }
  }

  public static boolean awaitUntil(Condition condition, Date deadline) throws InterruptedException {
    MonitorState s = Registry.condition(condition);
    if (s == null) {
      return condition.awaitUntil(deadline);
    }
    long timeoutNanos =
        deadline == null
            ? 0
            : Math.max(
                0, TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis()));
    Waiting w = Probe.beforeWait(s, timeoutNanos);
    boolean signalled = false;
    try {
      signalled = condition.awaitUntil(deadline);
      return signalled;
    } finally {
      Probe.afterWait(s, w, signalled ? 0 : 1);
    }
  }

  public static void signal(Condition condition) {
    MonitorState s = Registry.condition(condition);
    condition.signal();
    if (s != null) {
      Probe.notified(s, false);
    }
  }

  public static void signalAll(Condition condition) {
    MonitorState s = Registry.condition(condition);
    condition.signalAll();
    if (s != null) {
      Probe.notified(s, true);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Object request(MonitorState s, boolean willWait) {
    try {
      return s.request(willWait);
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  private static void acquired(MonitorState s, Object token, boolean viaTryLock) {
    if (token == null) {
      return;
    }
    try {
      s.acquired(token instanceof ThreadStats ? (ThreadStats) token : null, viaTryLock);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  private static void cancel(MonitorState s, Object token) {
    try {
      s.cancelRequest(token);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  private static MonitorTryLockFailed beginTryLock() {
    try {
      return Emitter.beginTryLock();
    } catch (Throwable t) {
      Errors.suppressed(t);
      return null;
    }
  }

  private static void failed(
      MonitorState s, Object token, MonitorTryLockFailed event, long timeout) {
    try {
      s.tryLockFailed();
      ThreadStats ts;
      Thread previousOwner = null;
      int waitersAtRequest = 0;
      if (token instanceof ThreadStats) {
        ts = (ThreadStats) token;
        previousOwner = ts.pendingOwner;
        waitersAtRequest = ts.pendingWaiters;
        s.cancelRequest(ts);
        ts.pendingOwner = null;
        ts.pendingEvent = null;
      } else {
        ts = s.statsOfCurrentThread();
        ts.requests++;
      }
      if (event != null) {
        Emitter.commitTryLockFailed(event, s, previousOwner, waitersAtRequest, timeout);
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }
}
