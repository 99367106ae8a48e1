package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampledStratumTest {
  @Test
  void withoutLongSamplesTheSampleScalesToThePopulation() {
    // 1,000 samples of 1 us stand for 1,000,000 operations: 1 s
    assertThat(SampledStratum.totalNanos(1_000_000, 1_000, 1_000_000, 0, 0)).isEqualTo(1e9);
  }

  @Test
  void aRarePreemptedSampleCountsOnceInsteadOfAThousandTimes() {
    // one of the 1,000 samples took in a 5 ms preemption: scaled, it would add 5 s to a 1 s total
    double total = SampledStratum.totalNanos(1_000_000, 1_000, 999_000 + 5_000_000, 1, 5_000_000);
    assertThat(total).isCloseTo(1e9 - 1_000 + 5e6, within(1.0));
  }

  @Test
  void commonLongSamplesAreTheWorkloadsOwnAndScale() {
    // 2% of the samples are long (I/O outside the lock, say): the plain scale-up
    double nanos = 980 * 1_000 + 20 * 5_000_000;
    assertThat(SampledStratum.totalNanos(1_000_000, 1_000, nanos, 20, 100_000_000))
        .isEqualTo(nanos * 1_000);
  }

  @Test
  void theRareShareEdge() {
    // exactly 1% long is not rare: scaled like the rest
    double nanos = 990 * 1_000 + 10 * 2_000_000;
    assertThat(SampledStratum.totalNanos(100_000, 1_000, nanos, 10, 20_000_000))
        .isEqualTo(nanos * 100);
    // just under 1%: counted at face value
    double fewer = 991 * 1_000 + 9 * 2_000_000;
    assertThat(SampledStratum.totalNanos(100_000, 1_000, fewer, 9, 18_000_000))
        .isCloseTo(1_000.0 * (100_000 - 9) + 18_000_000, within(1.0));
  }

  @Test
  void aFullyTimedStratumIsExact() {
    assertThat(SampledStratum.totalNanos(500, 500, 7_000_000, 1, 5_000_000)).isEqualTo(7_000_000);
    assertThat(SampledStratum.totalNanos(500, 0, 0, 0, 0)).isZero();
  }
}
