package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A {@code tryLock} on a tracked lock that returned false; the duration is the time inside it. */
@Name(GilscopeEvents.MONITOR_TRY_LOCK_FAILED)
@Label("Lock TryLock Failed")
@Description(
    "Lock.tryLock on a tracked lock returned false; the duration is the time spent in tryLock")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class MonitorTryLockFailed extends jdk.jfr.Event {
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

  @Label("Previous Owner")
  @Description("The thread holding the lock when tryLock began (null when unknown or free)")
  public Thread previousOwner;

  @Label("Previous Owner Name")
  @Description("previousOwner's name, kept when JFR drops the Thread of an ended thread (JDK 17)")
  public String previousOwnerName;

  @Label("Waiters At Request")
  @Description("Threads waiting for the lock when tryLock began")
  public int waitersAtRequest;

  @Label("Timeout")
  @Description("Timeout passed to tryLock, 0 for the untimed tryLock()")
  @Timespan(Timespan.NANOSECONDS)
  public long timeout;
}
