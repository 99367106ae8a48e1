package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The monitors seen through the JDK's lock events, by source, class and address (the JDK's events
 * name a monitor by its address). One entry per (source, class, address); the last few looked up
 * are cached, since lock events come in runs on a few monitors (a one-entry cache missed on every
 * other event where threads park on several locks in turn, each miss two map lookups, a boxed
 * address and a comparison of class names).
 */
final class JdkMonitorTable {
  /** Monitors kept in the cache of the last ones looked up. */
  static final int RECENT = 8;

  private final Map<String, MonitorStats> byKey = new HashMap<>();
  private final Map<EventSource, Map<String, Map<Long, MonitorStats>>> byClass =
      new EnumMap<>(EventSource.class);
  // the cache: slot i holds recent[i], looked up by (recentSources[i], recentClasses[i],
  // recentAddresses[i]); filled round-robin
  private final MonitorStats[] recent = new MonitorStats[RECENT];
  private final long[] recentAddresses = new long[RECENT];
  private final EventSource[] recentSources = new EventSource[RECENT];
  private final String[] recentClasses = new String[RECENT];
  private int lastSlot;
  private int nextSlot;

  /** The monitor of {@code className} at {@code address}, created the first time. */
  MonitorStats get(String className, long address, EventSource source, String kind) {
    if (isSlot(lastSlot, className, address, source)) {
      return recent[lastSlot];
    }
    for (int i = 0; i < RECENT; i++) {
      if (isSlot(i, className, address, source)) {
        lastSlot = i;
        return recent[i];
      }
    }
    MonitorStats m = lookUp(className, address, source, kind);
    int slot = nextSlot;
    nextSlot = (slot + 1) % RECENT;
    recent[slot] = m;
    recentAddresses[slot] = address;
    recentSources[slot] = source;
    recentClasses[slot] = className;
    lastSlot = slot;
    return m;
  }

  @SuppressWarnings("ReferenceEquality") // identity first: equal names are compared once
  private boolean isSlot(int i, String className, long address, EventSource source) {
    if (recent[i] == null || recentAddresses[i] != address || recentSources[i] != source) {
      return false;
    }
    String cached = recentClasses[i];
    if (cached == className) {
      return true;
    }
    if (!Objects.equals(className, cached)) {
      return false;
    }
    // the same class named by another chunk's pool: its String from now on, so that the next
    // events of the chunk match by identity (every event compared the names' characters)
    recentClasses[i] = className;
    return true;
  }

  private MonitorStats lookUp(String className, long address, EventSource source, String kind) {
    Map<Long, MonitorStats> byAddress =
        byClass
            .computeIfAbsent(source, k -> new HashMap<>())
            .computeIfAbsent(className, k -> new HashMap<>());
    MonitorStats m = byAddress.get(address);
    if (m == null) {
      String name = (className != null ? className : "unknown") + "@" + Long.toHexString(address);
      String key = source.name() + ":" + name;
      m = byKey.get(key);
      if (m == null) {
        m = new MonitorStats(key, name, className, kind, source);
        byKey.put(key, m);
      }
      byAddress.put(address, m);
    }
    return m;
  }

  /** Every monitor, by its key ({@code source:class@address}). */
  Map<String, MonitorStats> byKey() {
    return byKey;
  }

  /** Adds another reader's monitors (after the reading threads ended). */
  void mergeFrom(JdkMonitorTable other) {
    other.byKey.forEach(
        (key, m) -> {
          MonitorStats mine = byKey.get(key);
          if (mine == null) {
            byKey.put(key, m);
          } else {
            mine.mergeFrom(m);
          }
        });
  }
}
