package dev.gilscope.contract;

/**
 * The names of the fields of gilscope's events, each once: a field that two event types share (e.g.
 * {@code totalHold} of MonitorStatistics and ThreadMonitorStatistics) means the same in both.
 * {@link EventSchema} says which type has which field, in which unit; docs/events.md what each
 * means. Compile-time constants (see {@link GilscopeEvents}).
 */
public final class GilscopeFields {
  // Every event: the monitor (MonitorAcquire and MonitorHold carry only its id and name).

  public static final String MONITOR_ID = "monitorId";
  public static final String MONITOR_NAME = "monitorName";
  public static final String MONITOR_CLASS = "monitorClass";
  public static final String MONITOR_KIND = "monitorKind";

  // The per-operation events: Acquire, TryLockFailed, Hold, Wait and Notify.

  public static final String SEQUENCE = "sequence";
  public static final String CONTENDED = "contended";
  public static final String PREVIOUS_OWNER = "previousOwner";
  public static final String LAST_RELEASER = "lastReleaser";
  public static final String PREVIOUS_OWNER_NAME = "previousOwnerName";
  public static final String LAST_RELEASER_NAME = "lastReleaserName";
  public static final String WAITERS_AT_REQUEST = "waitersAtRequest";
  public static final String TRY_LOCK = "tryLock";
  public static final String TIMEOUT = "timeout";
  public static final String WAITERS_AT_RELEASE = "waitersAtRelease";
  public static final String ENDED_BY_WAIT = "endedByWait";
  public static final String TIMED_OUT = "timedOut";
  public static final String NOTIFIER = "notifier";
  public static final String NOTIFIER_NAME = "notifierName";
  public static final String ALL = "all";
  public static final String WAITERS = "waiters";

  // Statistics events: MonitorStatistics and ThreadMonitorStatistics.

  public static final String TRACKED_SINCE = "trackedSince";
  public static final String PERIOD_START = "periodStart";
  public static final String ACQUISITIONS = "acquisitions";
  public static final String CONTENDED_ACQUISITIONS = "contendedAcquisitions";
  public static final String HANDOFFS = "handoffs";
  public static final String BARGING = "barging";
  public static final String PASS_OVERS = "passOvers";
  public static final String REENTRANT_ENTRIES = "reentrantEntries";
  public static final String WAITS = "waits";
  public static final String TIMED_OUT_WAITS = "timedOutWaits";
  public static final String NOTIFIES = "notifies";
  public static final String FAILED_TRY_LOCKS = "failedTryLocks";
  public static final String TIMED_HOLDS = "timedHolds";
  public static final String TOTAL_HOLD = "totalHold";
  public static final String SAMPLED_HOLDS = "sampledHolds";
  public static final String SAMPLED_HOLD = "sampledHold";
  public static final String MAX_HOLD = "maxHold";
  public static final String TIMED_WAITS = "timedWaits";
  public static final String TOTAL_WAIT = "totalWait";
  public static final String MAX_WAIT = "maxWait";
  public static final String MAX_QUEUE_LENGTH = "maxQueueLength";
  public static final String TIMED_GAPS = "timedGaps";
  public static final String TOTAL_GAP = "totalGap";
  public static final String SAMPLED_GAPS = "sampledGaps";
  public static final String SAMPLED_GAP = "sampledGap";
  public static final String TIMED_ENTRIES = "timedEntries";
  public static final String TOTAL_ENTRY = "totalEntry";
  public static final String SAMPLED_LONG_HOLDS = "sampledLongHolds";
  public static final String SAMPLED_LONG_HOLD = "sampledLongHold";
  public static final String SAMPLED_LONG_GAPS = "sampledLongGaps";
  public static final String SAMPLED_LONG_GAP = "sampledLongGap";
  public static final String LONG_ENTRIES = "longEntries";
  public static final String LONG_ENTRY = "longEntry";
  public static final String THREAD = "thread";
  public static final String THREAD_NAME = "threadName";
  public static final String JAVA_THREAD_ID = "javaThreadId";
  public static final String REQUESTS = "requests";
  public static final String TOTAL_WAIT_IN_WAIT = "totalWaitInWait";

  // AgentStatus.

  public static final String DETAIL = "detail";
  public static final String TRACKED_MONITORS = "trackedMonitors";
  public static final String INSTRUMENTED_CLASSES = "instrumentedClasses";
  public static final String SKIPPED_CLASSES = "skippedClasses";
  public static final String SUPPRESSED_ERRORS = "suppressedErrors";
  public static final String AGENT_VERSION = "agentVersion";
  public static final String OPTIONS = "options";
  public static final String TARGETS = "targets";
  public static final String HOLD_CLOCK = "holdClock";

  private GilscopeFields() {}
}
