package dev.gilscope.analyzer.model;

/** Where a monitor's data came from; decides which statistics exist. */
public enum EventSource {
  /** gilscope's agent: exact counts, holds, waits, handoffs. */
  GILSCOPE("gilscope"),
  /** The JDK's jdk.JavaMonitorEnter / jdk.JavaMonitorWait: contended waits above a threshold. */
  JDK_MONITOR("jdk.JavaMonitorEnter/jdk.JavaMonitorWait"),
  /** The JDK's jdk.ThreadPark: parking on a j.u.c lock or condition. */
  JDK_PARK("jdk.ThreadPark");

  private final String label;

  EventSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
