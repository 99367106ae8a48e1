package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The monitors seen through the JDK's lock events, by source, class and address (the JDK's events
 * name a monitor by its address). One entry per (source, class, address); the last one looked up is
 * cached, since lock events come in runs on the same monitor.
 */
final class JdkMonitorTable {
  private final Map<String, MonitorStats> byKey = new HashMap<>();
  private final Map<EventSource, Map<String, Map<Long, MonitorStats>>> byClass =
      new EnumMap<>(EventSource.class);
  private MonitorStats last;
  private long lastAddress;
  private EventSource lastSource;
  private String lastClassName;

  /** The monitor of {@code className} at {@code address}, created the first time. */
  MonitorStats get(String className, long address, EventSource source, String kind) {
    if (last != null
        && address == lastAddress
        && source == lastSource
        && Objects.equals(className, lastClassName)) {
      return last;
    }
    MonitorStats m = lookUp(className, address, source, kind);
    last = m;
    lastAddress = address;
    lastSource = source;
    lastClassName = className;
    return m;
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
