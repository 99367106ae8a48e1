package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineLoadTest {
  @Test
  void warnsOnlyWhenTheLoadExceedsThreeQuartersOfTheCores() {
    assertThat(MachineLoad.warning(-1, 2)).isEmpty(); // unknown
    assertThat(MachineLoad.warning(1.5, 2)).isEmpty();
    assertThat(MachineLoad.warning(8.25, 2))
        .contains(
            "note: system load average 8.3 on 2 cores before this run: other processes compete"
                + " for the CPU, so wall-clock comparisons between runs are unreliable");
  }
}
