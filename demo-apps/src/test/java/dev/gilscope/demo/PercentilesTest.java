package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100L - i; // unsorted on purpose
    }
    Percentiles p = Percentiles.of(values, 100);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p90()).isEqualTo(90);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.mean()).isEqualTo(50.5);
    assertThat(values[0]).isEqualTo(100); // the input is not sorted in place
  }

  @Test
  void emptyIsZero() {
    Percentiles p = Percentiles.of(new long[4], 0);
    assertThat(p.count()).isZero();
    assertThat(p.p99()).isZero();
    assertThat(p.max()).isZero();
  }

  @Test
  void resultLineRoundTrips() {
    String line = new ResultLine("x").put("a_ms", 1.5).put("n", 3).put("who", "a b").toString();
    assertThat(line).isEqualTo("RESULT scenario=x a_ms=1.5000 n=3 who=a_b");
    assertThat(ResultLine.parse("noise\n" + line + "\n"))
        .containsEntry("scenario", "x")
        .containsEntry("a_ms", "1.5000")
        .containsEntry("n", "3");
  }

  @Test
  void tableAlignsColumns() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    new Table("run", "ms")
        .row("one", 5)
        .row("three", 1234)
        .print(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList())
        .containsExactly("run      ms", "-----  ----", "one       5", "three  1234");
  }
}
