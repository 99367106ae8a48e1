package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One acquisition of a tracked monitor; the event duration is the wait from request to acquisition.
 * Committed by the acquiring thread while it holds the monitor (see docs/events.md).
 */
@Name(GilscopeEvents.MONITOR_ACQUIRE)
@Label("Monitor Acquire")
@Description(
    "A thread acquired a tracked monitor; the duration is the wait from request to acquisition")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class MonitorAcquire extends jdk.jfr.Event {
  @Label("Monitor Id")
  @Description("The agent's id of the monitor instance, unique within the recording")
  public long monitorId;

  @Label("Monitor Name")
  @Description("Display name of the monitor, e.g. com.acme.Interp#GIL")
  public String monitorName;

  @Label("Sequence")
  @Description(
      "Per-monitor acquisition number in acquisition order (gaps: not recorded at this detail)")
  public long sequence;

  @Label("Contended")
  @Description("The monitor was held by another thread when the request began")
  public boolean contended;

  @Label("Previous Owner")
  @Description("The thread holding the monitor when the request began (null when free)")
  public Thread previousOwner;

  @Label("Last Releaser")
  @Description(
      "The thread that last released the monitor, when it was another thread (a handoff);"
          + " null when this thread released it last")
  public Thread lastReleaser;

  @Label("Previous Owner Name")
  @Description("previousOwner's name, kept when JFR drops the Thread of an ended thread (JDK 17)")
  public String previousOwnerName;

  @Label("Last Releaser Name")
  @Description(
      "lastReleaser's name (null when no handoff), kept when JFR drops the Thread of an ended"
          + " thread (JDK 17)")
  public String lastReleaserName;

  @Label("Waiters At Request")
  @Description("Threads already waiting for the monitor when this request began")
  public int waitersAtRequest;

  @Label("TryLock")
  @Description("Acquired by Lock.tryLock")
  public boolean tryLock;
}
