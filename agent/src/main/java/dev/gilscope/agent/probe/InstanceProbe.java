package dev.gilscope.agent.probe;

/**
 * The probe's operations on instances of a {@code monitor=<class>} class ({@link Probe} hands them
 * over when the registry answers with the class's "other instances" monitor). A request decides,
 * once, whether the instance is tracked: from the object's header (free or held, ever hashed), by
 * reference against the thread's held instances, and only then by identity hash in the registry's
 * table. A site that keeps a token ({@link #request}) settles a free untracked instance there and
 * then; otherwise, after the enter and at the exit, the thread's own record says what was decided.
 * Either way a fresh instance costs no hash, no allocation and no shared write.
 */
public final class InstanceProbe {
  /**
   * The token of a request that was counted in full ({@link #request}): the enter and the exit that
   * carry it have nothing left to do.
   */
  static final Object SETTLED = new Object();

  // attached to a running JVM: an application class loaded before may have advised synchronized
  // methods (LiveInstall), so every class keeps its untracked instances on the held stack
  private static volatile boolean loadedClassesAdvised;

  private InstanceProbe() {}

  /**
   * Sets how many instances of each class are tracked on their own and checks that object headers
   * can be read (premain, after {@code jdk.internal.misc} was exported to the probe). Returns why
   * contention on untracked instances cannot be seen, or null.
   */
  public static String configure(int bound, boolean headersExported, boolean attached) {
    Registry.instanceBound(bound);
    loadedClassesAdvised = attached;
    return headersExported
        ? MarkWord.calibrate()
        : "jdk.internal.misc is not exported to the agent";
  }

  /**
   * A request from a site that keeps a token from its {@code monitorenter} to its {@code
   * monitorexit} in a local of its own ({@link Probe#requestToken}). The common case, a free
   * instance that is not tracked (a fresh one), is decided and counted here, once: the header says
   * the monitor is free, so the acquisition that follows is this thread's and uncontended. The
   * token then tells the enter and the exit that nothing is left to do ({@link #SETTLED}), or, for
   * a class whose instances must stay on the held stack ({@link InstanceClass#keepsHeld}), that the
   * exit pops it (the thread's record). Anything else (a tracked instance, a held or inflated
   * monitor, a class still tracking its first comers) is decided as at a site without a token, and
   * the enter and the exit get the class and the thread's record with the token ({@link
   * PendingToken}).
   */
  static Object request(InstanceClass c, Object o) {
    if (!MarkWord.usable()) {
      return beforeEnter(c, o).pendingToken;
    }
    long mark = MarkWord.read(o);
    // not folded yet: the class may still track its first comers (beforeEnter decides)
    if (!c.folded
        || MarkWord.lockBits(mark) != MarkWord.UNLOCKED
        || (MarkWord.hash(mark) != 0 && c.trackedCount() != 0)) {
      return beforeEnter(c, o).pendingToken;
    }
    InstanceThread t = c.thread();
    t.acquisitions++;
    if (c.keepsHeld) {
      t.push(o, null);
      return t;
    }
    return SETTLED;
  }

  /** The exit of an instance that {@link #request} pushed on the held stack. */
  static void exitHeld(InstanceThread t, Object o) {
    int index = t.find(o);
    if (index >= 0) {
      t.exit(index); // pushed untracked: its entry stays untracked until it is popped
    }
  }

  static boolean loadedClassesAdvised() {
    return loadedClassesAdvised;
  }

  /** The request; returns the thread's record, where the enter finds what it decided. */
  static InstanceThread beforeEnter(InstanceClass c, Object o) {
    InstanceThread t = c.thread();
    int index = t.find(o);
    if (index >= 0) {
      MonitorState s = t.heldState(index);
      pend(t, o, s, InstanceThread.REENTRANT);
      return t;
    }
    if (!MarkWord.usable()) {
      pend(t, o, null, InstanceThread.NEW);
      return t;
    }
    long mark = MarkWord.read(o);
    int bits = MarkWord.lockBits(mark);
    if (bits == MarkWord.UNLOCKED) {
      MonitorState s = c.trackedCount() != 0 ? tracked(o, MarkWord.hash(mark)) : null;
      if (s == null && c.tracksFirstComers()) {
        s = Registry.trackInstance(c, o, true);
      }
      pend(t, o, s, InstanceThread.NEW);
      return t;
    }
    if (Thread.holdsLock(o)) {
      // held, but not on the held stack: entered where the agent does not see it, or, for most
      // classes, counted by a request with a token (which keeps no state for the instance)
      pend(t, o, null, c.keepsHeld ? InstanceThread.UNSEEN : InstanceThread.REENTRANT);
      return t;
    }
    MonitorState s = c.trackedCount() != 0 ? tracked(o, MarkWord.hash(mark)) : null;
    if (s != null) {
      pend(t, o, s, InstanceThread.NEW);
      return t;
    }
    MonitorState promoted = Registry.trackInstance(c, o);
    if (bits == MarkWord.LOCKED) {
      // held by another thread right now: a contended request of an untracked instance; the
      // instance is tracked from its next request
      pend(t, o, null, InstanceThread.CONTENDED);
    } else {
      // inflated: who owns it cannot be read, so the request starts the tracked instance's counts
      pend(t, o, promoted, InstanceThread.NEW);
    }
    return t;
  }

  private static void pend(InstanceThread t, Object o, MonitorState s, byte kind) {
    t.pendingObject = o;
    t.pendingState = s;
    t.pendingKind = s != null ? InstanceThread.TRACKED : kind;
    if (s != null) {
      s.request(true);
    }
  }

  static void afterEnter(InstanceClass c, Object o) {
    afterEnter(c, c.thread(), o, false);
  }

  /** The enter of a {@link #request} that left it work: as {@link #afterEnter}, no lookups. */
  static void afterEnter(PendingToken token, Object o) {
    if (Registry.instancesActive()) {
      afterEnter(token.type, token.thread, o, false);
    }
  }

  /**
   * After a call site took {@code o}'s monitor for a synchronized JDK method ({@link
   * CallSiteMonitor}): the acquisition, and the method's own entry, next, is then a free reentry.
   */
  static void afterCallSiteEnter(InstanceClass c, Object o) {
    InstanceThread t = c.thread();
    afterEnter(c, t, o, true);
    t.callSiteObject = o;
  }

  private static void afterEnter(InstanceClass c, InstanceThread t, Object o, boolean atCallSite) {
    byte kind = t.pendingObject == o ? t.pendingKind : InstanceThread.NEW;
    MonitorState s = t.pendingState;
    t.clearPending();
    switch (kind) {
      case InstanceThread.TRACKED:
        int index = t.find(o);
        if (index >= 0) {
          t.reenter(index);
        } else {
          t.push(o, s);
        }
        if (atCallSite) {
          s.acquiredAtCallSite();
        } else {
          s.acquiredAtSite();
        }
        break;
      case InstanceThread.REENTRANT:
        reenterUntracked(t, o);
        break;
      case InstanceThread.UNSEEN:
        break;
      default:
        acquireUntracked(c, t, o, kind == InstanceThread.CONTENDED);
    }
  }

  private static void reenterUntracked(InstanceThread t, Object o) {
    int index = t.find(o);
    if (index >= 0) {
      t.reenter(index);
    }
    t.reentrantEntries++;
  }

  private static void acquireUntracked(
      InstanceClass c, InstanceThread t, Object o, boolean contended) {
    if (!c.folded) {
      c.folded = true;
    }
    t.acquisitions++;
    if (contended) {
      // it waited for another thread's release: that acquisition is a handoff
      t.contendedAcquisitions++;
      t.handoffs++;
    }
    t.push(o, null);
  }

  /**
   * Entry of a synchronized method whose modifiers could not be changed (a class loaded before the
   * agent): the JVM holds the monitor already, so the request was not seen.
   */
  static void enteredSynchronizedMethod(InstanceClass c, Object self) {
    InstanceThread t = c.thread();
    int index = t.find(self);
    if (index >= 0) {
      t.reenter(index);
      MonitorState s = t.heldState(index);
      boolean afterCallSite = t.callSiteObject == self;
      t.callSiteObject = null;
      if (s != null) {
        s.enteredSynchronizedMethod();
      } else if (!afterCallSite) {
        t.reentrantEntries++;
      }
      return;
    }
    MonitorState s = null;
    if (MarkWord.usable()) {
      long mark = MarkWord.read(self);
      int bits = MarkWord.lockBits(mark);
      if (c.trackedCount() != 0) {
        s = tracked(self, MarkWord.hashHeldByMe(mark));
      }
      if (s == null && bits == MarkWord.INFLATED) {
        s = Registry.trackInstance(c, self); // contention or a wait inflated it: it matters
      } else if (s == null && c.tracksFirstComers()) {
        s = Registry.trackInstance(c, self, true);
      }
    }
    if (s != null) {
      t.push(self, s);
      s.acquired(null, false);
    } else {
      acquireUntracked(c, t, self, false);
    }
  }

  /**
   * Before a {@code monitorexit}; {@code exitRestartsGap} as for {@link
   * MonitorState#releasing(boolean)}. Returns the releasing thread's record when it opened a gap.
   */
  static ThreadStats beforeExit(InstanceClass c, Object o, boolean exitRestartsGap) {
    return beforeExit(c.thread(), o, false, exitRestartsGap);
  }

  /** The exit of a {@link #request} that left it work: as {@link #beforeExit}, no lookups. */
  static ThreadStats beforeExit(PendingToken token, Object o, boolean exitRestartsGap) {
    return Registry.instancesActive() ? beforeExit(token.thread, o, false, exitRestartsGap) : null;
  }

  /** Before the {@code monitorexit} of a call site's helper (see {@link #afterCallSiteEnter}). */
  static void beforeCallSiteExit(InstanceClass c, Object o) {
    beforeExit(c.thread(), o, true, false);
  }

  private static ThreadStats beforeExit(
      InstanceThread t, Object o, boolean atCallSite, boolean exitRestartsGap) {
    if (atCallSite && t.callSiteObject == o) {
      t.callSiteObject = null; // the method's own entry was not seen (its class not instrumented)
    }
    int index = t.find(o);
    if (index < 0) {
      return null; // entered where the agent does not see it
    }
    MonitorState s = t.heldState(index);
    t.exit(index);
    if (s != null && atCallSite) {
      s.releasingCallSite();
    } else if (s != null) {
      return s.releasing(exitRestartsGap);
    }
    return null;
  }

  /**
   * The tracked state to record a wait on {@code o} with, or null when the wait was counted here
   * (an untracked instance: the wait is counted, and the instance tracked from its next request).
   */
  static MonitorState forWait(InstanceClass c, Object o) {
    InstanceThread t = c.thread();
    int index = t.find(o);
    if (index < 0 && !heldSinceRequest(c, o)) {
      return null; // not held through instrumented code: wait() throws or was not seen
    }
    MonitorState s = index < 0 ? null : t.heldState(index);
    if (s != null) {
      return s;
    }
    t.waits++;
    if (MarkWord.usable()) {
      Registry.trackWaitedInstance(c, o);
    }
    return null;
  }

  /** Like {@link #forWait}, for notify/notifyAll. */
  static MonitorState forNotify(InstanceClass c, Object o) {
    InstanceThread t = c.thread();
    int index = t.find(o);
    if (index < 0 && !heldSinceRequest(c, o)) {
      return null;
    }
    MonitorState s = index < 0 ? null : t.heldState(index);
    if (s == null) {
      t.notifies++;
    }
    return s;
  }

  /**
   * Whether the current thread holds {@code o}, not on its held stack, since a {@link #request}
   * with a token counted it (only where the class does not keep its instances on the stack).
   */
  private static boolean heldSinceRequest(InstanceClass c, Object o) {
    return !c.keepsHeld && Thread.holdsLock(o);
  }

  /** The tracked state of {@code o}, by its identity hash when known (0: never hashed). */
  private static MonitorState tracked(Object o, int hash) {
    if (hash == 0) {
      return null;
    }
    return hash == MarkWord.HASH_UNKNOWN
        ? Registry.trackedInstance(o)
        : Registry.trackedInstance(o, hash);
  }
}
