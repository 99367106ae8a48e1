package dev.gilscope.agent.jmx;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.probe.MonitorSnapshots;
import dev.gilscope.agent.probe.MonitorSnapshots.Snapshot;
import dev.gilscope.agent.probe.Registry;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Registers {@code dev.gilscope:type=Agent} and one {@code dev.gilscope:type=Monitor,name=...} per
 * tracked monitor, and keeps them current, on one daemon thread ({@code gilscope-jmx}) that wakes
 * once a second. Creating the platform MBean server costs start-up time, so after premain the
 * thread registers only once something else created it (a JMX agent, an attaching tool) or {@link
 * #LAZY_REGISTRATION_NANOS} after start; loaded by an attaching tool (which uses JMX next), it
 * registers at once. Never called from probe code.
 */
public final class AgentMBeans {
  static final long LAZY_REGISTRATION_NANOS = 10_000_000_000L;

  /** More monitors than this (class monitors: one per instance) get no MBean of their own. */
  static final int MAX_MONITOR_BEANS = 64;

  static final String DOMAIN = "dev.gilscope";

  private static AgentControl control;

  private final Map<Long, MonitorBean> beans = new HashMap<>();
  private final Map<Long, ObjectName> names = new HashMap<>();
  private MBeanServer server;
  private long lastNanos;
  private boolean capReported;

  private AgentMBeans() {}

  /** Starts the thread; the first call wins (a later agent load reuses the beans). */
  public static synchronized void start(String version, AgentOptions options, boolean now) {
    if (control != null) {
      return;
    }
    control =
        new AgentControl(
            version, options, now && options.file() == null && options.liveNanos() == 0);
    AgentMBeans beans = new AgentMBeans();
    Thread t = new Thread(() -> beans.run(now), "gilscope-jmx");
    t.setDaemon(true);
    t.start();
  }

  /**
   * A later agent load: the probes count again (a quiet registry is made active); with {@code
   * keepCounting} (it asked for a recording or live lines) they never go quiet again.
   */
  public static synchronized void reloaded(boolean keepCounting) {
    if (control != null && keepCounting) {
      control.keepCounting();
    } else {
      Registry.activate();
    }
  }

  private void run(boolean now) {
    long start = System.nanoTime();
    try {
      while (true) {
        if (server == null
            && (now
                || !MBeanServerFactory.findMBeanServer(null).isEmpty()
                || System.nanoTime() - start > LAZY_REGISTRATION_NANOS)) {
          server = ManagementFactory.getPlatformMBeanServer();
          server.registerMBean(control, new ObjectName(DOMAIN + ":type=Agent"));
        }
        if (server != null) {
          refresh();
          control.expire();
        }
        Thread.sleep(server == null ? 1000 : 500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (JMException | RuntimeException e) {
      System.err.println("gilscope: JMX beans stopped: " + e);
    }
  }

  private void refresh() throws JMException {
    long now = System.nanoTime();
    long elapsed = lastNanos == 0 ? 0 : now - lastNanos;
    boolean second = elapsed == 0 || elapsed >= 900_000_000L;
    List<Snapshot> all = MonitorSnapshots.all();
    Set<Long> alive = new HashSet<>();
    for (Snapshot s : all) {
      alive.add(s.id);
      MonitorBean bean = beans.get(s.id);
      if (bean == null) {
        register(s);
      } else if (second) {
        bean.update(s, elapsed);
      }
    }
    for (Long id : new HashSet<>(beans.keySet())) {
      if (!alive.contains(id)) {
        beans.remove(id);
        server.unregisterMBean(names.remove(id));
      }
    }
    if (second) {
      lastNanos = now;
    }
  }

  private void register(Snapshot s) throws JMException {
    if (beans.size() >= MAX_MONITOR_BEANS) {
      if (!capReported) {
        capReported = true;
        System.err.println(
            "gilscope: more than "
                + MAX_MONITOR_BEANS
                + " monitors tracked; the rest get no MBean");
      }
      return;
    }
    ObjectName name = objectName(s.name);
    if (server.isRegistered(name)) {
      name = objectName(s.name + " #" + s.id);
    }
    MonitorBean bean = new MonitorBean(s);
    server.registerMBean(bean, name);
    beans.put(s.id, bean);
    names.put(s.id, name);
  }

  /** The MBean name of a monitor; its name is quoted when it holds characters JMX reserves. */
  static ObjectName objectName(String monitor) throws JMException {
    boolean plain = !monitor.isEmpty();
    for (char c : monitor.toCharArray()) {
      if (",=:\"*?\\\n".indexOf(c) >= 0) {
        plain = false;
      }
    }
    return new ObjectName(
        DOMAIN + ":type=Monitor,name=" + (plain ? monitor : ObjectName.quote(monitor)));
  }
}
