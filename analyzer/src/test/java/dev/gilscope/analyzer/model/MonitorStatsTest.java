package dev.gilscope.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitorStatsTest {

  @Test
  void aMonitorFirstSeenWithoutItsNameTakesItFromALaterEvent() {
    // a live stream that starts mid-recording can deliver a monitor's first event without its name
    MonitorStats m = MonitorStats.unnamed("gilscope:1", "monitor#1", EventSource.GILSCOPE);
    m.named(null);
    assertThat(m.name()).isEqualTo("monitor#1");
    m.named("com.acme.Interp#GIL");
    m.named("something else");
    assertThat(m.name()).isEqualTo("com.acme.Interp#GIL");
    assertThat(m.hasProvisionalName()).isFalse();
    // a named monitor keeps its name
    MonitorStats named = new MonitorStats("gilscope:2", "a#B", null, null, EventSource.GILSCOPE);
    named.named("other");
    assertThat(named.name()).isEqualTo("a#B");
  }
}
