package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

  @Test
  void behavesAsAHashMapThroughGrowthOverwritesAndNullValues() {
    LongKeyMap<String> map = new LongKeyMap<>();
    Map<Long, String> expected = new HashMap<>();
    Random random = new Random(14);
    for (int i = 0; i < 50_000; i++) {
      // consecutive keys (as pools have), random ones, negative ones, and repeats
      long key = i % 3 == 0 ? i : i % 3 == 1 ? random.nextLong() : -random.nextInt(1000);
      String value = i % 7 == 0 ? null : "v" + i;
      map.put(key, value);
      expected.put(key, value);
    }
    assertThat(map.size()).isEqualTo(expected.size());
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      assertThat(map.containsKey(e.getKey())).isTrue();
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
    for (long absent = 1_000_001; absent < 1_001_000; absent += 3) {
      assertThat(map.containsKey(absent)).isEqualTo(expected.containsKey(absent));
      assertThat(map.get(absent)).isEqualTo(expected.get(absent));
    }
  }

  @Test
  void aReservedMapHoldsTheSameAsOneThatGrew() {
    LongKeyMap<Long> reserved = new LongKeyMap<>();
    LongKeyMap<Long> grown = new LongKeyMap<>();
    reserved.put(-5, -5L);
    grown.put(-5, -5L);
    reserved.reserve(10_000);
    for (long key = 1; key <= 20_000; key++) {
      if (key == 5_000) {
        reserved.reserve(1); // no smaller than it is
      }
      reserved.put(key, key * 2);
      grown.put(key, key * 2);
    }
    assertThat(reserved.size()).isEqualTo(grown.size()).isEqualTo(20_001);
    for (long key = -10; key <= 20_010; key++) {
      assertThat(reserved.get(key)).as("key %d", key).isEqualTo(grown.get(key));
      assertThat(reserved.containsKey(key)).isEqualTo(grown.containsKey(key));
    }
  }

  @Test
  void replaceValuesMapsEveryValueAndKeepsTheKeys() {
    LongKeyMap<Long> map = new LongKeyMap<>();
    for (long key = -100; key <= 100; key++) {
      map.put(key, key);
    }
    map.replaceValues(v -> v * 10);
    assertThat(map.size()).isEqualTo(201);
    for (long key = -100; key <= 100; key++) {
      assertThat(map.get(key)).isEqualTo(key * 10);
    }
    assertThat(map.containsKey(101)).isFalse();
  }
}
