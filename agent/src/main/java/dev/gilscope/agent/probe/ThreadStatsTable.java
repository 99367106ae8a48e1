package dev.gilscope.agent.probe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The per-thread counters of one monitor, keyed by thread (hashed by id). Lookups are lock-free (an
 * open-addressing probe over an array published with release semantics); an insert happens once per
 * (monitor, thread) and takes a private lock that is never a tracked monitor. The holder looks a
 * thread up only when the owner changes.
 */
final class ThreadStatsTable {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(ThreadStats[].class);

  private volatile ThreadStats[] slots = new ThreadStats[8];
  private int size;
  private final Object insertLock = new Object();

  ThreadStats forThread(Thread thread, MonitorState state) {
    ThreadStats found = find(slots, thread);
    return found != null ? found : insert(thread, state);
  }

  /** The thread's entry, or null; lock-free, never inserts. */
  ThreadStats find(Thread thread) {
    return find(slots, thread);
  }

  /** A consistent-enough copy for the statistics flush: entries are never removed. */
  ThreadStats[] snapshot() {
    return slots;
  }

  private static ThreadStats find(ThreadStats[] table, Thread thread) {
    int mask = table.length - 1;
    int i = hash(thread) & mask;
    while (true) {
      ThreadStats s = (ThreadStats) SLOTS.getAcquire(table, i);
      if (s == null) {
        return null;
      }
      if (s.thread == thread) {
        return s;
      }
      i = (i + 1) & mask;
    }
  }

  private ThreadStats insert(Thread thread, MonitorState state) {
    synchronized (insertLock) {
      ThreadStats[] table = slots;
      ThreadStats existing = find(table, thread);
      if (existing != null) {
        return existing;
      }
      if ((size + 1) * 2 > table.length) {
        table = grow(table);
      }
      ThreadStats created = new ThreadStats(thread, state);
      place(table, created);
      size++;
      slots = table;
      return created;
    }
  }

  private static ThreadStats[] grow(ThreadStats[] table) {
    ThreadStats[] bigger = new ThreadStats[table.length * 2];
    for (ThreadStats s : table) {
      if (s != null) {
        place(bigger, s);
      }
    }
    return bigger;
  }

  private static void place(ThreadStats[] table, ThreadStats s) {
    int mask = table.length - 1;
    int i = hash(s.thread) & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    SLOTS.setRelease(table, i, s);
  }

  /**
   * By thread id, not identity hash: a Thread object is often an inflated monitor (someone is in
   * {@code join()} on it), and then {@code System.identityHashCode} leaves the JIT's fast path.
   */
  private static int hash(Thread thread) {
    long id = thread.getId();
    return mix((int) (id ^ (id >>> 32)));
  }

  static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
