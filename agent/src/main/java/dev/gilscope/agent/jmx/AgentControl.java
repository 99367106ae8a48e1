package dev.gilscope.agent.jmx;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.agent.config.Target;
import dev.gilscope.agent.probe.MonitorSnapshots;
import dev.gilscope.agent.probe.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * {@link AgentControlMXBean}: the watches' leases. {@link #expire} runs once a second on the
 * agent's JMX thread and closes the recording of every watch whose lease ran out.
 *
 * <p>An agent that a watch attached, with no {@code file=} recording or {@code live=} lines of its
 * own, has nothing to count for once the last lease ends: the registry is then made quiet (every
 * instrumented site back to one reference comparison) and the next {@link #beginWatch} makes it
 * active again. The probes cannot be removed; this is the closest to it. A {@code -javaagent} agent
 * always counts: its MBeans' counters are exact from the JVM's start.
 */
final class AgentControl implements AgentControlMXBean {
  private final String version;
  private final AgentOptions options;
  private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean quietWhenUnwatched;

  private static final class Lease {
    final long millis;
    volatile long expiresAtNanos;
    volatile long recordingId = -1;

    Lease(long millis) {
      this.millis = millis;
      renew();
    }

    void renew() {
      expiresAtNanos = System.nanoTime() + millis * 1_000_000L;
    }
  }

  AgentControl(String version, AgentOptions options, boolean quietWhenUnwatched) {
    this.version = version;
    this.options = options;
    this.quietWhenUnwatched = quietWhenUnwatched;
  }

  /** A later load asked for a recording or live lines: the probes count from now on, always. */
  void keepCounting() {
    quietWhenUnwatched = false;
    Registry.activate();
  }

  @Override
  public String getVersion() {
    return version;
  }

  @Override
  public String getOptions() {
    return options.raw();
  }

  @Override
  public List<String> getTargets() {
    List<String> names = new ArrayList<>();
    for (Target t : options.targets()) {
      names.add(t.toString());
    }
    return names;
  }

  @Override
  public String getLastLoad() {
    return System.getProperty("dev.gilscope.agent.load", "");
  }

  @Override
  public int getActiveWatches() {
    return leases.size();
  }

  @Override
  public synchronized long beginWatch(long leaseMillis) {
    Registry.activate();
    MonitorSnapshots.rebaseStatistics();
    long id = ids.incrementAndGet();
    leases.put(id, new Lease(Math.max(1000, leaseMillis)));
    return id;
  }

  @Override
  public void watchRecording(long watch, long recordingId) {
    Lease lease = leases.get(watch);
    if (lease != null) {
      lease.recordingId = recordingId;
    }
  }

  @Override
  public boolean renewWatch(long watch) {
    Lease lease = leases.get(watch);
    if (lease == null) {
      return false;
    }
    lease.renew();
    return true;
  }

  @Override
  public void endWatch(long watch) {
    leases.remove(watch);
    quietIfUnwatched();
  }

  /** After a lease ended; synchronized with beginWatch, so a new lease is never left quiet. */
  private synchronized void quietIfUnwatched() {
    if (quietWhenUnwatched && leases.isEmpty()) {
      Registry.deactivate();
    }
  }

  /** Closes the recordings of watches whose lease ran out. */
  void expire() {
    long now = System.nanoTime();
    for (Map.Entry<Long, Lease> e : leases.entrySet()) {
      Lease lease = e.getValue();
      if (now - lease.expiresAtNanos > 0 && leases.remove(e.getKey(), lease)) {
        boolean closed = close(lease.recordingId);
        System.err.println(
            "gilscope: watch "
                + e.getKey()
                + " ended without its watcher (no renewal for "
                + lease.millis / 1000
                + " s)"
                + (closed ? "; its recording is closed" : "")
                + "; the probes stay installed and record nothing");
      }
    }
    if (leases.isEmpty()) {
      quietIfUnwatched();
    }
  }

  private static boolean close(long recordingId) {
    if (recordingId < 0) {
      return false;
    }
    for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
      if (r.getId() == recordingId) {
        r.close();
        return true;
      }
    }
    return false;
  }
}
