package dev.gilscope.agent.live;

import dev.gilscope.agent.probe.MonitorSnapshots;
import dev.gilscope.agent.probe.MonitorSnapshots.Snapshot;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code live=<interval>}: one stderr line per monitor used in each interval, from inside the
 * process, for users who can neither attach nor open JMX. One daemon thread ({@code
 * gilscope-live}); a later agent load with another interval replaces it. Never touches a tracked
 * monitor (it reads the counters racily, as the statistics flush does).
 */
public final class LiveLines implements Runnable {
  private static LiveLines current;

  private final long intervalNanos;
  private volatile boolean stopped;
  private final Map<Long, Snapshot> before = new HashMap<>();

  private LiveLines(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Starts (or replaces, or with 0 stops) the lines. */
  public static synchronized void start(long intervalNanos) {
    if (current != null) {
      current.stopped = true;
      current = null;
    }
    if (intervalNanos <= 0) {
      return;
    }
    current = new LiveLines(intervalNanos);
    Thread t = new Thread(current, "gilscope-live");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    long last = System.nanoTime();
    for (Snapshot s : MonitorSnapshots.all()) {
      before.put(s.id, s);
    }
    while (!stopped) {
      try {
        Thread.sleep(Math.max(1, intervalNanos / 1_000_000L));
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Snapshot s : MonitorSnapshots.all()) {
        Snapshot b = before.put(s.id, s);
        if (!stopped) {
          String line = line(b, s, now - last);
          if (line != null) {
            System.err.println(line);
          }
        }
      }
      last = now;
    }
  }

  /** The line for one monitor, or null when it was not used in the interval. */
  static String line(Snapshot before, Snapshot now, long elapsedNanos) {
    long acquisitions = now.acquisitions - (before == null ? 0 : before.acquisitions);
    if (acquisitions == 0 && now.waitersNow == 0) {
      return null;
    }
    long contended =
        now.contendedAcquisitions - (before == null ? 0 : before.contendedAcquisitions);
    long held = now.estimatedHoldNanos - (before == null ? 0 : before.estimatedHoldNanos);
    double seconds = elapsedNanos / 1e9;
    return String.format(
        Locale.ROOT,
        "gilscope live: %s: %,.0f acquisitions/s, %.1f%% contended, held %.0f%% of the time,"
            + " %d waiting, held by %s",
        now.name,
        acquisitions / seconds,
        acquisitions == 0 ? 0.0 : 100.0 * contended / acquisitions,
        100.0 * held / Math.max(1, elapsedNanos),
        now.waitersNow,
        now.ownerNow.isEmpty() ? "nobody" : now.ownerNow);
  }
}
