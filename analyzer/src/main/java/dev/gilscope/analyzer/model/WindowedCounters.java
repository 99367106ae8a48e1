package dev.gilscope.analyzer.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link Counters} per time window (window index = nanoseconds since the recording start divided by
 * the window length). Memory grows with the recording's duration, not with its event count. Not
 * thread-safe.
 *
 * <p>A sorted array, not a map: there is one of these per thread and monitor, and most threads are
 * active in a few windows (100,000 virtual threads on one monitor had 1.8 on average), where a
 * {@code TreeMap} cost twice the memory and an iterator per pass. Walk it with {@link #size()},
 * {@link #index(int)} and {@link #counters(int)}.
 */
public final class WindowedCounters {
  // the one window most threads have, in two fields: no array until a second window (on 100,000
  // virtual threads, fewer objects to reach a thread's counters in every pass for the 60 % with
  // one window, and one fewer array each)
  private int onlyIndex;
  private Counters only;
  // from the second window on, every window, by window index ascending (each knows its index:
  // Counters.window), past size unused room; no array of indices beside it, which was an object
  // more per thread with two or more windows (88,000 of 100,000 virtual threads' 1.06 million
  // live objects, each copied by the young collection)
  private Counters[] counters;
  private int size;

  // one-entry cache: events come in time order, so mostly in the window of the one before
  private int lastPosition = -1;

  /** The counters of window {@code windowIndex}, made when it has none. */
  public Counters at(int windowIndex) {
    if (counters == null) {
      if (size == 0) {
        onlyIndex = windowIndex;
        only = new Counters();
        size = 1;
        return only;
      }
      if (onlyIndex == windowIndex) {
        return only;
      }
      spill();
    }
    int p = lastPosition;
    if (p >= 0 && counters[p].window == windowIndex) {
      return counters[p];
    }
    p = position(windowIndex);
    if (p < 0) {
      p = -p - 1;
      insert(p, windowIndex);
    }
    lastPosition = p;
    return counters[p];
  }

  /** The one window into the arrays, for a second one. */
  private void spill() {
    only.window = onlyIndex;
    counters = new Counters[] {only, null};
    only = null;
    lastPosition = 0;
  }

  private int position(int windowIndex) {
    // time order: the new window is mostly past the last one
    if (size > 0 && windowIndex > counters[size - 1].window) {
      return -size - 1;
    }
    return search(windowIndex);
  }

  /** As {@code Arrays.binarySearch} over the spilled counters' windows. */
  private int search(int windowIndex) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int w = counters[mid].window;
      if (w < windowIndex) {
        low = mid + 1;
      } else if (w > windowIndex) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  private void insert(int p, int windowIndex) {
    if (size == counters.length) {
      counters = Arrays.copyOf(counters, Math.max(2, size * 2));
    }
    System.arraycopy(counters, p, counters, p + 1, size - p);
    Counters c = new Counters();
    c.window = windowIndex;
    counters[p] = c;
    size++;
  }

  /** The counters of one window, or an empty instance when nothing happened in it. */
  public Counters get(int windowIndex) {
    if (counters == null) {
      return size == 1 && onlyIndex == windowIndex ? only : new Counters();
    }
    int p = search(windowIndex);
    return p < 0 ? new Counters() : counters[p];
  }

  /** The sum of windows {@code from..to}, both inclusive. */
  public Counters sum(int from, int to) {
    Counters total = new Counters();
    for (int p = firstAtOrAfter(from); p < size && index(p) <= to; p++) {
      total.mergeFrom(counters(p));
    }
    return total;
  }

  /** The sum of one metric over windows {@code from..to}, both inclusive; nothing allocated. */
  public long sum(Metric metric, int from, int to) {
    long total = 0;
    for (int p = firstAtOrAfter(from); p < size && index(p) <= to; p++) {
      long v = counters(p).get(metric);
      total = metric.isMax() ? Math.max(total, v) : total + v;
    }
    return total;
  }

  /**
   * The position of the first window at or after {@code windowIndex} ({@link #size()} when none):
   * where a walk over a run of windows starts.
   */
  public int positionAtOrAfter(int windowIndex) {
    return firstAtOrAfter(windowIndex);
  }

  private int firstAtOrAfter(int from) {
    if (size == 0 || from <= index(0)) {
      return 0;
    }
    if (counters == null) {
      return 1; // past the one window
    }
    int p = search(from);
    return p >= 0 ? p : -p - 1;
  }

  /** The number of windows in which something happened. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The window index of the {@code position}-th window (0 = the earliest). */
  public int index(int position) {
    // small enough for C1 to inline: the per-thread passes call it for every (thread, window)
    Objects.checkIndex(position, size);
    return counters == null ? onlyIndex : counters[position].window;
  }

  /** The counters of the {@code position}-th window (0 = the earliest). */
  public Counters counters(int position) {
    Objects.checkIndex(position, size);
    return counters == null ? only : counters[position];
  }

  /** The earliest window's index; only when not {@link #isEmpty()}. */
  public int firstIndex() {
    return index(0);
  }

  /** The latest window's index; only when not {@link #isEmpty()}. */
  public int lastIndex() {
    return index(size - 1);
  }

  /**
   * The windows as a map, made for each call (unmodifiable; the counters are the live ones): for
   * passes over one monitor's windows. A pass over every thread's windows walks {@link #index} and
   * {@link #counters} instead.
   */
  public NavigableMap<Integer, Counters> all() {
    TreeMap<Integer, Counters> map = new TreeMap<>();
    for (int p = 0; p < size; p++) {
      map.put(index(p), counters(p));
    }
    return Collections.unmodifiableNavigableMap(map);
  }

  public void mergeFrom(WindowedCounters other) {
    for (int p = 0; p < other.size; p++) {
      at(other.index(p)).mergeFrom(other.counters(p));
    }
  }
}
