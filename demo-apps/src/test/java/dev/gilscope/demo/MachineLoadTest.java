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

  @Test
  void countsOnlyTheCpuTimeOfOtherProcesses() {
    // 2 CPUs over 100 jiffies each: 150 busy jiffies, 60 of them this process's own
    long[] before = {1_000, 10_000, 500};
    long[] after = {1_150, 10_200, 560};
    assertThat(MachineLoad.otherCpus(before, after, 2)).isEqualTo(0.9);
    assertThat(MachineLoad.otherCpusWarning(0.9, 2))
        .contains(
            "note: other processes used 0.9 of 2 CPUs just before this run: they compete for the"
                + " CPU, so wall-clock comparisons between runs are unreliable");
    assertThat(MachineLoad.otherCpusWarning(0.4, 2)).isEmpty();
  }
}
