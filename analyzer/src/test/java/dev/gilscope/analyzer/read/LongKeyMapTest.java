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
}
