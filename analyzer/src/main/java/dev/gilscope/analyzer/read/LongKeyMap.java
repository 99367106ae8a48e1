package dev.gilscope.analyzer.read;

/**
 * A map from {@code long} keys to values, open addressing with linear probing: no boxed key and no
 * entry object per mapping. The constant pools of a chunk with 100,000 virtual threads map each
 * thread's key to its fields and to its name, looked up once per event; a {@code HashMap<Long, ?>}
 * allocated a {@code Long} per lookup and a node per entry. Null values are allowed ({@link
 * #containsKey} tells them from absent keys). Not thread-safe.
 */
final class LongKeyMap<V> {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private boolean[] used = new boolean[16];
  private int size;

  @SuppressWarnings("unchecked")
  V get(long key) {
    int i = find(key);
    return i < 0 ? null : (V) values[i];
  }

  boolean containsKey(long key) {
    return find(key) >= 0;
  }

  void put(long key, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  /** Replaces every value {@code v} with {@code f.apply(v)}. */
  @SuppressWarnings("unchecked")
  void replaceValues(java.util.function.UnaryOperator<V> f) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        values[i] = f.apply((V) values[i]);
      }
    }
  }

  int size() {
    return size;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: pool keys are often consecutive
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /**
   * Makes room for {@code expected} mappings in all, so that adding them does not grow the table
   * step by step (a pool of 100,000 threads: 14 doublings, each rehashing all before it).
   */
  void reserve(int expected) {
    int capacity = keys.length;
    while (capacity < (1 << 30) && 2L * expected > capacity) {
      capacity *= 2;
    }
    if (capacity > keys.length) {
      resize(capacity);
    }
  }

  private void grow() {
    resize(keys.length * 2);
  }

  @SuppressWarnings("unchecked")
  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[capacity];
    values = new Object[capacity];
    used = new boolean[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
  }
}
