package dev.gilscope.contract;

/**
 * The names of gilscope's JFR event types, their category and the values of {@code monitorKind}.
 * Compile-time constants: javac copies them into every class that uses them, so the agent's event
 * classes (loaded by the bootstrap class loader) and the analyzer need none of this module's
 * classes at run time. {@link EventSchema} lists each type's fields.
 */
public final class GilscopeEvents {
  /** The JFR category of every gilscope event. */
  public static final String CATEGORY = "gilscope";

  /** The prefix of every gilscope event type's name. */
  public static final String PREFIX = "gilscope.";

  public static final String MONITOR_ACQUIRE = PREFIX + "MonitorAcquire";
  public static final String MONITOR_TRY_LOCK_FAILED = PREFIX + "MonitorTryLockFailed";
  public static final String MONITOR_HOLD = PREFIX + "MonitorHold";
  public static final String MONITOR_WAIT = PREFIX + "MonitorWait";
  public static final String MONITOR_NOTIFY = PREFIX + "MonitorNotify";
  public static final String MONITOR_STATISTICS = PREFIX + "MonitorStatistics";
  public static final String THREAD_MONITOR_STATISTICS = PREFIX + "ThreadMonitorStatistics";
  public static final String AGENT_STATUS = PREFIX + "AgentStatus";

  /** {@code monitorKind} of a Java object monitor. */
  public static final String KIND_MONITOR = "monitor";

  /** {@code monitorKind} of a {@code java.util.concurrent.locks.Lock}. */
  public static final String KIND_LOCK = "lock";

  /** {@code monitorKind} of the untracked instances of a {@code monitor=<class>} class, as one. */
  public static final String KIND_INSTANCES = "instances";

  private GilscopeEvents() {}
}
