package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code Object.wait} or {@code Condition.await*} on a tracked monitor, re-acquisition included.
 */
@Name(GilscopeEvents.MONITOR_WAIT)
@Label("Monitor Wait")
@Description(
    "Object.wait or Condition.await on a tracked monitor; the duration includes the re-acquisition")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
public final class MonitorWait extends jdk.jfr.Event {
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

  @Label("Timeout")
  @Description("The requested timeout, 0 = none")
  @Timespan(Timespan.NANOSECONDS)
  public long timeout;

  @Label("Timed Out")
  @Description("Returned because the timeout elapsed (for Object.wait: elapsed time >= timeout)")
  public boolean timedOut;

  @Label("Notifier")
  @Description("The thread whose notify/signal last preceded the wake-up, when known")
  public Thread notifier;

  @Label("Notifier Name")
  @Description("notifier's name, kept when JFR drops the Thread of an ended thread (JDK 17)")
  public String notifierName;
}
