package dev.gilscope.analyzer.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One thread's wait time by the thread it waited behind. Most threads of a busy monitor waited
 * behind one or two others, and there may be 100,000 of them: a {@code HashMap} per thread (its
 * table, a node and a boxed {@code Long} per holder, about 180 bytes for one holder) was a sixth of
 * the heap there. So the first few holders are kept in fields and two arrays, in the order they
 * were first blamed, and a map is made only past them.
 *
 * <p>{@link #asMap()} gives a {@code HashMap} merged into in that first-blamed order, whose
 * iteration order is therefore the one of a map merged into event by event: a {@code HashMap}'s
 * order depends only on its keys, its capacity and, within a bucket, the order keys first came
 * ({@code merge} puts a new key at the head of its bucket, {@code put} at the tail, so it must be
 * {@code merge}), and a map of at most {@link #INLINE_HOLDERS} keys is never resized. Reports and
 * CONVOY read ties in that order.
 */
final class Blame {
  /** Holders kept in the fields and arrays before a map takes over. */
  static final int INLINE_HOLDERS = 8;

  // the first holder in fields (most threads have one), the next ones in arrays
  private String first;
  private long firstNanos;
  private String[] more;
  private long[] moreNanos;
  private int moreSize;
  private Map<String, Long> map; // past INLINE_HOLDERS holders

  void add(String holder, long amount) {
    if (map != null) {
      map.merge(holder, amount, Long::sum);
      return;
    }
    if (first == null) {
      first = holder;
      firstNanos = amount;
      return;
    }
    if (first.equals(holder)) {
      firstNanos += amount;
      return;
    }
    for (int i = 0; i < moreSize; i++) {
      if (more[i].equals(holder)) {
        moreNanos[i] += amount;
        return;
      }
    }
    if (1 + moreSize == INLINE_HOLDERS) {
      map = asMap();
      map.merge(holder, amount, Long::sum);
      first = null;
      more = null;
      moreNanos = null;
      moreSize = 0;
      return;
    }
    if (more == null) {
      more = new String[1];
      moreNanos = new long[1];
    } else if (moreSize == more.length) {
      int capacity = Math.min(INLINE_HOLDERS - 1, moreSize * 2);
      more = Arrays.copyOf(more, capacity);
      moreNanos = Arrays.copyOf(moreNanos, capacity);
    }
    more[moreSize] = holder;
    moreNanos[moreSize++] = amount;
  }

  /** A new map of the holders and their wait (the map itself once past the arrays). */
  Map<String, Long> asMap() {
    if (map != null) {
      return map;
    }
    Map<String, Long> m = new HashMap<>();
    if (first != null) {
      m.merge(first, firstNanos, Long::sum); // not put: see the class comment
    }
    for (int i = 0; i < moreSize; i++) {
      m.merge(more[i], moreNanos[i], Long::sum);
    }
    return m;
  }

  /** Unmodifiable. */
  Map<String, Long> view() {
    return Collections.unmodifiableMap(asMap());
  }
}
