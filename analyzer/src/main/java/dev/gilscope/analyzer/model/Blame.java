package dev.gilscope.analyzer.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One thread's wait time by the thread it waited behind. Most threads of a busy monitor waited
 * behind one or two others, and there may be 100,000 of them: a {@code HashMap} per thread (its
 * table, a node and a boxed {@code Long} per holder, about 180 bytes for one holder) was a sixth of
 * the heap there. So the first few holders are kept in two arrays, in the order they were first
 * blamed, and a map is made only past them.
 *
 * <p>{@link #asMap()} gives a {@code HashMap} merged into in that first-blamed order, whose
 * iteration order is therefore the one of a map merged into event by event: a {@code HashMap}'s
 * order depends only on its keys, its capacity and, within a bucket, the order keys first came
 * ({@code merge} puts a new key at the head of its bucket, {@code put} at the tail, so it must be
 * {@code merge}), and a map of at most {@link #INLINE_HOLDERS} keys is never resized. Reports and
 * CONVOY read ties in that order.
 */
final class Blame {
  /** Holders kept in the arrays before a map takes over. */
  static final int INLINE_HOLDERS = 8;

  private String[] holders;
  private long[] nanos;
  private int size;
  private Map<String, Long> map; // past INLINE_HOLDERS holders

  void add(String holder, long amount) {
    if (map != null) {
      map.merge(holder, amount, Long::sum);
      return;
    }
    for (int i = 0; i < size; i++) {
      if (holders[i].equals(holder)) {
        nanos[i] += amount;
        return;
      }
    }
    if (size == INLINE_HOLDERS) {
      map = asMap();
      map.merge(holder, amount, Long::sum);
      holders = null;
      nanos = null;
      size = 0;
      return;
    }
    if (holders == null) {
      holders = new String[1];
      nanos = new long[1];
    } else if (size == holders.length) {
      int capacity = Math.min(INLINE_HOLDERS, size * 2);
      holders = Arrays.copyOf(holders, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
    }
    holders[size] = holder;
    nanos[size++] = amount;
  }

  /** A new map of the holders and their wait (the map itself once past the arrays). */
  Map<String, Long> asMap() {
    if (map != null) {
      return map;
    }
    Map<String, Long> m = new HashMap<>();
    for (int i = 0; i < size; i++) {
      m.merge(holders[i], nanos[i], Long::sum); // not put: see the class comment
    }
    return m;
  }

  /** Unmodifiable. */
  Map<String, Long> view() {
    return Collections.unmodifiableMap(asMap());
  }
}
