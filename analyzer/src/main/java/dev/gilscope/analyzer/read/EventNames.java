package dev.gilscope.analyzer.read;

/** The JFR event type names the analyzer reads (docs/events.md and the JDK's own events). */
public final class EventNames {
  public static final String PREFIX = "gilscope.";
  public static final String MONITOR_ACQUIRE = PREFIX + "MonitorAcquire";
  public static final String MONITOR_TRY_LOCK_FAILED = PREFIX + "MonitorTryLockFailed";
  public static final String MONITOR_HOLD = PREFIX + "MonitorHold";
  public static final String MONITOR_WAIT = PREFIX + "MonitorWait";
  public static final String MONITOR_NOTIFY = PREFIX + "MonitorNotify";
  public static final String MONITOR_STATISTICS = PREFIX + "MonitorStatistics";
  public static final String THREAD_MONITOR_STATISTICS = PREFIX + "ThreadMonitorStatistics";
  public static final String AGENT_STATUS = PREFIX + "AgentStatus";

  public static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";
  public static final String JAVA_MONITOR_WAIT = "jdk.JavaMonitorWait";
  public static final String THREAD_PARK = "jdk.ThreadPark";
  public static final String CPU_INFORMATION = "jdk.CPUInformation";
  public static final String JVM_INFORMATION = "jdk.JVMInformation";
  public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";

  private EventNames() {}
}
