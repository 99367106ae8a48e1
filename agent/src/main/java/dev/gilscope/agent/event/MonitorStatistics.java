package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * Exact per-monitor counters for one period (deltas since the previous event of the same monitor).
 * Emitted by the JFR periodic thread, and once more when a chunk ends, for every monitor used in
 * the period.
 */
@Name(GilscopeEvents.MONITOR_STATISTICS)
@Label("Monitor Statistics")
@Description("Exact counters of a tracked monitor since its previous statistics event")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
@Period("1 s")
public final class MonitorStatistics extends jdk.jfr.Event {
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
  @Description(
      "monitor (a Java object monitor), lock (a java.util.concurrent.locks.Lock) or instances (the"
          + " untracked instances of a monitor=<class> class, together)")
  public String monitorKind;

  @Label("Tracked Since")
  @Description(
      "When tracking of this instance began, after acquisitions that its class's other-instances"
          + " monitor counted; absent (0) when tracked from its first acquisition")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  public long trackedSince;

  @Label("Period Start")
  @Description("Start of the period covered by these counters")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  public long periodStart;

  @Label("Acquisitions")
  @Description("Non-reentrant acquisitions")
  public long acquisitions;

  @Label("Contended Acquisitions")
  @Description("Acquisitions whose request found the monitor held by another thread")
  public long contendedAcquisitions;

  @Label("Handoffs")
  @Description("Acquisitions by a thread other than the last releaser")
  public long handoffs;

  @Label("Barging")
  @Description("Releases with waiters followed by the releaser or a newcomer taking the monitor")
  public long barging;

  @Label("Pass-overs")
  @Description("Sum over acquisitions of the threads waiting at that acquisition")
  public long passOvers;

  @Label("Reentrant Entries")
  @Description("Reentrant entries (not acquisitions)")
  public long reentrantEntries;

  @Label("Waits")
  @Description("wait/await calls")
  public long waits;

  @Label("Timed Out Waits")
  @Description("Waits that ended by timeout")
  public long timedOutWaits;

  @Label("Notifies")
  @Description("notify/notifyAll/signal/signalAll calls")
  public long notifies;

  @Label("Failed TryLocks")
  @Description("tryLock calls that returned false")
  public long failedTryLocks;

  @Label("Timed Holds")
  @Description("Hold segments whose duration was measured in this period")
  public long timedHolds;

  @Label("Total Hold")
  @Description("Sum of the measured holds")
  @Timespan(Timespan.NANOSECONDS)
  public long totalHold;

  @Label("Sampled Holds")
  @Description(
      "Uncontended acquisitions whose hold was timed in this period: 1 in 'sample' at the default"
          + " detail, all at detail=all (contended acquisitions' holds are always timed)")
  public long sampledHolds;

  @Label("Sampled Hold")
  @Description(
      "Part of Total Hold that belongs to the Sampled Holds; the rest is every contended"
          + " acquisition's hold. Estimated total hold: (Total Hold - Sampled Hold) + Sampled Hold"
          + " * (Acquisitions - Contended Acquisitions) / Sampled Holds")
  @Timespan(Timespan.NANOSECONDS)
  public long sampledHold;

  @Label("Max Hold")
  @Description("Longest measured hold")
  @Timespan(Timespan.NANOSECONDS)
  public long maxHold;

  @Label("Timed Waits")
  @Description("Acquisitions whose wait was measured (every contended acquisition)")
  public long timedWaits;

  @Label("Total Wait")
  @Description("Sum of the measured waits for acquisition")
  @Timespan(Timespan.NANOSECONDS)
  public long totalWait;

  @Label("Max Wait")
  @Description("Longest measured wait for acquisition")
  @Timespan(Timespan.NANOSECONDS)
  public long maxWait;

  @Label("Max Queue Length")
  @Description("Most threads waiting for the monitor at once")
  public int maxQueueLength;

  @Label("Timed Gaps")
  @Description(
      "Releases after which the time until the same thread's next request of the monitor was"
          + " measured (its work outside the monitor): after every contended acquisition's hold,"
          + " and after 1 in sample of the others")
  public long timedGaps;

  @Label("Total Gap")
  @Description(
      "Sum of the measured gaps, from the end of a release to the same thread's next request")
  @Timespan(Timespan.NANOSECONDS)
  public long totalGap;

  @Label("Sampled Gaps")
  @Description("The Timed Gaps that followed a hold begun by an uncontended acquisition")
  public long sampledGaps;

  @Label("Sampled Gap")
  @Description(
      "Part of Total Gap that belongs to the Sampled Gaps. Estimated total gap: (Total Gap -"
          + " Sampled Gap) * Contended Acquisitions / (Timed Gaps - Sampled Gaps) + Sampled Gap *"
          + " (Acquisitions - Contended Acquisitions) / Sampled Gaps")
  @Timespan(Timespan.NANOSECONDS)
  public long sampledGap;

  @Label("Timed Entries")
  @Description(
      "Uncontended acquisitions whose request-to-acquisition time was measured: those that ended a"
          + " Timed Gap")
  public long timedEntries;

  @Label("Total Entry")
  @Description(
      "Sum of the Timed Entries' request-to-acquisition times: the cost of getting a free monitor"
          + " (its lock word's cache line on another core, a spin that won)")
  @Timespan(Timespan.NANOSECONDS)
  public long totalEntry;

  @Label("Sampled Long Holds")
  @Description("The Sampled Holds longer than 1 ms")
  public long sampledLongHolds;

  @Label("Sampled Long Hold")
  @Description("Part of Sampled Hold that belongs to the Sampled Long Holds")
  @Timespan(Timespan.NANOSECONDS)
  public long sampledLongHold;

  @Label("Sampled Long Gaps")
  @Description("The Sampled Gaps longer than 1 ms")
  public long sampledLongGaps;

  @Label("Sampled Long Gap")
  @Description("Part of Sampled Gap that belongs to the Sampled Long Gaps")
  @Timespan(Timespan.NANOSECONDS)
  public long sampledLongGap;

  @Label("Long Entries")
  @Description("The Timed Entries longer than 1 ms")
  public long longEntries;

  @Label("Long Entry")
  @Description("Part of Total Entry that belongs to the Long Entries")
  @Timespan(Timespan.NANOSECONDS)
  public long longEntry;
}
