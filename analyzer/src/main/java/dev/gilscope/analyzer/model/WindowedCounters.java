package dev.gilscope.analyzer.model;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@link Counters} per time window (window index = nanoseconds since the recording start divided by
 * the window length). Memory grows with the recording's duration, not with its event count. Not
 * thread-safe.
 */
public final class WindowedCounters {
  private final NavigableMap<Integer, Counters> windows = new TreeMap<>();

  // one-entry cache: events come in time order, so mostly in the window of the one before
  private int lastIndex = -1;
  private Counters last;

  public Counters at(int windowIndex) {
    if (windowIndex == lastIndex && last != null) {
      return last;
    }
    Counters c = windows.computeIfAbsent(windowIndex, i -> new Counters());
    lastIndex = windowIndex;
    last = c;
    return c;
  }

  /** The counters of one window, or an empty instance when nothing happened in it. */
  public Counters get(int windowIndex) {
    Counters c = windows.get(windowIndex);
    return c == null ? new Counters() : c;
  }

  /** The sum of windows {@code from..to}, both inclusive. */
  public Counters sum(int from, int to) {
    Counters total = new Counters();
    for (Counters c : windows.subMap(from, true, to, true).values()) {
      total.mergeFrom(c);
    }
    return total;
  }

  public NavigableMap<Integer, Counters> all() {
    return windows;
  }

  public void mergeFrom(WindowedCounters other) {
    for (Map.Entry<Integer, Counters> e : other.windows.entrySet()) {
      at(e.getKey()).mergeFrom(e.getValue());
    }
  }
}
