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
  void aCompactMapHoldsWhatTheHashTableHeldAndTakesKeysOutsideItsRange() {
    LongKeyMap<Long> map = new LongKeyMap<>();
    java.util.Map<Long, Long> expected = new java.util.HashMap<>();
    for (long key = 1_000; key < 1_300; key += 1 + key % 3) { // gaps: absent keys in the range
      Long value = key % 7 == 0 ? null : key * 2;
      map.put(key, value);
      expected.put(key, value);
    }
    map.compact();
    assertThat(map.isCompact()).isTrue();
    for (long key = 990; key < 1_310; key++) {
      assertThat(map.get(key)).as("key %d", key).isEqualTo(expected.get(key));
      assertThat(map.containsKey(key)).as("key %d", key).isEqualTo(expected.containsKey(key));
    }
    assertThat(map.size()).isEqualTo(expected.size());
    map.put(1_001, 7L); // in the range: stays compact
    map.put(1_002, 8L);
    expected.put(1_001L, 7L);
    expected.put(1_002L, 8L);
    assertThat(map.isCompact()).isTrue();
    map.put(-5, -5L); // outside: back to a hash table
    expected.put(-5L, -5L);
    assertThat(map.isCompact()).isFalse();
    assertThat(map.size()).isEqualTo(expected.size());
    for (long key = -10; key < 1_310; key++) {
      assertThat(map.get(key)).as("key %d", key).isEqualTo(expected.get(key));
      assertThat(map.containsKey(key)).as("key %d", key).isEqualTo(expected.containsKey(key));
    }
  }

  @Test
  void keysFarApartStayInTheHashTable() {
    LongKeyMap<String> map = new LongKeyMap<>();
    map.put(1, "one");
    map.put(1L << 40, "far");
    map.compact();
    assertThat(map.isCompact()).isFalse();
    assertThat(map.get(1L << 40)).isEqualTo("far");
    map.put(Long.MIN_VALUE, "min");
    map.put(Long.MAX_VALUE, "max");
    map.compact(); // a span that overflows a long
    assertThat(map.isCompact()).isFalse();
    assertThat(map.get(Long.MIN_VALUE)).isEqualTo("min");
  }
}
