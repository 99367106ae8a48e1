package dev.gilscope.analyzer.testing;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * Test doubles of the agent's events, with the type names, fields and units of the event contract
 * (dev.gilscope.contract.EventSchema, checked by FakeAgentEventsTest), so the reader can be tested
 * on real recordings before (and independently of) the agent. Fields a test leaves unset are
 * written as 0, false or null, which the analyzer reads as it reads an absent field.
 */
public final class FakeAgentEvents {
  private FakeAgentEvents() {}

  /** The monitor's id and name, which every gilscope event carries. */
  public abstract static class MonitorIdEvent extends Event {
    public long monitorId;
    public String monitorName;

    public void monitor(long id, String name) {
      monitorId = id;
      monitorName = name;
    }
  }

  /** The monitor fields of every event but the two per-acquisition ones: id, name, class, kind. */
  public abstract static class MonitorEvent extends MonitorIdEvent {
    public Class<?> monitorClass;
    public String monitorKind;

    /** An object monitor of class Object. */
    @Override
    public void monitor(long id, String name) {
      monitor(id, name, Object.class, GilscopeEvents.KIND_MONITOR);
    }

    public void monitor(long id, String name, Class<?> type, String kind) {
      super.monitor(id, name);
      monitorClass = type;
      monitorKind = kind;
    }
  }

  @Name(GilscopeEvents.MONITOR_ACQUIRE)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorAcquire extends MonitorIdEvent {
    public long sequence;
    public boolean contended;
    public Thread previousOwner;
    public Thread lastReleaser;
    public String previousOwnerName;
    public String lastReleaserName;
    public int waitersAtRequest;
    public boolean tryLock;
  }

  @Name(GilscopeEvents.MONITOR_TRY_LOCK_FAILED)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorTryLockFailed extends MonitorEvent {
    public Thread previousOwner;
    public String previousOwnerName;
    public int waitersAtRequest;

    @Timespan(Timespan.NANOSECONDS)
    public long timeout;
  }

  @Name(GilscopeEvents.MONITOR_HOLD)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorHold extends MonitorIdEvent {
    public long sequence;
    public int waitersAtRelease;
    public boolean endedByWait;
  }

  @Name(GilscopeEvents.MONITOR_WAIT)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorWait extends MonitorEvent {
    @Timespan(Timespan.NANOSECONDS)
    public long timeout;

    public boolean timedOut;
    public Thread notifier;
    public String notifierName;
  }

  @Name(GilscopeEvents.MONITOR_NOTIFY)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorNotify extends MonitorEvent {
    public boolean all;
    public int waiters;
  }

  @Name(GilscopeEvents.MONITOR_STATISTICS)
  @Category(GilscopeEvents.CATEGORY)
  public static final class MonitorStatistics extends MonitorEvent {
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    public long trackedSince;

    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    public long periodStart;

    public long acquisitions;
    public long contendedAcquisitions;
    public long handoffs;
    public long barging;
    public long passOvers;
    public long reentrantEntries;
    public long waits;
    public long timedOutWaits;
    public long notifies;
    public long failedTryLocks;
    public long timedHolds;

    @Timespan(Timespan.NANOSECONDS)
    public long totalHold;

    public long sampledHolds;

    @Timespan(Timespan.NANOSECONDS)
    public long sampledHold;

    @Timespan(Timespan.NANOSECONDS)
    public long maxHold;

    public long timedWaits;

    @Timespan(Timespan.NANOSECONDS)
    public long totalWait;

    @Timespan(Timespan.NANOSECONDS)
    public long maxWait;

    public int maxQueueLength;
    public long timedGaps;

    @Timespan(Timespan.NANOSECONDS)
    public long totalGap;

    public long sampledGaps;

    @Timespan(Timespan.NANOSECONDS)
    public long sampledGap;

    public long timedEntries;

    @Timespan(Timespan.NANOSECONDS)
    public long totalEntry;

    public long sampledLongHolds;

    @Timespan(Timespan.NANOSECONDS)
    public long sampledLongHold;

    public long sampledLongGaps;

    @Timespan(Timespan.NANOSECONDS)
    public long sampledLongGap;

    public long longEntries;

    @Timespan(Timespan.NANOSECONDS)
    public long longEntry;
  }

  @Name(GilscopeEvents.THREAD_MONITOR_STATISTICS)
  @Category(GilscopeEvents.CATEGORY)
  public static final class ThreadMonitorStatistics extends MonitorEvent {
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    public long periodStart;

    public Thread thread;
    public String threadName;
    public long javaThreadId;
    public long requests;
    public long acquisitions;
    public long contendedAcquisitions;
    public long passOvers;
    public long timedHolds;

    @Timespan(Timespan.NANOSECONDS)
    public long totalHold;

    @Timespan(Timespan.NANOSECONDS)
    public long maxHold;

    @Timespan(Timespan.NANOSECONDS)
    public long totalWait;

    @Timespan(Timespan.NANOSECONDS)
    public long maxWait;

    public long waits;

    @Timespan(Timespan.NANOSECONDS)
    public long totalWaitInWait;
  }

  @Name(GilscopeEvents.AGENT_STATUS)
  @Category(GilscopeEvents.CATEGORY)
  public static final class AgentStatus extends Event {
    public String detail;
    public int trackedMonitors;
    public int instrumentedClasses;
    public int skippedClasses;
    public long suppressedErrors;
    public String agentVersion;
    public String options;
    public String targets;
    public String holdClock;
  }
}
