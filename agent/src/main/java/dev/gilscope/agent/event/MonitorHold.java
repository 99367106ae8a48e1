package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One hold of a tracked monitor, acquisition to release; a wait() splits a hold into segments that
 * share the sequence. Committed by the holder just before it releases.
 */
@Name(GilscopeEvents.MONITOR_HOLD)
@Label("Monitor Hold")
@Description("A thread held a tracked monitor; the duration is from acquisition to release")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class MonitorHold extends jdk.jfr.Event {
  @Label("Monitor Id")
  @Description("The agent's id of the monitor instance, unique within the recording")
  public long monitorId;

  @Label("Monitor Name")
  @Description("Display name of the monitor, e.g. com.acme.Interp#GIL")
  public String monitorName;

  @Label("Sequence")
  @Description("Sequence number of the acquisition this hold belongs to")
  public long sequence;

  @Label("Waiters At Release")
  @Description("Threads waiting for the monitor when it was released")
  public int waitersAtRelease;

  @Label("Ended By Wait")
  @Description("This segment ended because the holder called wait/await, not by a release")
  public boolean endedByWait;
}
