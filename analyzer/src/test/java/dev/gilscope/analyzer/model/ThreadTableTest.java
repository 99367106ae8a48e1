package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThreadTableTest {

  @Test
  void findsAndAddsAsALinkedHashMapDoesAndKeepsArrivalOrder() {
    Random random = new Random(14);
    ThreadTable table = new ThreadTable();
    Map<String, ThreadStats> expected = new LinkedHashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // names asked for again and again, each time as a new String (as a second reading part
      // hands them over), so that only equals can find them
      String name = new String("VirtualThread[#" + random.nextInt(60_000) + "]");
      ThreadStats t = table.getOrAdd(name);
      ThreadStats previous = expected.putIfAbsent(name, t);
      if (previous != null) {
        assertThat(t).isSameAs(previous);
      }
      assertThat(t.name()).isEqualTo(name);
    }
    assertThat(table.size()).isEqualTo(expected.size());
    assertThat(table.inArrivalOrder()).containsExactlyElementsOf(expected.values());
    for (String name : expected.keySet()) {
      assertThat(table.get(new String(name))).isSameAs(expected.get(name));
    }
    assertThat(table.get("VirtualThread[#60000]")).isNull();
  }

  @Test
  void namesWhoseHashesCollideAreTwoThreads() {
    // "Aa" and "BB" have the same String hash
    ThreadTable table = new ThreadTable();
    List<ThreadStats> made = new ArrayList<>();
    for (String name : new String[] {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"}) {
      made.add(table.getOrAdd(name));
    }
    assertThat(made).doesNotHaveDuplicates();
    assertThat(table.get("BB")).isSameAs(made.get(1));
    assertThat(table.get("BBAa")).isSameAs(made.get(5));
    assertThat(table.inArrivalOrder()).containsExactlyElementsOf(made);
  }

  @Test
  void theArrivalOrderIsAnUnmodifiableViewThatFollowsAdditions() {
    ThreadTable table = new ThreadTable();
    List<ThreadStats> view = table.inArrivalOrder();
    assertThat(view).isEmpty();
    ThreadStats a = table.getOrAdd("a");
    assertThat(view).containsExactly(a);
    assertThatThrownBy(() -> view.add(a)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
