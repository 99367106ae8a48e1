package dev.gilscope.analyzer.read;

/**
 * The JDK's own JFR event types the analyzer reads. gilscope's event types are named by the event
 * contract ({@link dev.gilscope.contract.GilscopeEvents}).
 */
public final class EventNames {
  public static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";
  public static final String JAVA_MONITOR_WAIT = "jdk.JavaMonitorWait";
  public static final String THREAD_PARK = "jdk.ThreadPark";
  public static final String CPU_INFORMATION = "jdk.CPUInformation";
  public static final String JVM_INFORMATION = "jdk.JVMInformation";
  public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";

  private EventNames() {}
}
