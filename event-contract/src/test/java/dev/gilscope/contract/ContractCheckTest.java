package dev.gilscope.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

class ContractCheckTest {
  @Name(GilscopeEvents.MONITOR_NOTIFY)
  @Category({GilscopeEvents.CATEGORY, "Monitor"})
  static final class AsContracted extends Event {
    long monitorId;
    String monitorName;
    Class<?> monitorClass;
    String monitorKind;
    boolean all;
    int waiters;
  }

  @Name(GilscopeEvents.MONITOR_NOTIFY)
  @Category("other")
  static final class Drifted extends Event {
    long monitorId;
    String monitorName;
    Class<?> monitorClass;
    String monitorKind;

    @Timespan(Timespan.NANOSECONDS)
    long all;

    int waitingThreads;
  }

  @Name("acme.Notify")
  static final class Foreign extends Event {}

  @org.junit.jupiter.api.Test
  void anEventTypeAsContractedHasNoDifferences() {
    assertThat(ContractCheck.differences(EventType.getEventType(AsContracted.class))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void eachDifferenceIsNamed() {
    assertThat(ContractCheck.differences(EventType.getEventType(Drifted.class)))
        .containsExactlyInAnyOrder(
            "gilscope.MonitorNotify: category [other]",
            "gilscope.MonitorNotify.all: long @jdk.jfr.Timespan=NANOSECONDS, contract: boolean",
            "gilscope.MonitorNotify.waitingThreads (int): not in the contract",
            "gilscope.MonitorNotify.waiters (int): missing");
    assertThat(ContractCheck.differences(EventType.getEventType(Foreign.class)))
        .containsExactly("acme.Notify is not a gilscope event type");
  }
}
