package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.ArrayList;
import java.util.List;

/**
 * One monitor, one entry: a gilscope-tracked monitor is also seen by the JDK's own lock events
 * (jdk.JavaMonitorEnter for a monitor, jdk.ThreadPark for a lock), under the JDK's name ({@code
 * class@address}). The two are the same object when everything both sides record agrees: the same
 * class (for a lock, its synchronizer's class is nested in the lock's), every thread the JDK saw
 * blocked also used the tracked monitor, and at least {@link #MIN_COINCIDING} of the JDK's blocked
 * waits (per thread and second) fall in a second in which gilscope counted a contended acquisition
 * of that thread, or in the second before or after (the agent's statistics periods start when it
 * flushes, not on the recording's second boundaries). The JDK entry is then dropped and a note says
 * so; where the class matches but the rest does not, both stay and a note says why. Cost: one pass
 * over each candidate's per-thread windows.
 */
public final class MonitorIdentity {
  /** Share of the JDK's blocked (thread, second) pairs that must coincide with gilscope's. */
  public static final double MIN_COINCIDING = 0.9;

  private MonitorIdentity() {}

  /** The monitors with the JDK entries of tracked ones removed, and a note per decision. */
  public record Result(List<MonitorStats> monitors, List<String> notes) {}

  public static Result merge(List<MonitorStats> monitors) {
    List<MonitorStats> tracked = new ArrayList<>();
    for (MonitorStats m : monitors) {
      if (m.source() == EventSource.GILSCOPE && m.hasExactCounts() && m.className() != null) {
        tracked.add(m);
      }
    }
    List<MonitorStats> kept = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MonitorStats m : monitors) {
      if (m.source() == EventSource.GILSCOPE || m.className() == null) {
        kept.add(m);
        continue;
      }
      List<MonitorStats> sameClass = new ArrayList<>();
      for (MonitorStats g : tracked) {
        if (sameClass(g, m)) {
          sameClass.add(g);
        }
      }
      if (sameClass.isEmpty()) {
        kept.add(m);
        continue;
      }
      List<MonitorStats> same = new ArrayList<>();
      String why = null;
      for (MonitorStats g : sameClass) {
        String reason = differs(g, m);
        if (reason == null) {
          same.add(g);
        } else if (why == null) {
          why = reason;
        }
      }
      if (same.size() == 1) {
        notes.add(
            Text.fill(
                "one monitor: %s: the JDK's %s (%s) is the same object (same class, the same"
                    + " threads, its blocked waits in the seconds of gilscope's contended"
                    + " acquisitions): shown once",
                same.get(0).name(), m.name(), m.source().label()));
      } else {
        kept.add(m);
        MonitorStats g = sameClass.get(0);
        notes.add(
            same.size() > 1
                ? Text.fill(
                    "identity unknown: %s: the JDK's %s (%s) matches %d tracked monitors of its"
                        + " class: shown apart",
                    g.name(), m.name(), m.source().label(), same.size())
                : Text.fill(
                    "identity unknown: %s: the JDK's %s (%s) has its class but %s: it may be"
                        + " another instance, shown apart",
                    g.name(), m.name(), m.source().label(), why));
      }
    }
    return new Result(kept, notes);
  }

  private static boolean sameClass(MonitorStats tracked, MonitorStats jdk) {
    String c = tracked.className();
    if ("lock".equals(tracked.kind())) {
      // jdk.ThreadPark names the lock's synchronizer: ReentrantLock$NonfairSync
      return jdk.source() == EventSource.JDK_PARK
          && (jdk.className().equals(c) || jdk.className().startsWith(c + "$"));
    }
    return jdk.source() == EventSource.JDK_MONITOR && jdk.className().equals(c);
  }

  /** Why the JDK's monitor is not the tracked one; null when everything agrees. */
  static String differs(MonitorStats tracked, MonitorStats jdk) {
    long blocked = 0;
    long coinciding = 0;
    for (ThreadStats t : jdk.threads()) {
      if (t.isEndedThreads()) {
        continue;
      }
      ThreadStats same = tracked.threadOrNull(t.name());
      if (same == null) {
        return t.name() + " blocked on it but never used the tracked monitor";
      }
      WindowedCounters windows = t.windows();
      for (int p = 0; p < windows.size(); p++) {
        if (windows.counters(p).get(Metric.TIMED_WAITS) == 0) {
          continue;
        }
        blocked++;
        int second = windows.index(p);
        if (contended(same, second - 1) || contended(same, second) || contended(same, second + 1)) {
          coinciding++;
        }
      }
    }
    if (blocked > 0 && coinciding < MIN_COINCIDING * blocked) {
      return Text.fill(
          "only %d of its %d blocked (thread, second) pairs coincide with gilscope's contended"
              + " acquisitions",
          coinciding, blocked);
    }
    return null;
  }

  private static boolean contended(ThreadStats t, int window) {
    Counters c = t.windows().get(window);
    return (c.get(Metric.CONTENDED) > 0
        || c.get(Metric.REQUESTS) > c.get(Metric.ACQUISITIONS)
        || c.get(Metric.PASS_OVERS) > 0);
  }
}
