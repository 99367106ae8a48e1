package dev.gilscope.agent.probe;

import dev.gilscope.contract.GilscopeEvents;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one class named by {@code monitor=<class>}: the few that are tracked as monitors
 * of their own (registered in the registry's weak table, at most {@link #bound}), and the rest,
 * counted per thread without any state per instance and reported as one monitor, {@link #others}
 * ("C (other instances)"). The class's totals are the sum of the two, exactly.
 *
 * <p>The class's first instances are tracked from their first acquisition, until one has to be
 * folded into {@link #others}; after that an instance becomes tracked when a request finds it held
 * by another thread, finds its monitor inflated (contention or a wait happened), or waits on it,
 * while fewer than {@link #bound} of the class's instances are tracked; it stays tracked until it
 * is collected.
 */
final class InstanceClass {
  final String className;
  final Class<?> type;

  /** The monitor that reports the untracked instances; its counters are summed at each flush. */
  final MonitorState others;

  final int bound;

  /**
   * Whether an untracked instance stays on its thread's held stack while held, even when entered by
   * a request with a token ({@link InstanceProbe#request}): the instances of a class with advised
   * synchronized methods (a JDK class, or any class when the agent was attached), whose entry
   * {@link InstanceProbe#enteredSynchronizedMethod} tells a reentry from a first entry only by the
   * stack. Other classes' fresh instances cost no write of a reference.
   */
  final boolean keepsHeld;

  private final AtomicInteger tracked = new AtomicInteger();
  private volatile Table threads = new Table(8);
  private int size;
  private boolean listed;
  private final Object insertLock = new Object();

  InstanceClass(Class<?> type, int bound, long id, boolean loadedClassesAdvised) {
    this.className = type.getName();
    this.type = type;
    this.bound = bound;
    this.keepsHeld = loadedClassesAdvised || hasJdkClass(type);
    this.others =
        new MonitorState(
            id, className + " (other instances)", type, GilscopeEvents.KIND_INSTANCES, this);
  }

  /** Whether {@code type} or a superclass below Object is defined by the JDK's own loaders. */
  private static boolean hasJdkClass(Class<?> type) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      ClassLoader loader = c.getClassLoader();
      if (loader == null || loader == platform) {
        return true;
      }
    }
    return false;
  }

  int trackedCount() {
    return tracked.get();
  }

  /**
   * Set at the first acquisition folded into {@link #others}: from then on an instance may have
   * been acquired before, so none is tracked "from its first acquisition" any more.
   */
  volatile boolean folded;

  /**
   * Whether a fresh instance is tracked from its first acquisition: while nothing was folded and
   * fewer than half the places are taken (a class with few instances is then tracked instance by
   * instance, as each carries a large share of the class; the other half stays for contention).
   */
  boolean tracksFirstComers() {
    return !folded && tracked.get() < bound / 2;
  }

  /** Claims one of the {@link #bound} places for a tracked instance. */
  boolean reserve() {
    return reserve(bound);
  }

  /** Claims a place within half the bound: a first comer, or an instance found by a wait. */
  boolean reserveFirstComer() {
    return reserve(bound / 2);
  }

  private boolean reserve(int limit) {
    int now;
    do {
      now = tracked.get();
      if (now >= limit) {
        return false;
      }
    } while (!tracked.compareAndSet(now, now + 1));
    return true;
  }

  /** A tracked instance was collected, or lost the race to register. */
  void release() {
    tracked.decrementAndGet();
  }

  /**
   * The current thread's counters and held instances; lock-free after the first call. The probe
   * compares keys in an array that only inserts write: reading another thread's record would pull
   * in a cache line that thread writes on every acquisition.
   */
  InstanceThread thread() {
    Thread me = Thread.currentThread();
    Table table = threads;
    Thread[] keys = table.keys;
    int mask = keys.length - 1;
    int i = ThreadStatsTable.mix(Long.hashCode(me.getId())) & mask;
    while (true) {
      Thread key = keys[i];
      if (key == me) {
        return table.values[i];
      }
      if (key == null) {
        return insert(me);
      }
      i = (i + 1) & mask;
    }
  }

  /** Registry.activate: every thread's held instances and request are stale. */
  void forgetHeld() {
    for (InstanceThread t : threads.values) {
      if (t != null) {
        t.forgetHeld();
      }
    }
  }

  private InstanceThread insert(Thread me) {
    synchronized (insertLock) {
      Table table = threads;
      for (InstanceThread t : table.values) {
        if (t != null && t.thread == me) {
          return t;
        }
      }
      if (!listed) {
        listed = true;
        Registry.list(others);
      }
      int capacity = table.keys.length;
      if ((size + 1) * 2 > capacity) {
        capacity *= 2;
      }
      Table next = new Table(capacity);
      for (InstanceThread t : table.values) {
        if (t != null) {
          next.place(t);
        }
      }
      InstanceThread created = new InstanceThread(this, me, others.threads.forThread(me, others));
      next.place(created);
      size++;
      threads = next; // volatile write: publishes the filled arrays
      return created;
    }
  }

  /** Open-addressing table of the threads' records, replaced (never changed) by each insert. */
  private static final class Table {
    final Thread[] keys;
    final InstanceThread[] values;

    Table(int capacity) {
      keys = new Thread[capacity];
      values = new InstanceThread[capacity];
    }

    void place(InstanceThread t) {
      int mask = keys.length - 1;
      int i = ThreadStatsTable.mix(Long.hashCode(t.threadId)) & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = t.thread;
      values[i] = t;
    }
  }

  /**
   * Writes the sums of the threads' counters into {@link #others} before the statistics flush reads
   * it: each counter only grows and has one writer, so the sums only grow and end exact.
   */
  void sumIntoOthers() {
    long acquisitions = 0;
    long contended = 0;
    long handoffs = 0;
    long reentrant = 0;
    long waits = 0;
    long notifies = 0;
    for (InstanceThread t : threads.values) {
      if (t != null) {
        // the flush is the only writer of these ThreadStats: it emits them as the thread's share
        ThreadStats ts = t.stats;
        ts.requests = t.acquisitions;
        ts.acquisitions = t.acquisitions;
        ts.contendedAcquisitions = t.contendedAcquisitions;
        ts.waits = t.waits;
        acquisitions += t.acquisitions;
        contended += t.contendedAcquisitions;
        handoffs += t.handoffs;
        reentrant += t.reentrantEntries;
        waits += t.waits;
        notifies += t.notifies;
      }
    }
    MonitorState s = others;
    s.acquisitions = acquisitions;
    s.contendedAcquisitions = contended;
    s.handoffs = handoffs;
    s.reentrantEntries = reentrant;
    s.waits = waits;
    s.notifies = notifies;
  }
}
