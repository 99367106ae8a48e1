package dev.gilscope.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.probe.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the watches' leases make the probes quiet, and when they make them count again. */
class AgentControlTest {
  @AfterEach
  void active() {
    Registry.activate();
  }

  private static AgentControl control(boolean quietWhenUnwatched) throws Exception {
    return new AgentControl("test", AgentOptions.parse("monitor=a.B#GIL"), quietWhenUnwatched);
  }

  @Test
  void anAttachedAgentGoesQuietWhenTheLastWatchEndsAndCountsForTheNext() throws Exception {
    AgentControl control = control(true);
    long first = control.beginWatch(30_000);
    long second = control.beginWatch(30_000);
    control.endWatch(first);
    assertThat(Registry.isActive()).as("one watch still runs").isTrue();
    control.endWatch(second);
    assertThat(Registry.isActive()).isFalse();
    long third = control.beginWatch(30_000);
    assertThat(Registry.isActive()).isTrue();
    control.endWatch(third);
    assertThat(Registry.isActive()).isFalse();
  }

  @Test
  void aJavaagentAgentNeverGoesQuiet() throws Exception {
    AgentControl control = control(false);
    control.endWatch(control.beginWatch(30_000));
    assertThat(Registry.isActive()).isTrue();
  }

  @Test
  void aLaterLoadWithARecordingOrLiveLinesKeepsItCounting() throws Exception {
    AgentControl control = control(true);
    control.endWatch(control.beginWatch(30_000));
    assertThat(Registry.isActive()).isFalse();
    control.keepCounting();
    assertThat(Registry.isActive()).isTrue();
    control.endWatch(control.beginWatch(30_000));
    assertThat(Registry.isActive()).isTrue();
  }
}
