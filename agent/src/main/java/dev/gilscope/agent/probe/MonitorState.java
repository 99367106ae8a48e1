package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorAcquire;
import dev.gilscope.agent.event.MonitorHold;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bookkeeping of one tracked monitor or lock instance. Almost every field is written only by the
 * thread that holds the monitor, between acquisition and release, so the monitor itself provides
 * mutual exclusion and happens-before: plain fields, no atomics on the uncontended path. Only a
 * contended request touches shared state outside the monitor (an atomic waiter count). The monitor
 * object is held weakly (class monitors must not leak their instances); {@link #strongKey} keeps
 * the one object in the registry's fast slot and lets that slot compare by reference.
 *
 * <p>Cost of an uncontended acquire + release at the default detail: about 15 plain loads and
 * stores on cache lines the holder already owns, and no clock read.
 */
public final class MonitorState extends WeakReference<Object> {
  private static final VarHandle OWNER;
  private static final VarHandle WAITERS;
  private static final VarHandle MAX_QUEUE;
  private static final VarHandle FAILED_TRY_LOCKS;
  private static final VarHandle ACQUISITIONS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      OWNER = lookup.findVarHandle(MonitorState.class, "owner", Thread.class);
      WAITERS = lookup.findVarHandle(MonitorState.class, "waiters", int.class);
      MAX_QUEUE = lookup.findVarHandle(MonitorState.class, "maxQueueLength", int.class);
      FAILED_TRY_LOCKS = lookup.findVarHandle(MonitorState.class, "failedTryLocks", long.class);
      ACQUISITIONS = lookup.findVarHandle(MonitorState.class, "acquisitions", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final long id;
  final String name;
  final Class<?> monitorClass;
  final String kind;
  final Object strongKey;
  final ThreadStatsTable threads = new ThreadStatsTable();
  final EmittedTotals emitted = new EmittedTotals();
  volatile MonitorState nextRegistered;

  /**
   * {@code monitor=<class>}: the class's instances, for its "other instances" monitor ({@link
   * #isOthers}) and for an instance tracked on its own; null for every other monitor.
   */
  final InstanceClass instances;

  /** When an instance began to be tracked after earlier acquisitions (epoch ms), else 0. */
  final long trackedSinceMillis;

  // --- written by the holder only ---
  private Thread owner;
  private int depth;
  long acquisitions;
  long contendedAcquisitions;
  long handoffs;
  long barging;
  long passOvers;
  long reentrantEntries;
  long waits;
  long timedOutWaits;
  long notifies;
  long timedHolds;
  long totalHoldNanos;
  long sampledHolds;
  long sampledHoldNanos;
  long maxHoldNanos;
  long timedWaits;
  long totalWaitNanos;
  long maxWaitNanos;
  // release-to-next-request gaps of the releasing thread (its work outside the monitor), two strata
  // like the holds: after every contended acquisition's hold, and 1 in N of the others
  long timedGaps;
  long totalGapNanos;
  long sampledGaps;
  long sampledGapNanos;
  // request-to-acquisition time of the uncontended acquisitions that end a timed gap: the cost of
  // getting a free monitor (its cache line held by another core, a spin that won), serial work
  // that neither the hold nor the gap sees
  long timedEntries;
  long totalEntryNanos;
  // the sampled holds, gaps and entries longer than LONG_SAMPLE_NANOS (a thread descheduled
  // mid-sample, usually): the analyzer counts rare ones at face value instead of scaling them up
  long sampledLongHolds;
  long sampledLongHoldNanos;
  long sampledLongGaps;
  long sampledLongGapNanos;
  long longEntries;
  long longEntryNanos;
  private int gapCountdown = Detail.sampleEvery;
  // the last thread that opened a gap: its request, which may not hold the monitor, reads this
  // (racily: a stale value only leaves the gap to end at the acquisition) to time its gap's end
  private ThreadStats lastGap;
  private Thread lastReleaser;
  private boolean releasedWithWaiters;
  private int sampleCountdown = Detail.sampleEvery;
  private boolean holdTimed;
  // the timed hold began with an uncontended acquisition: the sample stratum, see endTimedHold
  private boolean holdSampled;
  private long holdStartNanos;
  // holdStartNanos when the hold event's own JFR duration times the hold (EventClock)
  private static final long TIMED_BY_EVENT = Long.MIN_VALUE;
  private long holdSequence;
  private MonitorHold holdEvent;
  private ThreadStats ownerStats;
  int threadsInWait;
  Thread lastNotifier;
  // the depth at which an application call site took the monitor for a synchronized JDK method,
  // whose own entry (next) is then part of that acquisition, not a reentry; 0: none
  private int callSiteDepth;

  // a fair ReentrantLock: a request that finds it free while others are queued queues behind them
  // (AQS's hasQueuedPredecessors), so it is contended although nobody holds the lock; unfair locks
  // and monitors let such a request barge in
  private final boolean queuesBehindWaiters;

  // --- shared, atomic (contended and failed paths only) ---
  private volatile int waiters;
  volatile int maxQueueLength;
  volatile long failedTryLocks;

  MonitorState(long id, String name, Object monitor, String kind, boolean strong) {
    this(id, name, monitor, kind, strong, null, 0);
  }

  /** A tracked instance of a {@code monitor=<class>} class. */
  MonitorState(
      long id,
      String name,
      Object monitor,
      String kind,
      boolean strong,
      InstanceClass instances,
      long trackedSinceMillis) {
    super(monitor);
    this.id = id;
    this.name = name;
    this.monitorClass = monitor.getClass();
    this.kind = kind;
    this.strongKey = strong ? monitor : null;
    this.instances = instances;
    this.trackedSinceMillis = trackedSinceMillis;
    this.queuesBehindWaiters =
        monitor instanceof ReentrantLock && ((ReentrantLock) monitor).isFair();
  }

  /**
   * The "other instances" monitor of a {@code monitor=<class>} class: no object of its own (its
   * strong key is a private object, so the flush never unlinks it), counters summed from the
   * class's threads.
   */
  MonitorState(long id, String name, Class<?> type, String kind, InstanceClass instances) {
    super(null);
    this.id = id;
    this.name = name;
    this.monitorClass = type;
    this.kind = kind;
    this.strongKey = new Object();
    this.instances = instances;
    this.trackedSinceMillis = 0;
    this.queuesBehindWaiters = false;
  }

  boolean isOthers() {
    return instances != null && instances.others == this;
  }

  /** A state that matches no object: fills the registry's fast slot until something registers. */
  MonitorState() {
    super(null);
    this.id = 0;
    this.name = "";
    this.monitorClass = Object.class;
    this.kind = "";
    this.strongKey = new Object();
    this.instances = null;
    this.trackedSinceMillis = 0;
    this.queuesBehindWaiters = false;
  }

  /**
   * Before the enter: returns this state (free or reentrant) or the requesting thread's stats with
   * the pending request filled in (held by another thread, or a fair lock with others queued:
   * contended).
   */
  Object request(boolean willWait) {
    Thread current = (Thread) OWNER.getOpaque(this);
    Thread me = Thread.currentThread();
    ThreadStats gap = lastGap;
    if (gap != null && gap.thread == me && gap.gapOpen) {
      // the gap ends at the request: a monitorenter that blocks after finding the monitor free
      // here (another thread took it in between) is waiting, not work outside
      gap.gapRequestNanos = System.nanoTime();
      gap.gapRequested = true;
    }
    if (current == me) {
      return this;
    }
    if (current == null && !(willWait && queuesBehindWaiters && waiters != 0)) {
      return this;
    }
    return contendedRequest(me, current, willWait);
  }

  private ThreadStats contendedRequest(Thread me, Thread previousOwner, boolean willWait) {
    ThreadStats ts = threads.forThread(me, this);
    ts.requests++;
    ts.pendingOwner = previousOwner;
    ts.pendingSequence = (long) ACQUISITIONS.getOpaque(this);
    int queue = willWait ? (int) WAITERS.getAndAdd(this, 1) + 1 : waiters + 1;
    ts.pendingWaiters = queue - 1;
    ts.pendingCountedAsWaiter = willWait;
    ts.pendingActive = true;
    if (willWait) {
      int max;
      while (queue > (max = maxQueueLength) && !MAX_QUEUE.compareAndSet(this, max, queue)) {
        // retry: another waiter raised it concurrently
      }
    }
    ts.pendingEvent = Emitter.beginAcquire();
    ts.pendingNanos = System.nanoTime();
    return ts;
  }

  /** A waiting request gave up (interrupted, or a timed tryLock that failed). */
  void cancelRequest(Object token) {
    if (token instanceof ThreadStats) {
      ThreadStats ts = (ThreadStats) token;
      ts.pendingActive = false;
      if (ts.pendingCountedAsWaiter) {
        ts.pendingCountedAsWaiter = false;
        WAITERS.getAndAdd(this, -1);
      }
      ts.pendingEvent = null;
      ts.pendingOwner = null;
    }
  }

  /**
   * After a {@code monitorenter} of application code, holding the monitor. The site keeps no token
   * (the call must sit inside the block's exception handler, where the stack is not ours), so a
   * contended request is found again: only when someone is counted as waiting can it be this
   * thread.
   */
  void acquiredAtSite() {
    ThreadStats pending = null;
    if (waiters != 0) {
      ThreadStats mine = threads.find(Thread.currentThread());
      if (mine != null && mine.pendingActive) {
        pending = mine;
      }
    }
    acquired(pending, false);
  }

  /** After a call site took the monitor for a synchronized JDK method (see CallSiteMonitor). */
  void acquiredAtCallSite() {
    acquiredAtSite();
    callSiteDepth = depth;
  }

  /**
   * Entry of a synchronized JDK method (the JVM holds the monitor): the acquisition itself, the
   * second half of a call site's, or a reentry.
   */
  void enteredSynchronizedMethod() {
    if (callSiteDepth != 0 && callSiteDepth == depth && owner == Thread.currentThread()) {
      depth++;
      callSiteDepth = 0;
      return;
    }
    acquired(null, false);
  }

  /** Before a call site's exit, still holding. */
  void releasingCallSite() {
    if (owner == Thread.currentThread()) {
      callSiteDepth = 0;
    }
    releasing();
  }

  /** After the enter, holding the monitor. {@code pending} is null for an uncontended request. */
  void acquired(ThreadStats pending, boolean viaTryLock) {
    Thread me = Thread.currentThread();
    if (pending != null) {
      pending.pendingActive = false;
    }
    if (depth > 0 && owner == me) {
      depth++;
      reentrantEntries++;
      return;
    }
    depth = 1;
    OWNER.setRelease(this, me);
    long sequence = ++acquisitions;
    Thread last = lastReleaser;
    if (last != me && last != null) {
      handoffs++;
    }
    int othersWaiting;
    if (pending == null) {
      othersWaiting = waiters;
      if (releasedWithWaiters) {
        barging++;
        releasedWithWaiters = false;
      }
    } else {
      if (pending.pendingCountedAsWaiter) {
        pending.pendingCountedAsWaiter = false;
        othersWaiting = (int) WAITERS.getAndAdd(this, -1) - 1;
      } else {
        othersWaiting = waiters;
      }
      if (releasedWithWaiters && last == me) {
        barging++;
      }
      contendedAcquisitions++;
      releasedWithWaiters = false;
    }
    if (othersWaiting != 0) {
      passOvers += othersWaiting;
    }
    // JFR writes a Thread field through a native thread-id lookup (~70-150 ns on JDK 17): name the
    // releaser only on a handoff, the case the field exists for, never on a re-take by the releaser
    Thread otherReleaser = last == me ? null : last;
    ThreadStats ts = pending;
    if (ts == null) {
      ts = ownerStats;
      if (ts == null || ts.thread != me) {
        ts = threads.forThread(me, this);
      }
      ts.requests++;
    }
    ownerStats = ts;
    ts.acquisitions++;
    if (ts.gapOpen) {
      if (pending != null) {
        endGap(ts, ts.pendingNanos);
      } else if (ts.gapRequested) {
        long requested = ts.gapRequestNanos;
        endGap(ts, requested);
        long entry = Math.max(0, System.nanoTime() - requested);
        timedEntries++;
        totalEntryNanos += entry;
        if (entry > Detail.LONG_SAMPLE_NANOS) {
          longEntries++;
          longEntryNanos += entry;
        }
      } else {
        endGap(ts, System.nanoTime());
      }
    }
    if (pending != null) {
      contendedAcquired(pending, sequence, otherReleaser, othersWaiting, viaTryLock);
    } else if (Detail.timeEveryHold || --sampleCountdown <= 0) {
      uncontendedTimed(sequence, otherReleaser, othersWaiting, viaTryLock);
    }
  }

  private void contendedAcquired(
      ThreadStats ts, long sequence, Thread otherReleaser, int othersWaiting, boolean viaTryLock) {
    long now = System.nanoTime();
    long waited = now - ts.pendingNanos;
    timedWaits++;
    totalWaitNanos += waited;
    if (waited > maxWaitNanos) {
      maxWaitNanos = waited;
    }
    ts.contendedAcquisitions++;
    ts.totalWaitNanos += waited;
    if (waited > ts.maxWaitNanos) {
      ts.maxWaitNanos = waited;
    }
    ts.passOvers += Math.max(0, sequence - 1 - ts.pendingSequence);
    int level = Detail.level;
    boolean emit;
    if (level == Detail.THRESHOLD) {
      emit = waited >= Detail.thresholdNanos;
    } else if (level == Detail.SAMPLED) {
      emit = --sampleCountdown <= 0;
      if (emit) {
        sampleCountdown = Detail.sampleEvery;
      }
    } else {
      emit = true;
    }
    MonitorAcquire event = ts.pendingEvent;
    ts.pendingEvent = null;
    Thread previousOwner = ts.pendingOwner;
    ts.pendingOwner = null;
    if (event != null && emit) {
      Emitter.commitAcquire(
          event, this, sequence, true, previousOwner, otherReleaser, ts.pendingWaiters, viaTryLock);
    }
    holdTimed = true;
    holdSampled = false;
    holdSequence = sequence;
    holdEvent = emit || level == Detail.THRESHOLD ? Emitter.beginHold() : null;
    holdStartNanos = now;
  }

  private void uncontendedTimed(
      long sequence, Thread otherReleaser, int othersWaiting, boolean viaTryLock) {
    int level = Detail.level;
    if (!Detail.timeEveryHold) {
      sampleCountdown = Detail.sampleEvery;
    }
    if (level == Detail.ALL || level == Detail.SAMPLED) {
      Emitter.commitInstantAcquire(this, sequence, otherReleaser, othersWaiting, viaTryLock);
    }
    sampledHolds++;
    holdSampled = true;
    holdTimed = true;
    holdSequence = sequence;
    MonitorHold event = Emitter.beginHold();
    holdEvent = event;
    holdStartNanos = event != null && EventClock.USABLE ? TIMED_BY_EVENT : System.nanoTime();
  }

  /** Before a {@code monitorexit}, still holding. */
  void releasing() {
    releasing(false);
  }

  /**
   * Before the exit, still holding. Returns the releasing thread's stats when it opened a gap, else
   * null. {@code exitRestartsGap}: the caller restarts the gap after the exit ({@link #restartGap},
   * a {@code Lock.unlock}); a {@code monitorexit} cannot, so after a release with waiters, whose
   * exit wakes one (and the scheduler often runs the woken thread in the releaser's place, for
   * milliseconds on a busy machine), its gap is not timed: that time is the handoff, not work.
   */
  ThreadStats releasing(boolean exitRestartsGap) {
    Thread me = Thread.currentThread();
    if (owner != me || depth <= 0) {
      return null; // the enter happened before tracking began, or the exit will throw
    }
    if (--depth != 0) {
      return null;
    }
    int waitingNow = waiters;
    releasedWithWaiters = waitingNow != 0;
    lastReleaser = me;
    ThreadStats gap = null;
    if (holdTimed) {
      endTimedHold(waitingNow, false);
      if (exitRestartsGap || waitingNow == 0) {
        gap = startGap();
      }
    }
    OWNER.setRelease(this, null);
    return gap;
  }

  /**
   * After a {@code Lock.unlock} that opened a gap: the gap starts again here, so the unlock's own
   * cost (unparking a waiter: a futex call of microseconds) counts as handing the lock over, not as
   * work outside it. Only the releasing thread touches its stats.
   */
  static void restartGap(ThreadStats ts) {
    if (ts.gapOpen) {
      ts.gapStartNanos = System.nanoTime();
    }
  }

  /**
   * Opens the releasing thread's gap: its time outside the monitor until its next request, the
   * parallel part of Amdahl's law. Timed after the holds that are timed anyway (contended ones and
   * the default detail's 1-in-N sample); where every hold is timed, 1 in N of the sampled stratum.
   */
  private ThreadStats startGap() {
    if (holdSampled && Detail.timeEveryHold) {
      if (--gapCountdown > 0) {
        return null;
      }
      gapCountdown = Detail.sampleEvery;
    }
    ThreadStats ts = ownerStats;
    ts.gapOpen = true;
    ts.gapRequested = false;
    ts.gapSampled = holdSampled;
    ts.gapStartNanos = System.nanoTime();
    lastGap = ts;
    return ts;
  }

  /** Closes the gap at the thread's next request ({@code requestNanos}), holding the monitor. */
  private void endGap(ThreadStats ts, long requestNanos) {
    ts.gapOpen = false;
    ts.gapRequested = false;
    long gap = Math.max(0, requestNanos - ts.gapStartNanos);
    timedGaps++;
    totalGapNanos += gap;
    if (ts.gapSampled) {
      sampledGaps++;
      sampledGapNanos += gap;
      if (gap > Detail.LONG_SAMPLE_NANOS) {
        sampledLongGaps++;
        sampledLongGapNanos += gap;
      }
    }
  }

  private void endTimedHold(int waitersAtRelease, boolean byWait) {
    holdTimed = false;
    MonitorHold event = holdEvent;
    holdEvent = null;
    if (event != null) {
      event.end();
    }
    long held =
        holdStartNanos == TIMED_BY_EVENT
            ? EventClock.durationNanos(event)
            : System.nanoTime() - holdStartNanos;
    timedHolds++;
    totalHoldNanos += held;
    if (held > maxHoldNanos) {
      maxHoldNanos = held;
    }
    // Contended acquisitions' holds are all timed, uncontended ones 1 in N (all at detail=all):
    // kept apart, the two strata give the analyzer an unbiased estimate of the total hold time.
    if (holdSampled) {
      sampledHoldNanos += held;
      if (held > Detail.LONG_SAMPLE_NANOS) {
        sampledLongHolds++;
        sampledLongHoldNanos += held;
      }
    }
    ThreadStats ts = ownerStats;
    ts.timedHolds++;
    ts.totalHoldNanos += held;
    if (held > ts.maxHoldNanos) {
      ts.maxHoldNanos = held;
    }
    if (event != null && (Detail.level != Detail.THRESHOLD || held >= Detail.thresholdNanos)) {
      Emitter.commitHold(event, this, holdSequence, waitersAtRelease, byWait);
    }
  }

  /** Before wait/await, holding: the monitor is released for the wait. Null if not the owner. */
  Waiting beforeWait(long timeoutNanos) {
    Thread me = Thread.currentThread();
    if (owner != me || depth <= 0) {
      return null;
    }
    ThreadStats ts = ownerStats;
    if (ts == null || ts.thread != me) {
      ts = threads.forThread(me, this);
    }
    Waiting w = new Waiting(ts, depth, holdSequence, holdTimed, holdSampled, timeoutNanos);
    waits++;
    ts.waits++;
    threadsInWait++;
    int waitingNow = waiters;
    if (holdTimed) {
      endTimedHold(waitingNow, true);
    }
    depth = 0;
    releasedWithWaiters = waitingNow != 0;
    lastReleaser = me;
    OWNER.setRelease(this, null);
    w.event = Emitter.beginWait();
    w.startNanos = System.nanoTime();
    return w;
  }

  /**
   * After wait/await returned or threw, holding again: restores the hold (not a new acquisition).
   * {@code timedOut} is 1/0 when the API says so, -1 when only the elapsed time can tell.
   */
  void afterWait(Waiting w, int timedOut) {
    long now = System.nanoTime();
    long elapsed = now - w.startNanos;
    Thread me = Thread.currentThread();
    threadsInWait--;
    depth = w.savedDepth;
    OWNER.setRelease(this, me);
    ownerStats = w.stats;
    holdSequence = w.sequence;
    boolean expired =
        timedOut >= 0 ? timedOut == 1 : w.timeoutNanos > 0 && elapsed >= w.timeoutNanos;
    if (expired) {
      timedOutWaits++;
    }
    w.stats.totalWaitInWaitNanos += elapsed;
    if (w.holdWasTimed) {
      holdTimed = true;
      holdSampled = w.holdWasSampled;
      holdEvent = Emitter.beginHold();
      holdStartNanos = now;
    }
    if (w.event != null) {
      Emitter.commitWait(w.event, this, w.timeoutNanos, expired, expired ? null : lastNotifier);
    }
  }

  /** notify/notifyAll/signal/signalAll, holding. */
  void notified(boolean all) {
    Thread me = Thread.currentThread();
    if (owner != me) {
      return;
    }
    notifies++;
    lastNotifier = me;
    Emitter.commitNotify(this, all, threadsInWait);
  }

  /**
   * {@link Registry#activate}, before this state is published again: enters, exits and requests of
   * the quiet period went unseen, so the owner, depth, open hold, open gaps and the waiter count
   * are stale (a waiter that requested before the quiet period and was let in during it is still
   * counted). They are cleared, the counters kept. A thread that holds the monitor now is then like
   * one that took it before tracking began: its release is ignored. Only probe calls that straddle
   * the quiet period (a wait, a blocked {@code Lock.lock}) can touch this state concurrently; they
   * restore an owner that really holds the monitor, or find their flags cleared.
   */
  void forgetOwnership() {
    depth = 0;
    callSiteDepth = 0;
    holdTimed = false;
    holdSampled = false;
    holdEvent = null;
    lastGap = null;
    releasedWithWaiters = false;
    for (ThreadStats ts : threads.snapshot()) {
      if (ts != null) {
        ts.pendingActive = false;
        ts.pendingCountedAsWaiter = false;
        ts.pendingEvent = null;
        ts.pendingOwner = null;
        ts.gapOpen = false;
        ts.gapRequested = false;
      }
    }
    WAITERS.setVolatile(this, 0);
    OWNER.setVolatile(this, null);
    if (isOthers()) {
      instances.forgetHeld();
    }
  }

  Thread ownerNow() {
    return (Thread) OWNER.getOpaque(this);
  }

  int waitersNow() {
    return waiters;
  }

  void tryLockFailed() {
    FAILED_TRY_LOCKS.getAndAdd(this, 1L);
  }

  ThreadStats statsOfCurrentThread() {
    return threads.forThread(Thread.currentThread(), this);
  }
}
