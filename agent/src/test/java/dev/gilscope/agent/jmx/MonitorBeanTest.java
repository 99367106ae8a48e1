package dev.gilscope.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitorBeanTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void utilizationIsTheHoldTimeAddedOverTheElapsedTime() {
    assertThat(MonitorBean.utilization(2 * SECOND, 2 * SECOND + SECOND / 4, SECOND))
        .isEqualTo(0.25);
    assertThat(MonitorBean.utilization(SECOND, SECOND, SECOND)).isZero();
  }

  @Test
  void utilizationIsCappedAtTheWholeSecond() {
    // a scaled sample of a preempted holder: 1.74 s of hold in a second
    assertThat(MonitorBean.utilization(0, 1_740_000_000L, SECOND)).isEqualTo(1.0);
  }

  @Test
  void aTotalThatWentBackIsNoHold() {
    assertThat(MonitorBean.utilization(5 * SECOND, 4 * SECOND, SECOND)).isZero();
  }
}
