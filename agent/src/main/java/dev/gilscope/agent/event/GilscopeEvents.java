package dev.gilscope.agent.event;

/** Names shared by the event classes, gilscope.jfc and the agent's own recording settings. */
public final class GilscopeEvents {
  public static final String CATEGORY = "gilscope";
  public static final String PREFIX = "gilscope.";
  public static final String ACQUIRE = PREFIX + "MonitorAcquire";
  public static final String TRY_LOCK_FAILED = PREFIX + "MonitorTryLockFailed";
  public static final String HOLD = PREFIX + "MonitorHold";
  public static final String WAIT = PREFIX + "MonitorWait";
  public static final String NOTIFY = PREFIX + "MonitorNotify";
  public static final String STATISTICS = PREFIX + "MonitorStatistics";
  public static final String THREAD_STATISTICS = PREFIX + "ThreadMonitorStatistics";
  public static final String AGENT_STATUS = PREFIX + "AgentStatus";

  public static final String KIND_MONITOR = "monitor";
  public static final String KIND_LOCK = "lock";

  /** The untracked instances of a {@code monitor=<class>} class, reported as one monitor. */
  public static final String KIND_INSTANCES = "instances";

  private GilscopeEvents() {}
}
