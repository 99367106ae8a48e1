package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadCpu;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.timeline.TimelineCollector;
import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;

/**
 * Folds the events of one part of a recording (one or more chunks, read in time order by one {@link
 * EventStream}) into per-monitor statistics. One instance per reading thread; partial results of
 * several instances merge with {@link #mergeFrom}. Memory is bounded by the number of monitors,
 * threads and windows, never by the number of events.
 */
final class EventAccumulator {
  /**
   * gilscope monitors kept one by one (between this and twice this): beyond, the ones with the
   * fewest acquisitions are folded into one monitor per class, so that a recording with millions of
   * monitors (an older agent's {@code monitor=<class>}) is analysed in bounded memory.
   */
  static final int MONITORS_KEPT = 10_000;

  /** Suffix of the name of the monitor that a class's folded monitors are counted in. */
  static final String FOLDED_SUFFIX = " (monitors not kept one by one)";

  /** Two wait() calls of a thread closer than this belong to one wait episode. */
  static final long EPISODE_GAP_NANOS = 50_000;

  // one statistics event's amounts by Metric ordinal, added to its counters at once; zero between
  // events
  private final long[] amounts = new long[Metric.values().length];
  private final long originEpochNanos;
  private final long windowNanos;
  private final Map<Long, MonitorStats> gilscopeMonitors = new HashMap<>();
  private final JdkMonitorTable jdkMonitors = new JdkMonitorTable();
  private final WaitEpisodes episodes;
  private final Map<String, ThreadCpu> threadCpu = new HashMap<>();
  // in a part that continues another: each thread's CPU loads in file order, added to the earlier
  // part's sums one by one at the merge (a sum of doubles depends on the order of its terms)
  private final Map<String, CpuLoads> laterCpuLoads;
  private final Map<String, Long> eventCounts = new TreeMap<>();
  private final Map<String, String> agentNotes = new TreeMap<>();
  private String jvm;
  private Integer cpuCores;
  private final String[] countedTypes = new String[16];
  private final long[] typeCounts = new long[16];
  private int countedTypeCount;
  private long lastGilscopeMonitorId;
  // the folded monitors of each class, kept in gilscopeMonitors under negative ids
  private final Map<String, Long> foldedIds = new HashMap<>();
  private long foldedMonitors;
  private MonitorStats lastGilscopeMonitor;
  // the HTML report's intervals; null (nothing collected) unless asked for
  private TimelineCollector timeline;

  EventAccumulator(long originEpochNanos, long windowNanos) {
    this(originEpochNanos, windowNanos, false);
  }

  /**
   * @param continuesPrevious whether this part of the recording follows another part read by
   *     another accumulator, which will {@link #mergeFrom} this one: what is open at the part's
   *     start (wait episodes, the sums of CPU loads) is then left for the merge to settle exactly
   */
  EventAccumulator(long originEpochNanos, long windowNanos, boolean continuesPrevious) {
    this.originEpochNanos = originEpochNanos;
    this.windowNanos = windowNanos;
    this.episodes = new WaitEpisodes(EPISODE_GAP_NANOS, this::window, continuesPrevious);
    this.laterCpuLoads = continuesPrevious ? new HashMap<>() : null;
  }

  /** The handler of each event type the analysis reads, by type name. */
  Map<String, Consumer<EventView>> handlers() {
    Map<String, Consumer<EventView>> h = new LinkedHashMap<>();
    h.put(GilscopeEvents.MONITOR_STATISTICS, this::onMonitorStatistics);
    h.put(GilscopeEvents.THREAD_MONITOR_STATISTICS, this::onThreadMonitorStatistics);
    h.put(GilscopeEvents.MONITOR_ACQUIRE, this::onAcquire);
    h.put(GilscopeEvents.MONITOR_HOLD, this::onHold);
    h.put(GilscopeEvents.MONITOR_WAIT, this::onWait);
    h.put(GilscopeEvents.MONITOR_NOTIFY, this::onNotify);
    h.put(GilscopeEvents.AGENT_STATUS, this::onAgentStatus);
    h.put(EventNames.JAVA_MONITOR_ENTER, this::onJavaMonitorEnter);
    h.put(EventNames.JAVA_MONITOR_WAIT, this::onJavaMonitorWait);
    h.put(EventNames.THREAD_PARK, this::onThreadPark);
    h.put(EventNames.CPU_INFORMATION, this::onCpuInformation);
    h.put(EventNames.JVM_INFORMATION, this::onJvmInformation);
    h.put(EventNames.THREAD_CPU_LOAD, this::onThreadCpuLoad);
    return h;
  }

  /** Subscribes the handlers to a JDK event stream (the fallback path). */
  void subscribe(EventStream stream) {
    JdkEventView view = new JdkEventView();
    handlers().forEach((type, handler) -> stream.onEvent(type, e -> handler.accept(view.of(e))));
  }

  // ---- gilscope events ---------------------------------------------------------------------

  private void onMonitorStatistics(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    // the per-acquisition events carry no class or kind: the statistics events of the monitor do
    if (!m.described()) {
      m.describe(e.className(GilscopeFields.MONITOR_CLASS), e.string(GilscopeFields.MONITOR_KIND));
    }
    m.countStatisticsEvent();
    if (timeline != null) {
      timeline.monitorPeriod(
          m.name(),
          e.epochNanos(GilscopeFields.PERIOD_START),
          endNanos(e),
          e.longValue(GilscopeFields.ACQUISITIONS),
          e.longValue(GilscopeFields.CONTENDED_ACQUISITIONS),
          e.longValue(GilscopeFields.TIMED_HOLDS),
          e.nanos(GilscopeFields.TOTAL_HOLD),
          e.longValue(GilscopeFields.SAMPLED_HOLDS),
          e.nanos(GilscopeFields.SAMPLED_HOLD));
    }
    // each field read once, into both the monitor's totals and the window
    long[] a = amounts;
    a[Metric.ACQUISITIONS.ordinal()] = e.longValue(GilscopeFields.ACQUISITIONS);
    a[Metric.CONTENDED.ordinal()] = e.longValue(GilscopeFields.CONTENDED_ACQUISITIONS);
    a[Metric.HANDOFFS.ordinal()] = e.longValue(GilscopeFields.HANDOFFS);
    a[Metric.BARGING.ordinal()] = e.longValue(GilscopeFields.BARGING);
    a[Metric.PASS_OVERS.ordinal()] = e.longValue(GilscopeFields.PASS_OVERS);
    a[Metric.REENTRANT_ENTRIES.ordinal()] = e.longValue(GilscopeFields.REENTRANT_ENTRIES);
    a[Metric.WAITS.ordinal()] = e.longValue(GilscopeFields.WAITS);
    a[Metric.TIMED_OUT_WAITS.ordinal()] = e.longValue(GilscopeFields.TIMED_OUT_WAITS);
    a[Metric.NOTIFIES.ordinal()] = e.longValue(GilscopeFields.NOTIFIES);
    a[Metric.FAILED_TRY_LOCKS.ordinal()] = e.longValue(GilscopeFields.FAILED_TRY_LOCKS);
    a[Metric.TIMED_HOLDS.ordinal()] = e.longValue(GilscopeFields.TIMED_HOLDS);
    a[Metric.HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_HOLD);
    a[Metric.SAMPLED_HOLDS.ordinal()] = e.longValue(GilscopeFields.SAMPLED_HOLDS);
    a[Metric.SAMPLED_HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.SAMPLED_HOLD);
    a[Metric.MAX_HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.MAX_HOLD);
    a[Metric.TIMED_WAITS.ordinal()] = e.longValue(GilscopeFields.TIMED_WAITS);
    a[Metric.WAIT_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_WAIT);
    a[Metric.MAX_WAIT_NANOS.ordinal()] = e.nanos(GilscopeFields.MAX_WAIT);
    a[Metric.MAX_QUEUE_LENGTH.ordinal()] = e.longValue(GilscopeFields.MAX_QUEUE_LENGTH);
    a[Metric.TIMED_GAPS.ordinal()] = e.longValue(GilscopeFields.TIMED_GAPS);
    a[Metric.GAP_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_GAP);
    a[Metric.SAMPLED_GAPS.ordinal()] = e.longValue(GilscopeFields.SAMPLED_GAPS);
    a[Metric.SAMPLED_GAP_NANOS.ordinal()] = e.nanos(GilscopeFields.SAMPLED_GAP);
    a[Metric.TIMED_ENTRIES.ordinal()] = e.longValue(GilscopeFields.TIMED_ENTRIES);
    a[Metric.ENTRY_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_ENTRY);
    a[Metric.SAMPLED_LONG_HOLDS.ordinal()] = e.longValue(GilscopeFields.SAMPLED_LONG_HOLDS);
    a[Metric.SAMPLED_LONG_HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.SAMPLED_LONG_HOLD);
    a[Metric.SAMPLED_LONG_GAPS.ordinal()] = e.longValue(GilscopeFields.SAMPLED_LONG_GAPS);
    a[Metric.SAMPLED_LONG_GAP_NANOS.ordinal()] = e.nanos(GilscopeFields.SAMPLED_LONG_GAP);
    a[Metric.LONG_ENTRIES.ordinal()] = e.longValue(GilscopeFields.LONG_ENTRIES);
    a[Metric.LONG_ENTRY_NANOS.ordinal()] = e.nanos(GilscopeFields.LONG_ENTRY);
    m.totals().addAll(a);
    m.windows().at(statisticsWindow(e)).addAll(a);
    Arrays.fill(a, 0);
  }

  private void onThreadMonitorStatistics(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    // the fields read in the order the agent declares them (periodStart, thread, the counts), which
    // the decoder finds fastest
    int window = statisticsWindow(e);
    ThreadStats t = pooledThread(m, e, GilscopeFields.THREAD);
    if (t == null) {
      String name = e.threadName(GilscopeFields.THREAD);
      if (name == null) {
        // JFR writes no thread for one that ended before the period was flushed: the agent sends
        // its name as a plain string too
        name = e.string(GilscopeFields.THREAD_NAME);
      }
      t = m.thread(name != null ? name : ThreadStats.ENDED_THREADS);
    }
    String threadName = t.name();
    // into the window only: the thread's totals are the sum of its windows
    Counters c = t.window(window);
    if (timeline != null) {
      timeline.threadPeriod(
          m.name(),
          threadName,
          e.epochNanos(GilscopeFields.PERIOD_START),
          endNanos(e),
          e.longValue(GilscopeFields.PASS_OVERS),
          e.longValue(GilscopeFields.ACQUISITIONS));
    }
    long[] a = amounts;
    a[Metric.REQUESTS.ordinal()] = e.longValue(GilscopeFields.REQUESTS);
    a[Metric.ACQUISITIONS.ordinal()] = e.longValue(GilscopeFields.ACQUISITIONS);
    long contended = e.longValue(GilscopeFields.CONTENDED_ACQUISITIONS);
    a[Metric.CONTENDED.ordinal()] = contended;
    a[Metric.TIMED_WAITS.ordinal()] = contended;
    a[Metric.PASS_OVERS.ordinal()] = e.longValue(GilscopeFields.PASS_OVERS);
    a[Metric.TIMED_HOLDS.ordinal()] = e.longValue(GilscopeFields.TIMED_HOLDS);
    a[Metric.HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_HOLD);
    a[Metric.MAX_HOLD_NANOS.ordinal()] = e.nanos(GilscopeFields.MAX_HOLD);
    a[Metric.WAIT_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_WAIT);
    a[Metric.MAX_WAIT_NANOS.ordinal()] = e.nanos(GilscopeFields.MAX_WAIT);
    a[Metric.WAITS.ordinal()] = e.longValue(GilscopeFields.WAITS);
    a[Metric.WAIT_IN_WAIT_NANOS.ordinal()] = e.nanos(GilscopeFields.TOTAL_WAIT_IN_WAIT);
    c.addAll(a);
    Arrays.fill(a, 0);
  }

  private void onAcquire(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    long waitNanos = e.durationNanos();
    m.waits().record(waitNanos);
    m.countAcquireEvent();
    ThreadStats t = eventThread(m, e);
    String threadName = t == null ? null : t.name();
    if (t != null) {
      t.recordWait(waitNanos);
      t.countAcquireEvent();
      t.blame(e.threadName(GilscopeFields.PREVIOUS_OWNER), waitNanos);
    }
    if (waitNanos > 0) {
      spreadWaiting(m, e.startEpochNanos(), e.endEpochNanos());
    }
    if (timeline != null && (waitNanos > 0 || e.booleanValue(GilscopeFields.CONTENDED))) {
      timeline.acquire(
          m.name(), threadName, e.startEpochNanos(), e.endEpochNanos(), lastReleaser(e) != null);
    }
  }

  /** The state on {@code m} of the thread that committed {@code e}; null when it has none. */
  private ThreadStats eventThread(MonitorStats m, EventView e) {
    ThreadStats t = pooledThread(m, e, null);
    if (t == null) {
      String name = e.eventThreadName();
      t = name == null ? null : m.thread(name);
    }
    return t;
  }

  /**
   * The state on {@code m} of the thread in {@code field} (the committing thread when null), found
   * through the chunk's entry of the thread when the decoder read {@code e} and the entry's last
   * monitor is {@code m}; null when the caller is to find it by name (another view, a thread
   * without an entry or a name).
   */
  private static ThreadStats pooledThread(MonitorStats m, EventView e, String field) {
    if (!(e instanceof DecodedEvent d)) {
      return null;
    }
    ConstantPools.ThreadEntry entry = field == null ? d.eventThreadEntry() : d.threadEntry(field);
    if (entry == null) {
      return null;
    }
    if (entry.monitor == m) {
      return m.threadAgain(entry.thread);
    }
    String name = entry.name();
    if (name == null) {
      return null;
    }
    ThreadStats t = m.thread(name);
    entry.monitor = m;
    entry.thread = t;
    return t;
  }

  /** Adds a wait from {@code start} to {@code end} to each window by the part it spent there. */
  private void spreadWaiting(MonitorStats m, long start, long end) {
    m.totals().add(Metric.WAITING_NANOS, end - start);
    for (int w = window(start), last = window(end); w <= last; w++) {
      long windowStart = originEpochNanos + w * windowNanos;
      long part = Math.min(end, windowStart + windowNanos) - Math.max(start, windowStart);
      if (part > 0) {
        m.windows().at(w).add(Metric.WAITING_NANOS, part);
      }
    }
  }

  private static String lastReleaser(EventView e) {
    String name = e.threadName(GilscopeFields.LAST_RELEASER);
    if (name == null || name.isEmpty()) {
      name = e.string(GilscopeFields.LAST_RELEASER_NAME);
    }
    return name == null || name.isEmpty() ? null : name;
  }

  private void onHold(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    long holdNanos = e.durationNanos();
    m.holds().record(holdNanos);
    ThreadStats t = eventThread(m, e);
    String threadName = t == null ? null : t.name();
    if (t != null) {
      t.recordHold(holdNanos);
    }
    if (timeline != null) {
      timeline.hold(m.name(), threadName, e.startEpochNanos(), e.endEpochNanos());
    }
  }

  private void onWait(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    recordWaitCall(
        m,
        e,
        e.booleanValue(GilscopeFields.TIMED_OUT),
        e.threadName(GilscopeFields.NOTIFIER),
        /* countCalls= */ false);
  }

  private void onNotify(EventView e) {
    count(e);
    MonitorStats m = gilscopeMonitor(e);
    if (e.booleanValue(GilscopeFields.ALL)) {
      long futile = Math.max(0, e.longValue(GilscopeFields.WAITERS) - 1);
      if (futile > 0) {
        m.totals().add(Metric.FUTILE_WAKEUPS, futile);
        m.windows().at(window(endNanos(e))).add(Metric.FUTILE_WAKEUPS, futile);
      }
    }
  }

  private void onAgentStatus(EventView e) {
    count(e);
    String detail = e.string(GilscopeFields.DETAIL);
    if (detail != null) {
      agentNotes.put("detail", detail);
    }
    long suppressed = e.longValue(GilscopeFields.SUPPRESSED_ERRORS);
    if (suppressed > 0) {
      agentNotes.merge("suppressedErrors", Long.toString(suppressed), EventAccumulator::larger);
    }
    String version = e.string(GilscopeFields.AGENT_VERSION);
    if (version != null) {
      agentNotes.put("agentVersion", version);
    }
    if (timeline != null) {
      timeline.agentDetail(detail);
    }
  }

  private static String larger(String a, String b) {
    return Long.parseLong(a) >= Long.parseLong(b) ? a : b;
  }

  private MonitorStats gilscopeMonitor(EventView e) {
    long id = e.longValue(GilscopeFields.MONITOR_ID);
    if (lastGilscopeMonitor != null && id == lastGilscopeMonitorId) {
      if (lastGilscopeMonitor.hasProvisionalName()) {
        lastGilscopeMonitor.named(e.string(GilscopeFields.MONITOR_NAME));
      }
      return lastGilscopeMonitor;
    }
    MonitorStats m = gilscopeMonitors.get(id);
    if (m != null && m.hasProvisionalName()) {
      m.named(e.string(GilscopeFields.MONITOR_NAME));
    }
    if (m == null) {
      String name = e.string(GilscopeFields.MONITOR_NAME);
      m =
          name != null
              ? new MonitorStats("gilscope:" + id, name, null, null, EventSource.GILSCOPE)
              : MonitorStats.unnamed("gilscope:" + id, "monitor#" + id, EventSource.GILSCOPE);
      // fold before adding: the new monitor has no counts yet and would be folded at once
      if (gilscopeMonitors.size() >= 2 * MONITORS_KEPT + foldedIds.size()) {
        foldSmallMonitors();
      }
      gilscopeMonitors.put(id, m);
    }
    lastGilscopeMonitorId = id;
    lastGilscopeMonitor = m;
    return m;
  }

  /**
   * Keeps the {@link #MONITORS_KEPT} monitors with the most acquisitions (contended ones first) and
   * folds the others into their class's folded monitor: exact counts per class, a bounded number of
   * monitors. A folded monitor seen again later starts over as a new one.
   */
  private void foldSmallMonitors() {
    List<Map.Entry<Long, MonitorStats>> kept = new ArrayList<>();
    for (Map.Entry<Long, MonitorStats> e : gilscopeMonitors.entrySet()) {
      if (e.getKey() >= 0) {
        kept.add(e);
      }
    }
    kept.sort(
        Comparator.comparingLong(
                (Map.Entry<Long, MonitorStats> e) -> e.getValue().totals().get(Metric.CONTENDED))
            .thenComparingLong(e -> e.getValue().totals().get(Metric.ACQUISITIONS))
            .reversed());
    for (Map.Entry<Long, MonitorStats> e : kept.subList(MONITORS_KEPT, kept.size())) {
      MonitorStats small = e.getValue();
      gilscopeMonitors.remove(e.getKey());
      foldedInto(classOf(small)).mergeFrom(small);
      foldedMonitors++;
    }
    lastGilscopeMonitor = null;
  }

  /** The monitor's class, or what its name says before {@code @} (C@1a2b: an instance of C). */
  private static String classOf(MonitorStats m) {
    if (m.className() != null) {
      return m.className();
    }
    String name = m.name();
    if (name.endsWith(FOLDED_SUFFIX)) {
      return name.substring(0, name.length() - FOLDED_SUFFIX.length());
    }
    int at = name.lastIndexOf('@');
    return at > 0 ? name.substring(0, at) : "unknown class";
  }

  private MonitorStats foldedInto(String type) {
    long id = foldedIds.computeIfAbsent(type, t -> -1L - foldedIds.size());
    return gilscopeMonitors.computeIfAbsent(
        id,
        k -> {
          MonitorStats m =
              new MonitorStats(
                  "gilscope:" + k, type + FOLDED_SUFFIX, type, null, EventSource.GILSCOPE);
          m.describe(type, GilscopeEvents.KIND_INSTANCES);
          return m;
        });
  }

  // ---- the JDK's own lock events -----------------------------------------------------------

  private void onJavaMonitorEnter(EventView e) {
    count(e);
    MonitorStats m =
        jdkMonitor(
            e.className(GilscopeFields.MONITOR_CLASS), e, EventSource.JDK_MONITOR, "monitor");
    long waitNanos = e.durationNanos();
    String threadName = e.eventThreadName();
    recordContendedWait(m, threadName, endNanos(e), waitNanos);
    if (threadName != null) {
      m.thread(threadName).blame(e.threadName(GilscopeFields.PREVIOUS_OWNER), waitNanos);
    }
  }

  private void onJavaMonitorWait(EventView e) {
    count(e);
    MonitorStats m =
        jdkMonitor(
            e.className(GilscopeFields.MONITOR_CLASS), e, EventSource.JDK_MONITOR, "monitor");
    recordWaitCall(
        m,
        e,
        e.booleanValue(GilscopeFields.TIMED_OUT),
        e.threadName(GilscopeFields.NOTIFIER),
        /* countCalls= */ true);
  }

  private void onThreadPark(EventView e) {
    count(e);
    String parkedClass = e.className("parkedClass");
    if (parkedClass == null) {
      return; // LockSupport.park without a blocker: a sleep, not a lock
    }
    MonitorStats m = jdkMonitor(parkedClass, e, EventSource.JDK_PARK, "lock");
    if (isCondition(parkedClass)) {
      recordWaitCall(m, e, false, null, /* countCalls= */ true);
    } else {
      recordContendedWait(m, e.eventThreadName(), endNanos(e), e.durationNanos());
    }
  }

  // one-entry cache: the reader resolves a class's name to the same String object every time
  private String lastParkedClass;
  private boolean lastParkedOnCondition;

  @SuppressWarnings("ReferenceEquality") // an identity hit only skips the substring search
  private boolean isCondition(String parkedClass) {
    if (parkedClass != lastParkedClass) {
      lastParkedClass = parkedClass;
      lastParkedOnCondition = parkedClass.contains("ConditionObject");
    }
    return lastParkedOnCondition;
  }

  private MonitorStats jdkMonitor(String className, EventView e, EventSource source, String kind) {
    return jdkMonitors.get(className, e.longValue("address"), source, kind);
  }

  private void recordContendedWait(
      MonitorStats m, String threadName, long endNanos, long waitNanos) {
    m.waits().record(waitNanos);
    Counters window = m.windows().at(window(endNanos));
    addContendedWait(m.totals(), waitNanos);
    addContendedWait(window, waitNanos);
    if (threadName != null) {
      ThreadStats t = m.thread(threadName);
      t.recordWait(waitNanos);
      addContendedWait(t.window(window(endNanos)), waitNanos); // its totals sum its windows
    }
    if (timeline != null) {
      timeline.jdkEvents(); // only the JDK's events come this way
      timeline.acquire(m.name(), threadName, endNanos - waitNanos, endNanos, false);
    }
  }

  private static void addContendedWait(Counters c, long waitNanos) {
    c.increment(Metric.CONTENDED);
    c.increment(Metric.TIMED_WAITS);
    c.add(Metric.WAIT_NANOS, waitNanos);
    c.max(Metric.MAX_WAIT_NANOS, waitNanos);
  }

  // ---- wait() calls and wait episodes (shared by gilscope and JDK sources) -----------------

  /**
   * Records one {@code wait()} call. gilscope's statistics already count calls per monitor and
   * thread ({@code countCalls=false}); the JDK's events are the only count for their source.
   */
  private void recordWaitCall(
      MonitorStats m, EventView e, boolean timedOut, String notifier, boolean countCalls) {
    long startNanos = e.startEpochNanos();
    long waitNanos = e.durationNanos();
    long endNanos = startNanos + waitNanos;
    int w = window(endNanos);
    m.waitsInWait().record(waitNanos);
    m.totals().add(Metric.WAIT_IN_WAIT_NANOS, waitNanos);
    m.windows().at(w).add(Metric.WAIT_IN_WAIT_NANOS, waitNanos);
    if (countCalls) {
      addWaitCall(m.totals(), timedOut, countCalls);
      addWaitCall(m.windows().at(w), timedOut, countCalls);
    }
    String threadName = e.eventThreadName();
    if (threadName == null) {
      return;
    }
    if (timeline != null) {
      timeline.waitCall(m.name(), threadName, startNanos, endNanos);
    }
    ThreadStats t = m.thread(threadName);
    t.waitsInWait().record(waitNanos);
    Counters window = t.window(w); // its totals sum its windows
    if (countCalls) {
      window.add(Metric.WAIT_IN_WAIT_NANOS, waitNanos);
    }
    addWaitCall(window, timedOut, countCalls);
    episodes.add(m, t, startNanos, endNanos, timedOut, notifier);
  }

  private static void addWaitCall(Counters c, boolean timedOut, boolean countCalls) {
    if (countCalls) {
      c.increment(Metric.WAITS);
    }
    if (timedOut) {
      c.increment(Metric.TIMED_OUT_WAITS);
    }
  }

  // ---- environment -------------------------------------------------------------------------

  private void onCpuInformation(EventView e) {
    count(e);
    long hwThreads = e.longValue("hwThreads");
    if (hwThreads > 0) {
      cpuCores = (int) hwThreads;
    }
  }

  private void onJvmInformation(EventView e) {
    count(e);
    String name = e.string("jvmName");
    String version = e.string("jvmVersion");
    if (version != null && name != null && version.startsWith(name)) {
      jvm = version; // JDK 17+ repeats the VM name in the version string
    } else {
      jvm = (name != null ? name : "") + (version != null ? " " + version : "");
    }
    int built = jvm.indexOf(", built on");
    if (built > 0) {
      jvm = jvm.substring(0, built);
    }
  }

  private void onThreadCpuLoad(EventView e) {
    count(e);
    String threadName = e.eventThreadName();
    if (threadName == null) {
      return;
    }
    double load = e.floatValue("user") + e.floatValue("system");
    if (laterCpuLoads != null) {
      laterCpuLoads.computeIfAbsent(threadName, n -> new CpuLoads()).add(load);
    } else {
      threadCpu.computeIfAbsent(threadName, n -> new ThreadCpu()).add(load);
    }
  }

  /** One thread's CPU loads in the order read. */
  private static final class CpuLoads {
    private double[] loads = new double[4];
    private int size;

    void add(double load) {
      if (size == loads.length) {
        loads = Arrays.copyOf(loads, size * 2);
      }
      loads[size++] = load;
    }

    void addTo(ThreadCpu cpu) {
      for (int i = 0; i < size; i++) {
        cpu.add(loads[i]);
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  @SuppressWarnings("ReferenceEquality") // EventView.typeName is one String object per type
  private void count(EventView e) {
    // no map lookup per event: a type's name is one String object, found by identity in a few
    // slots (types interleave event by event, so a one-entry cache would miss on most events)
    String type = e.typeName();
    String[] types = countedTypes;
    for (int i = 0; i < countedTypeCount; i++) {
      if (types[i] == type) {
        typeCounts[i]++;
        return;
      }
    }
    if (countedTypeCount == types.length) {
      flushCount();
    }
    countedTypes[countedTypeCount] = type;
    typeCounts[countedTypeCount++] = 1;
  }

  private void flushCount() {
    for (int i = 0; i < countedTypeCount; i++) {
      eventCounts.merge(countedTypes[i], typeCounts[i], Long::sum);
      countedTypes[i] = null;
    }
    countedTypeCount = 0;
  }

  private static long endNanos(EventView e) {
    return e.endEpochNanos();
  }

  private int statisticsWindow(EventView e) {
    long end = endNanos(e);
    long periodStart = e.epochNanos(GilscopeFields.PERIOD_START);
    long mid = periodStart > 0 && periodStart <= end ? periodStart + (end - periodStart) / 2 : end;
    return window(mid);
  }

  // the window window() found last and the times since the origin it covers ([from, to)): events
  // come in time order, mostly in the window of the one before, and C1 calls into the runtime for
  // each long division (one to three per event)
  private int lastWindow = -1;
  private long lastWindowFrom;
  private long lastWindowTo;

  int window(long epochNanos) {
    long sinceOrigin = epochNanos - originEpochNanos;
    if (sinceOrigin >= lastWindowFrom && sinceOrigin < lastWindowTo) {
      return lastWindow;
    }
    long index = Math.max(0, sinceOrigin / windowNanos);
    int window = (int) index;
    if (window == index && sinceOrigin < Long.MAX_VALUE - 2 * windowNanos) {
      // window 0 also takes every time before the origin; the division rounds those to 0 or less
      lastWindow = window;
      lastWindowFrom = window == 0 ? Long.MIN_VALUE : index * windowNanos;
      lastWindowTo = (index + 1) * windowNanos;
    }
    return window;
  }

  /**
   * A chunk has ended: its {@code wait()} calls join their episodes in time order (see {@link
   * WaitEpisodes}), and no longer take memory.
   */
  void chunkEnded() {
    episodes.settle();
  }

  /** Closes open wait episodes; call once when the stream has ended. */
  void finish() {
    finishPart();
    episodes.closeAll();
  }

  /**
   * Ends a part of the recording that another accumulator will {@link #mergeFrom} (or that {@link
   * #finish} ends), leaving its wait episodes open for the next part to continue.
   */
  void finishPart() {
    episodes.settle();
    if (foldedMonitors > 0) {
      agentNotes.put("foldedMonitors", Long.toString(foldedMonitors));
    }
    flushCount();
  }

  /**
   * Adds {@code other}, the part of the recording that follows this one's (parts merge in file
   * order, into the first; {@code other} made with {@code continuesPrevious}), as if this
   * accumulator had read its events too.
   */
  void mergeFrom(EventAccumulator other) {
    if (other.laterCpuLoads == null) {
      throw new IllegalArgumentException("only a part made to continue another merges into it");
    }
    foldedMonitors += other.foldedMonitors;
    // before the monitors merge: episodes close into either part's objects, which merge after
    List<WaitEpisodes.Episode> stillOpen = episodes.join(other.episodes);
    Map<MonitorStats, MonitorStats> mergedInto = new IdentityHashMap<>();
    other.gilscopeMonitors.forEach(
        (id, m) -> {
          if (id < 0) {
            MonitorStats folded = foldedInto(classOf(m));
            folded.mergeFrom(m);
            mergedInto.put(m, folded);
            return;
          }
          MonitorStats mine = gilscopeMonitors.get(id);
          if (mine == null) {
            gilscopeMonitors.put(id, m);
          } else {
            mine.mergeFrom(m);
            mergedInto.put(m, mine);
          }
        });
    jdkMonitors.mergeFrom(other.jdkMonitors);
    episodes.adopt(
        stillOpen,
        m -> {
          MonitorStats into = mergedInto.get(m);
          if (into == null && m.source() != EventSource.GILSCOPE) {
            into = jdkMonitors.byKey().get(m.key());
          }
          return into != null ? into : m;
        });
    // a later part keeps all its CPU loads in order (laterCpuLoads), none in threadCpu
    other.laterCpuLoads.forEach(
        (n, loads) -> loads.addTo(threadCpu.computeIfAbsent(n, k -> new ThreadCpu())));
    other.eventCounts.forEach((k, v) -> eventCounts.merge(k, v, Long::sum));
    String suppressed = agentNotes.get("suppressedErrors");
    agentNotes.putAll(other.agentNotes);
    if (suppressed != null) {
      // the most any status event said, as one reader keeps it
      agentNotes.merge("suppressedErrors", suppressed, EventAccumulator::larger);
    }
    // the last event's, as one reader keeps them
    if (other.jvm != null) {
      jvm = other.jvm;
    }
    if (other.cpuCores != null) {
      cpuCores = other.cpuCores;
    }
    if (gilscopeMonitors.size() > 2 * MONITORS_KEPT + foldedIds.size()) {
      foldSmallMonitors();
    }
    if (foldedMonitors > 0) {
      agentNotes.put("foldedMonitors", Long.toString(foldedMonitors));
    }
    if (timeline != null && other.timeline != null) {
      timeline.mergeFrom(other.timeline);
    }
  }

  /** Also collects the intervals the HTML timeline draws (bounded memory, some cost per event). */
  void collectTimeline() {
    timeline = new TimelineCollector(originEpochNanos);
  }

  /** The timeline collected, or null when {@link #collectTimeline} was not called. */
  TimelineCollector timeline() {
    return timeline;
  }

  Map<Long, MonitorStats> gilscopeMonitors() {
    return gilscopeMonitors;
  }

  Map<String, MonitorStats> jdkMonitors() {
    return jdkMonitors.byKey();
  }

  Map<String, ThreadCpu> threadCpu() {
    return threadCpu;
  }

  Map<String, Long> eventCounts() {
    return eventCounts;
  }

  Map<String, String> agentNotes() {
    return agentNotes;
  }

  String jvm() {
    return jvm;
  }

  Integer cpuCores() {
    return cpuCores;
  }
}
