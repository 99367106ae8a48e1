package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Significance;
import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which monitors the reports for people (text, HTML) show in full. A user who points gilscope at
 * one GIL wants that GIL first: gilscope-tracked monitors lead; a monitor seen only through JDK
 * events ({@code jdk.JavaMonitorEnter}, {@code jdk.ThreadPark}: {@code Thread.join}, reference
 * queues, idle pool workers) is shown only when it is significant, that is its threads spent at
 * least {@link Significance#MIN_BLOCKED_FRACTION} of the recording blocked on it (and it is a lock,
 * not a latch, future or queue: see {@link #isEventSynchronizer}), a finding names it, or the
 * recording has no gilscope monitor at all (then the JDK monitors are the subject). The rest
 * collapse into one line. JSON keeps every monitor. Called once per report; costs one pass over the
 * monitors.
 */
public final class MonitorSelection {
  /**
   * Tracked monitors shown in full (those a finding names aside): {@code monitor=<class>} tracks
   * every instance, and a cache class has 10,000 of them; the ones threads waited on longest come
   * first (the reader's order), the rest are counted in one line.
   */
  public static final int TOP_TRACKED_MONITORS = 50;

  private final List<MonitorStats> shown;
  private final List<MonitorStats> collapsed;
  private final List<MonitorStats> quieterTracked;

  private MonitorSelection(
      List<MonitorStats> shown, List<MonitorStats> collapsed, List<MonitorStats> quieterTracked) {
    this.shown = shown;
    this.collapsed = collapsed;
    this.quieterTracked = quieterTracked;
  }

  /**
   * The threads the reports list for {@code m}, busiest first; {@link ReportLimits#otherThreads}
   * summarises the rest. For the HTML report as for the text one.
   */
  public static List<ThreadStats> topThreads(MonitorStats m) {
    return ReportLimits.topThreads(m);
  }

  /** Selects from {@code result}; {@code all} (the {@code --all-monitors} option) shows all. */
  public static MonitorSelection of(AnalysisResult result, boolean all) {
    List<MonitorStats> tracked = new ArrayList<>();
    List<MonitorStats> jdkOnly = new ArrayList<>();
    for (MonitorStats m : result.monitors()) {
      (isJdkOnly(m) ? jdkOnly : tracked).add(m);
    }
    if (all || tracked.isEmpty()) {
      List<MonitorStats> shown = new ArrayList<>(tracked);
      shown.addAll(jdkOnly);
      return new MonitorSelection(shown, List.of(), List.of());
    }
    Set<String> named =
        result.findings().stream().map(Finding::monitor).collect(Collectors.toSet());
    long durationNanos = Math.max(1, result.recording().durationNanos());
    List<MonitorStats> shown = new ArrayList<>();
    List<MonitorStats> quieter = new ArrayList<>();
    for (MonitorStats m : tracked) {
      (shown.size() < TOP_TRACKED_MONITORS || named.contains(m.name()) ? shown : quieter).add(m);
    }
    List<MonitorStats> collapsed = new ArrayList<>();
    for (MonitorStats m : jdkOnly) {
      if (named.contains(m.name())
          || (!isEventSynchronizer(m) && Significance.blockedLongEnough(m, durationNanos))) {
        shown.add(m);
      } else {
        collapsed.add(m);
      }
    }
    return new MonitorSelection(shown, collapsed, quieter);
  }

  /**
   * Whether a parked-on blocker is one of java.util.concurrent's hand-off or event synchronizers
   * ({@code CountDownLatch}, {@code FutureTask}, {@code SynchronousQueue}, blocking queues, ...):
   * threads parked there wait for a result, not for a lock, however long they wait. Its locks
   * ({@code ReentrantLock}, {@code ReentrantReadWriteLock}, {@code StampedLock}) and any
   * application's own synchronizer are not.
   */
  static boolean isEventSynchronizer(MonitorStats m) {
    String name = m.className() == null ? m.name() : m.className();
    return m.source() == EventSource.JDK_PARK
        && name.startsWith("java.util.concurrent.")
        && !name.contains("Lock");
  }

  static boolean isJdkOnly(MonitorStats m) {
    return m.source() != EventSource.GILSCOPE;
  }

  /** Monitors to show in full, gilscope-tracked first. */
  public List<MonitorStats> shown() {
    return shown;
  }

  /** JDK-event-only monitors below the threshold. */
  public List<MonitorStats> collapsed() {
    return collapsed;
  }

  /** Tracked monitors beyond {@link #TOP_TRACKED_MONITORS} that no finding names. */
  public List<MonitorStats> quieterTracked() {
    return quieterTracked;
  }

  /**
   * The line (two, separated by a newline, when tracked monitors were cut too) that stands for the
   * monitors not shown, or null when all are shown.
   */
  public String collapsedLine() {
    String jdk = jdkCollapsedLine();
    if (quieterTracked.isEmpty()) {
      return jdk;
    }
    String line =
        Text.fill(
            "%d more gilscope-tracked monitor%s, threads waited less on each and no finding names"
                + " it; --all-monitors lists them (JSON always lists all)",
            quieterTracked.size(), quieterTracked.size() == 1 ? "" : "s");
    return jdk == null ? line : line + "\n" + jdk;
  }

  private String jdkCollapsedLine() {
    if (collapsed.isEmpty()) {
      return null;
    }
    return Text.fill(
        "%d other monitor%s with JDK lock events below the threshold (threads blocked on each"
            + " less than %d%% of the recording, or a latch, future or queue they wait on);"
            + " --all-monitors lists them",
        collapsed.size(),
        collapsed.size() == 1 ? "" : "s",
        Math.round(Significance.MIN_BLOCKED_FRACTION * 100));
  }
}
