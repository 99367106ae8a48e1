package dev.gilscope.analyzer.read;

/**
 * A map from {@code long} keys to values, open addressing with linear probing: no boxed key and no
 * entry object per mapping. The constant pools of a chunk with 100,000 virtual threads map each
 * thread's key to its fields and to its name, looked up once per event; a {@code HashMap<Long, ?>}
 * allocated a {@code Long} per lookup and a node per entry. Null values are allowed ({@link
 * #containsKey} tells them from absent keys). Not thread-safe.
 *
 * <p>Once filled, {@link #compact} can turn a map whose keys lie close together (a chunk's thread
 * keys are its threads' ids, mostly consecutive) into an array indexed by key: a lookup is then one
 * array read, and threads that run one after another are looked up in neighbouring slots instead of
 * slots scattered by the hash over megabytes (a cache miss or two per event with 100,000 virtual
 * threads).
 */
final class LongKeyMap<V> {
  /** A compact map's value for a key mapped to null, told from an absent key's null. */
  private static final Object NULL = new Object();

  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private boolean[] used = new boolean[16];
  private int size;
  // when compact: the values by key - firstKey (NULL for null, null for absent), and no table
  private Object[] byKey;
  private long firstKey;

  @SuppressWarnings("unchecked")
  V get(long key) {
    Object[] dense = byKey;
    if (dense != null) {
      long i = key - firstKey;
      Object v = i >= 0 && i < dense.length ? dense[(int) i] : null;
      return v == NULL ? null : (V) v;
    }
    int i = find(key);
    return i < 0 ? null : (V) values[i];
  }

  boolean containsKey(long key) {
    if (byKey != null) {
      long i = key - firstKey;
      return i >= 0 && i < byKey.length && byKey[(int) i] != null;
    }
    return find(key) >= 0;
  }

  void put(long key, V value) {
    if (byKey != null) {
      long i = key - firstKey;
      if (i >= 0 && i < byKey.length) {
        if (byKey[(int) i] == null) {
          size++;
        }
        byKey[(int) i] = value == null ? NULL : value;
        return;
      }
      expand(); // a key out of the array's range: back to the hash table
    }
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

  /**
   * Keeps the mappings in an array indexed by key when the keys span at most four times as many
   * values as there are (the hash table takes about as much room at its load factor); otherwise
   * leaves the map as it is. The map works as before either way.
   */
  void compact() {
    if (byKey != null || size == 0) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        min = Math.min(min, keys[i]);
        max = Math.max(max, keys[i]);
      }
    }
    long span = max - min + 1; // overflows to <= 0 for keys far apart
    if (span <= 0 || span > 4L * size + 16) {
      return;
    }
    Object[] dense = new Object[(int) span];
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        dense[(int) (keys[i] - min)] = values[i] == null ? NULL : values[i];
      }
    }
    byKey = dense;
    firstKey = min;
    keys = new long[0];
    values = new Object[0];
    used = new boolean[0];
  }

  /** Whether {@link #compact} made the array. */
  boolean isCompact() {
    return byKey != null;
  }

  /** Back from the array to a hash table. */
  @SuppressWarnings("unchecked")
  private void expand() {
    Object[] dense = byKey;
    byKey = null;
    int entries = size;
    size = 0;
    keys = new long[16];
    values = new Object[16];
    used = new boolean[16];
    reserve(entries + 1);
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != null) {
        put(firstKey + i, dense[i] == NULL ? null : (V) dense[i]);
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
    if (byKey != null) {
      return; // keys in the array's range need no room; others expand it
    }
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
