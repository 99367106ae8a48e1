package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityTableTest {
  static final class Entry extends WeakReference<Object> {
    Entry(Object key) {
      super(key);
    }
  }

  @Test
  void findsEntriesByIdentityNotEquality() {
    WeakIdentityTable<Entry> table = new WeakIdentityTable<>();
    String a = new String("same");
    String b = new String("same");
    Entry ea = table.putIfAbsent(new Entry(a));
    assertThat(table.get(a)).isSameAs(ea);
    assertThat(table.get(b)).isNull();
    assertThat(table.putIfAbsent(new Entry(a))).isSameAs(ea);
  }

  @Test
  void growsAndKeepsEveryLiveEntry() {
    WeakIdentityTable<Entry> table = new WeakIdentityTable<>();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Object key = new Object();
      keys.add(key);
      table.putIfAbsent(new Entry(key));
      // garbage that the table must drop when it rebuilds, without losing live keys
      table.putIfAbsent(new Entry(new Object()));
    }
    System.gc();
    for (Object key : keys) {
      assertThat(table.get(key)).isNotNull();
      assertThat(table.get(key).get()).isSameAs(key);
    }
  }
}
