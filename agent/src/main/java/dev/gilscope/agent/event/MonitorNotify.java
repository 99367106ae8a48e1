package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code notify}, {@code notifyAll}, {@code signal} or {@code signalAll} on a tracked monitor. */
@Name(GilscopeEvents.MONITOR_NOTIFY)
@Label("Monitor Notify")
@Description("notify/notifyAll/signal/signalAll on a tracked monitor")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class MonitorNotify extends jdk.jfr.Event {
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

  @Label("All")
  @Description("notifyAll or signalAll")
  public boolean all;

  @Label("Waiters")
  @Description("Threads in wait/await on this monitor at that moment")
  public int waiters;
}
