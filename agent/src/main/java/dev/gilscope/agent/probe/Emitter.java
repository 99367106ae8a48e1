package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorAcquire;
import dev.gilscope.agent.event.MonitorHold;
import dev.gilscope.agent.event.MonitorNotify;
import dev.gilscope.agent.event.MonitorTryLockFailed;
import dev.gilscope.agent.event.MonitorWait;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Creates and commits gilscope's per-operation JFR events. Called by the thread doing the
 * operation, while it holds the monitor (except for failed tryLocks). Events are allocated only
 * when their type is enabled; every commit runs under a per-thread guard so that tracked monitors
 * used by JFR itself (or by a tracked PrintStream) are counted but never record events of their own
 * from inside a commit (only when a JDK object is tracked). Cost: the JFR commit (~50-100 ns), plus
 * one ThreadLocal lookup when guarded.
 *
 * <p>Every commit runs out of line, through a MethodHandle that C2 cannot treat as a constant. On
 * JDK 17, JFR's generated writer of a 12-field event inlines a 9-branch varint encoder per field:
 * inlined into each instrumented method (and from there into the application's loop), it cost C2
 * seconds per compilation (16.7 s of C2 time in one {@code detail=all} workload run, measured with
 * {@code -XX:+CITime}; the biggest single task, {@code Probe.beforeExit}, 4.2 s) while the code ran
 * in C1's profiled tier. Called through the handle, each writer is compiled once, on its own.
 */
final class Emitter {
  // not ThreadLocal.withInitial: the first lambda of a JVM costs ~10 ms of CPU in premain
  private static final ThreadLocal<boolean[]> EMITTING =
      new ThreadLocal<boolean[]>() {
        @Override
        protected boolean[] initialValue() {
          return new boolean[1];
        }
      };

  /** Shared by every thread when no guard is needed: its flag is never set. */
  private static final boolean[] UNGUARDED = new boolean[1];

  /**
   * Whether a commit can re-enter the probe: only when a tracked monitor is a JDK object (a class
   * or field of the JDK), which JFR's own code may lock. Set once at premain. Unguarded, a nested
   * entry would be reentrant (no event), so the worst case is a duplicate event, never a loop.
   */
  private static boolean guardNeeded = true;

  /**
   * Whether JFR is initialized (set once by {@link Statistics}'s recorder listener, before any
   * recording can start). Until then no event class is touched: on JDK 17 loading the first one
   * initializes JFR's metadata (~0.3 s of a JVM start), and no recording could take its events
   * anyway. Counts never depend on it.
   */
  private static volatile boolean ready;

  private Emitter() {}

  /**
   * The event writers, created on the first commit (after {@link #ready}): their method types name
   * the event classes, which must not be loaded before JFR is initialized.
   */
  private static final class Writers {
    // Not final on purpose: a constant MethodHandle would be inlined through, see the class
    // comment.
    private static MethodHandle acquireWriter =
        writer(
            "writeAcquire",
            MonitorAcquire.class,
            MonitorState.class,
            long.class,
            boolean.class,
            Thread.class,
            Thread.class,
            int.class,
            boolean.class);
    private static MethodHandle holdWriter =
        writer(
            "writeHold",
            MonitorHold.class,
            MonitorState.class,
            long.class,
            int.class,
            boolean.class);
    private static MethodHandle waitWriter =
        writer(
            "writeWait",
            MonitorWait.class,
            MonitorState.class,
            long.class,
            boolean.class,
            Thread.class);
    private static MethodHandle notifyWriter =
        writer("writeNotify", MonitorState.class, boolean.class, int.class);
    private static MethodHandle tryLockWriter =
        writer(
            "writeTryLockFailed",
            MonitorTryLockFailed.class,
            MonitorState.class,
            Thread.class,
            int.class,
            long.class);

    private static MethodHandle writer(String name, Class<?>... parameters) {
      try {
        return MethodHandles.lookup()
            .findStatic(Emitter.class, name, MethodType.methodType(void.class, parameters));
      } catch (ReflectiveOperationException e) {
        throw new LinkageError("gilscope: no event writer " + name, e);
      }
    }
  }

  static void commitAcquire(
      MonitorAcquire event,
      MonitorState state,
      long sequence,
      boolean contended,
      Thread previousOwner,
      Thread lastReleaser,
      int waitersAtRequest,
      boolean tryLock) {
    try {
      Writers.acquireWriter.invokeExact(
          event,
          state,
          sequence,
          contended,
          previousOwner,
          lastReleaser,
          waitersAtRequest,
          tryLock);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void commitHold(
      MonitorHold event, MonitorState state, long sequence, int waitersAtRelease, boolean byWait) {
    try {
      Writers.holdWriter.invokeExact(event, state, sequence, waitersAtRelease, byWait);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void commitWait(
      MonitorWait event, MonitorState state, long timeoutNanos, boolean timedOut, Thread notifier) {
    try {
      Writers.waitWriter.invokeExact(event, state, timeoutNanos, timedOut, notifier);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void commitNotify(MonitorState state, boolean all, int waiters) {
    if (!ready) {
      return;
    }
    try {
      Writers.notifyWriter.invokeExact(state, all, waiters);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void commitTryLockFailed(
      MonitorTryLockFailed event,
      MonitorState state,
      Thread previousOwner,
      int waitersAtRequest,
      long timeoutNanos) {
    try {
      Writers.tryLockWriter.invokeExact(
          event, state, previousOwner, waitersAtRequest, timeoutNanos);
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  static void setGuardNeeded(boolean needed) {
    guardNeeded = needed;
  }

  private static boolean[] guard() {
    return guardNeeded ? EMITTING.get() : UNGUARDED;
  }

  /** Called once JFR is initialized, before any recording starts. */
  static void eventsReady() {
    ready = true;
  }

  // Each event type is spelled out: a generic helper would make the verifier load the event
  // classes (to check them against jdk.jfr.Event) as soon as this class is linked.

  /** Returns a begun event, or null when the event type is disabled. */
  static MonitorAcquire beginAcquire() {
    if (!ready) {
      return null;
    }
    MonitorAcquire event = new MonitorAcquire();
    if (!event.isEnabled()) {
      return null;
    }
    event.begin();
    return event;
  }

  static MonitorHold beginHold() {
    if (!ready) {
      return null;
    }
    MonitorHold event = new MonitorHold();
    if (!event.isEnabled()) {
      return null;
    }
    event.begin();
    return event;
  }

  static MonitorWait beginWait() {
    if (!ready) {
      return null;
    }
    MonitorWait event = new MonitorWait();
    if (!event.isEnabled()) {
      return null;
    }
    event.begin();
    return event;
  }

  static MonitorTryLockFailed beginTryLock() {
    if (!ready) {
      return null;
    }
    MonitorTryLockFailed event = new MonitorTryLockFailed();
    if (!event.isEnabled()) {
      return null;
    }
    event.begin();
    return event;
  }

  private static void writeAcquire(
      MonitorAcquire event,
      MonitorState state,
      long sequence,
      boolean contended,
      Thread previousOwner,
      Thread lastReleaser,
      int waitersAtRequest,
      boolean tryLock) {
    boolean[] guard = guard();
    if (guard[0]) {
      return;
    }
    guard[0] = guardNeeded;
    try {
      event.monitorId = state.id;
      event.monitorName = state.name;
      event.sequence = sequence;
      event.contended = contended;
      event.previousOwner = previousOwner;
      event.lastReleaser = lastReleaser;
      event.previousOwnerName = nameOf(previousOwner);
      event.lastReleaserName = nameOf(lastReleaser);
      event.waitersAtRequest = waitersAtRequest;
      event.tryLock = tryLock;
      event.commit();
    } finally {
      guard[0] = false;
    }
  }

  /** An acquisition without a wait: committed with duration 0 at the acquisition. */
  static void commitInstantAcquire(
      MonitorState state, long sequence, Thread lastReleaser, int waiters, boolean tryLock) {
    if (!ready) {
      return;
    }
    MonitorAcquire event = new MonitorAcquire();
    if (event.isEnabled()) {
      commitAcquire(event, state, sequence, false, null, lastReleaser, waiters, tryLock);
    }
  }

  private static void writeHold(
      MonitorHold event, MonitorState state, long sequence, int waitersAtRelease, boolean byWait) {
    boolean[] guard = guard();
    if (guard[0]) {
      return;
    }
    guard[0] = guardNeeded;
    try {
      // ended by the caller, MonitorState.endTimedHold, which may read its duration
      event.monitorId = state.id;
      event.monitorName = state.name;
      event.sequence = sequence;
      event.waitersAtRelease = waitersAtRelease;
      event.endedByWait = byWait;
      event.commit();
    } finally {
      guard[0] = false;
    }
  }

  private static void writeWait(
      MonitorWait event, MonitorState state, long timeoutNanos, boolean timedOut, Thread notifier) {
    boolean[] guard = guard();
    if (guard[0]) {
      return;
    }
    guard[0] = guardNeeded;
    try {
      event.end();
      event.monitorId = state.id;
      event.monitorName = state.name;
      event.monitorClass = state.monitorClass;
      event.monitorKind = state.kind;
      event.timeout = timeoutNanos;
      event.timedOut = timedOut;
      event.notifier = notifier;
      event.notifierName = nameOf(notifier);
      event.commit();
    } finally {
      guard[0] = false;
    }
  }

  private static void writeNotify(MonitorState state, boolean all, int waiters) {
    MonitorNotify event = new MonitorNotify();
    if (!event.isEnabled()) {
      return;
    }
    boolean[] guard = guard();
    if (guard[0]) {
      return;
    }
    guard[0] = guardNeeded;
    try {
      event.monitorId = state.id;
      event.monitorName = state.name;
      event.monitorClass = state.monitorClass;
      event.monitorKind = state.kind;
      event.all = all;
      event.waiters = waiters;
      event.commit();
    } finally {
      guard[0] = false;
    }
  }

  private static void writeTryLockFailed(
      MonitorTryLockFailed event,
      MonitorState state,
      Thread previousOwner,
      int waitersAtRequest,
      long timeoutNanos) {
    boolean[] guard = guard();
    if (guard[0]) {
      return;
    }
    guard[0] = guardNeeded;
    try {
      event.end();
      event.monitorId = state.id;
      event.monitorName = state.name;
      event.monitorClass = state.monitorClass;
      event.monitorKind = state.kind;
      event.previousOwner = previousOwner;
      event.previousOwnerName = nameOf(previousOwner);
      event.waitersAtRequest = waitersAtRequest;
      event.timeout = timeoutNanos;
      event.commit();
    } finally {
      guard[0] = false;
    }
  }

  /** Runs a statistics flush with the guard set, so tracked monitors used by JFR stay silent. */
  static boolean enterGuard() {
    boolean[] guard = EMITTING.get(); // the statistics flush is rare: always guarded
    if (guard[0]) {
      return false;
    }
    guard[0] = true;
    return true;
  }

  static void exitGuard() {
    // always the thread's own flag, see enterGuard
    EMITTING.get()[0] = false;
  }

  /**
   * A thread's name for the {@code *Name} fields: only read when an event is committed, because JFR
   * on JDK 17 writes a {@code Thread} field of an ended thread as null.
   */
  private static String nameOf(Thread thread) {
    return thread == null ? null : thread.getName();
  }
}
