package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One monitor per (source, class, address), whichever order the events ask in. */
class JdkMonitorTableTest {
  @Test
  void eachKeyGetsOneMonitorInAnyOrderOfLookUps() {
    JdkMonitorTable table = new JdkMonitorTable();
    Map<String, MonitorStats> seen = new HashMap<>();
    String[] classes = {"java.lang.Object", new String("java.lang.Object"), "a.Lock", null};
    // more keys than the cache holds, asked for in turn, then again in reverse
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 3 * JdkMonitorTable.RECENT; k++) {
        int i = round == 1 ? 3 * JdkMonitorTable.RECENT - 1 - k : k;
        String className = classes[i % classes.length];
        long address = 0x1000L * (i % 5);
        EventSource source = i % 2 == 0 ? EventSource.JDK_MONITOR : EventSource.JDK_PARK;
        MonitorStats m = table.get(className, address, source, "monitor");
        String key = source + " " + className + " " + address;
        MonitorStats before = seen.putIfAbsent(key, m);
        assertThat(m).as(key).isSameAs(before == null ? m : before);
        assertThat(m.source()).isEqualTo(source);
        assertThat(m.className()).isEqualTo(className);
      }
    }
    assertThat(table.byKey()).hasSize(seen.size());
    assertThat(seen.values()).doesNotHaveDuplicates();
  }
}
