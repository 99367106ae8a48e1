package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.List;
import java.util.Optional;

/**
 * Advice for a recording without gilscope's events (the JDK's lock events, async-profiler): the
 * monitor or lock that looks most like a GIL, and the {@code -javaagent} line that would measure
 * it. A GIL candidate is a monitor on which at least {@link #MIN_BLOCKED_THREADS} threads were seen
 * blocked (a GIL is wanted by several threads at once); the one with the most blocked time leads.
 */
public final class AgentAdvice {
  public static final int MIN_BLOCKED_THREADS = 2;

  private AgentAdvice() {}

  /** The advice line, or empty when the recording has gilscope events or no candidate. */
  public static Optional<String> forRecording(List<MonitorStats> monitors, RecordingInfo r) {
    if (monitors.stream().anyMatch(m -> m.source() == EventSource.GILSCOPE)) {
      return Optional.empty();
    }
    MonitorStats best = null;
    long bestBlocked = 0;
    for (MonitorStats m : monitors) {
      long blocked = m.totals().get(Metric.WAIT_NANOS);
      if (blockedThreads(m) >= MIN_BLOCKED_THREADS && blocked > bestBlocked) {
        best = m;
        bestBlocked = blocked;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(
        Text.fill(
            "looks like a GIL: %s: %d threads blocked on it for %s in all (%s of the %s"
                + " recording), seen only through %s, which has no holds, no uncontended"
                + " acquisitions and no handoffs; measure it with gilscope: %s",
            best.name(),
            blockedThreads(best),
            Text.nanos(bestBlocked),
            Text.percent((double) bestBlocked / Math.max(1, r.durationNanos())),
            Text.seconds(r.durationNanos()),
            best.source().label(),
            agentLine(best)));
  }

  private static int blockedThreads(MonitorStats m) {
    int n = 0;
    for (ThreadStats t : m.threads()) {
      if (!t.isEndedThreads() && t.total(Metric.WAIT_NANOS) > 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The exact option where the class identifies the monitor ({@code monitor=<class>}: every
   * instance of it); a plain Object or a j.u.c lock is known by the field that holds it, which the
   * JDK's events do not carry: the line then names what to fill in.
   */
  static String agentLine(MonitorStats m) {
    String c = m.className() == null ? "unknown" : m.className();
    String prefix = "java -javaagent:gilscope-agent.jar=";
    String suffix = ",file=gil.jfr -jar your-app.jar";
    if (m.source() == EventSource.JDK_PARK) {
      String lock = c.contains("$") ? c.substring(0, c.indexOf('$')) : c;
      return prefix
          + "lock=<class>#<field>"
          + suffix
          + " (the "
          + lock
          + " in that field; the JDK's park events do not name it)";
    }
    if (c.equals("java.lang.Object") || c.equals("unknown")) {
      return prefix
          + "monitor=<class>#<field>"
          + suffix
          + " (the "
          + c
          + " held in that field; the JDK's monitor events do not name it)";
    }
    return prefix + "monitor=" + c + suffix;
  }
}
