package dev.gilscope.agent.probe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * Object-identity keyed table of entries that hold their key weakly (the entries are the weak
 * references). Lookups are lock-free: a linear probe over an array whose slots are published with
 * release stores. Inserts (once per tracked instance) take a private lock that is never a tracked
 * monitor, and expunge entries whose key was collected when the table fills up. Keys are hashed by
 * {@link System#identityHashCode}, which the JVM stores in the object header on first use.
 */
final class WeakIdentityTable<E extends WeakReference<Object>> {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  private volatile Object[] slots = new Object[16];
  private int size;
  private final Object insertLock = new Object();

  E get(Object key) {
    return get(key, System.identityHashCode(key));
  }

  /** {@link #get(Object)} with the key's identity hash already known (read from its header). */
  @SuppressWarnings("unchecked")
  E get(Object key, int identityHash) {
    Object[] table = slots;
    int mask = table.length - 1;
    int i = ThreadStatsTable.mix(identityHash) & mask;
    while (true) {
      Object slot = SLOTS.getAcquire(table, i);
      if (slot == null) {
        return null;
      }
      E entry = (E) slot;
      if (entry.get() == key) {
        return entry;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code entry} unless its key is already present; returns the entry in the table. */
  E putIfAbsent(E entry) {
    Object key = entry.get();
    synchronized (insertLock) {
      E existing = get(key);
      if (existing != null) {
        return existing;
      }
      Object[] table = slots;
      if ((size + 1) * 2 > table.length) {
        table = rebuild(table);
      }
      place(table, entry);
      size++;
      slots = table;
      return entry;
    }
  }

  /** Copies the live entries into a table sized for them; called under the insert lock. */
  @SuppressWarnings("unchecked")
  private Object[] rebuild(Object[] table) {
    int live = 0;
    for (Object slot : table) {
      if (slot != null && ((E) slot).get() != null) {
        live++;
      }
    }
    int capacity = table.length;
    while ((live + 1) * 4 > capacity) {
      capacity *= 2;
    }
    Object[] fresh = new Object[capacity];
    for (Object slot : table) {
      if (slot != null && ((E) slot).get() != null) {
        place(fresh, (E) slot);
      }
    }
    size = live;
    return fresh;
  }

  private static void place(Object[] table, WeakReference<Object> entry) {
    int mask = table.length - 1;
    int i = ThreadStatsTable.mix(System.identityHashCode(entry.get())) & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    SLOTS.setRelease(table, i, entry);
  }
}
