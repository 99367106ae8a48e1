package dev.gilscope.analyzer.testing;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * Test doubles of the agent's events, with the names and fields of docs/events.md, so the reader
 * can be tested on real recordings before (and independently of) the agent.
 */
public final class FakeAgentEvents {
  private FakeAgentEvents() {}

  /** The monitor fields every gilscope event carries. */
  public abstract static class MonitorEvent extends Event {
    @Label("Monitor Id")
    public long monitorId;

    @Label("Monitor Name")
    public String monitorName;

    @Label("Monitor Class")
    public Class<?> monitorClass;

    @Label("Monitor Kind")
    public String monitorKind;

    public void monitor(long id, String name) {
      monitorId = id;
      monitorName = name;
      monitorClass = Object.class;
      monitorKind = "monitor";
    }
  }

  @Name("gilscope.MonitorStatistics")
  @Category("gilscope")
  public static final class MonitorStatistics extends MonitorEvent {
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

    @Timespan(Timespan.NANOSECONDS)
    public long maxHold;

    public long timedWaits;

    @Timespan(Timespan.NANOSECONDS)
    public long totalWait;

    @Timespan(Timespan.NANOSECONDS)
    public long maxWait;

    public int maxQueueLength;
  }

  @Name("gilscope.ThreadMonitorStatistics")
  @Category("gilscope")
  public static final class ThreadMonitorStatistics extends MonitorEvent {
    public Thread thread;
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

  @Name("gilscope.MonitorAcquire")
  @Category("gilscope")
  public static final class MonitorAcquire extends MonitorEvent {
    public long sequence;
    public boolean contended;
    public Thread previousOwner;
    public Thread lastReleaser;
    public int waitersAtRequest;
    public boolean tryLock;
  }

  @Name("gilscope.MonitorHold")
  @Category("gilscope")
  public static final class MonitorHold extends MonitorEvent {
    public long sequence;
    public int waitersAtRelease;
    public boolean endedByWait;
  }
}
