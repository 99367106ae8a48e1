package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * Exact counters of one thread on one monitor for one period, emitted together with {@link
 * MonitorStatistics} (which it follows: it has no period of its own).
 */
@Name(GilscopeEvents.THREAD_MONITOR_STATISTICS)
@Label("Thread Monitor Statistics")
@Description("Exact counters of one thread on a tracked monitor since the previous event")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class ThreadMonitorStatistics extends jdk.jfr.Event {
  @Label("Monitor Id")
  @Description("The agent's id of the monitor instance, unique within the recording")
  public long monitorId;

  @Label("Monitor Name")
  @Description("Display name of the monitor, e.g. com.acme.Interp#GIL")
  public String monitorName;

  @Label("Monitor Class")
  @Description("Class of the monitor object (for locks: the lock's class)")
  public Class<?> monitorClass;

  @Label("Monitor Kind")
  @Description("monitor (a Java object monitor) or lock (a java.util.concurrent.locks.Lock)")
  public String monitorKind;

  @Label("Period Start")
  @Description("Start of the period covered by these counters")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  public long periodStart;

  @Label("Thread")
  @Description("The thread these counters belong to")
  public Thread thread;

  // JFR writes no Thread constant for a thread that ended before the period was flushed,
  // so the name and id travel as plain values too.
  @Label("Thread Name")
  @Description("Name of the thread, also when the thread has ended")
  public String threadName;

  @Label("Java Thread Id")
  @Description("Thread.getId() of the thread, also when the thread has ended")
  public long javaThreadId;

  @Label("Requests")
  @Description("Non-reentrant requests: acquisitions, failed tryLocks and requests still waiting")
  public long requests;

  @Label("Acquisitions")
  @Description("Acquisitions by this thread")
  public long acquisitions;

  @Label("Contended Acquisitions")
  @Description("Acquisitions by this thread whose request found the monitor held")
  public long contendedAcquisitions;

  @Label("Pass-overs")
  @Description("Acquisitions by other threads while this thread waited")
  public long passOvers;

  @Label("Timed Holds")
  @Description("This thread's hold segments whose duration was measured")
  public long timedHolds;

  @Label("Total Hold")
  @Description("Sum of this thread's measured holds")
  @Timespan(Timespan.NANOSECONDS)
  public long totalHold;

  @Label("Max Hold")
  @Description("Longest measured hold of this thread")
  @Timespan(Timespan.NANOSECONDS)
  public long maxHold;

  @Label("Total Wait")
  @Description("Sum of this thread's measured waits for acquisition")
  @Timespan(Timespan.NANOSECONDS)
  public long totalWait;

  @Label("Max Wait")
  @Description("Longest measured wait of this thread for acquisition")
  @Timespan(Timespan.NANOSECONDS)
  public long maxWait;

  @Label("Waits")
  @Description("wait/await calls by this thread")
  public long waits;

  @Label("Total Wait In Wait")
  @Description("Time this thread spent inside wait/await")
  @Timespan(Timespan.NANOSECONDS)
  public long totalWaitInWait;
}
