package dev.gilscope.analyzer.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One monitor's threads by name, in the order they first used it: open addressing over arrays
 * rather than a {@code LinkedHashMap}. A monitor of 100,000 virtual threads made an entry object
 * per thread in each reading thread's part, which every young collection copied with the rest of
 * the model, and the map's growth rehashed them all about 17 times on the way (its lookups and
 * growth were an eighth of the reading threads' time). Here a thread costs its share of four arrays
 * and no object. Not thread-safe: written by one reader, read once reading is done.
 */
final class ThreadTable {
  private static final int[] NO_SLOTS = new int[0];

  // by arrival index
  private ThreadStats[] threads = new ThreadStats[4];
  private String[] names = new String[4]; // beside the threads: a probe reads no thread object
  private int[] hashes = new int[4];
  private int size;
  // arrival index + 1 by slot, 0 for a free one; at most half full
  private int[] slots = NO_SLOTS;

  int size() {
    return size;
  }

  /** The named thread, or null when it has none. */
  ThreadStats get(String name) {
    int i = find(name, name.hashCode());
    return i < 0 ? null : threads[i];
  }

  /** The named thread, made (by {@link ThreadStats#ThreadStats}) when it has none. */
  @SuppressWarnings("ReferenceEquality") // an identity hit only skips the equals
  ThreadStats getOrAdd(String name) {
    int hash = name.hashCode();
    if (2 * (size + 1) > slots.length) {
      rehash(Math.max(16, 2 * slots.length));
    }
    int mask = slots.length - 1;
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (i < 0) {
        ThreadStats t = new ThreadStats(name);
        append(name, hash, t);
        slots[s] = size;
        return t;
      }
      if (hashes[i] == hash && (names[i] == name || names[i].equals(name))) {
        return threads[i];
      }
    }
  }

  @SuppressWarnings("ReferenceEquality")
  private int find(String name, int hash) {
    if (size == 0) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int s = spread(hash) & mask; ; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (i < 0) {
        return -1;
      }
      if (hashes[i] == hash && (names[i] == name || names[i].equals(name))) {
        return i;
      }
    }
  }

  private void append(String name, int hash, ThreadStats t) {
    if (size == threads.length) {
      int capacity = size + (size >> 1);
      threads = Arrays.copyOf(threads, capacity);
      names = Arrays.copyOf(names, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
    }
    threads[size] = t;
    names[size] = name;
    hashes[size] = hash;
    size++;
  }

  private void rehash(int capacity) {
    int[] to = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      int s = spread(hashes[i]) & mask;
      while (to[s] != 0) {
        s = (s + 1) & mask;
      }
      to[s] = i + 1;
    }
    slots = to;
  }

  /** Thread names differ in their last characters, which move a String's hash in its low bits. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The threads in arrival order, copied. */
  ThreadStats[] toArray() {
    return Arrays.copyOf(threads, size);
  }

  /** The threads' names in arrival order, copied. */
  String[] names() {
    return Arrays.copyOf(names, size);
  }

  /** The threads in arrival order: a view, unmodifiable, that follows later additions. */
  List<ThreadStats> inArrivalOrder() {
    return new ArrivalOrder();
  }

  private final class ArrivalOrder extends AbstractList<ThreadStats> implements RandomAccess {
    @Override
    public ThreadStats get(int index) {
      return threads[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
