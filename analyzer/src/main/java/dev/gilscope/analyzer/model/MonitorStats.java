package dev.gilscope.analyzer.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything known about one monitor (or lock): exact counters from gilscope's statistics events
 * (totals and per window), distributions from the per-operation events, and one {@link ThreadStats}
 * per thread that used it. Built by one reader thread per chunk, then merged. Memory: a few
 * histograms per thread plus one small counter set per window.
 */
public final class MonitorStats {
  private final String key;
  private String name;
  // named after its id until an event carries its name (a live stream can start without it)
  private boolean provisionalName;
  private String className;
  private String kind;
  private final EventSource source;
  private final Counters totals = new Counters();
  private final WindowedCounters windows = new WindowedCounters();
  private final ThreadTable threads = new ThreadTable();
  private final DurationStats waits = new DurationStats();
  private final DurationStats holds = new DurationStats();
  private final DurationStats waitsInWait = new DurationStats();
  private final DurationStats episodes = new DurationStats();
  private long acquireEvents;
  private long statisticsEvents;

  public MonitorStats(String key, String name, String className, String kind, EventSource source) {
    this.key = key;
    this.name = name;
    this.className = className;
    this.kind = kind;
    this.source = source;
  }

  public String key() {
    return key;
  }

  public String name() {
    return name;
  }

  /** A monitor first seen without its name: {@code placeholder} until {@link #named} gives it. */
  public static MonitorStats unnamed(String key, String placeholder, EventSource source) {
    MonitorStats m = new MonitorStats(key, placeholder, null, null, source);
    m.provisionalName = true;
    return m;
  }

  /** Takes {@code name} if this monitor was first seen without one; cheap when it was not. */
  public void named(String name) {
    if (provisionalName && name != null) {
      this.name = name;
      provisionalName = false;
    }
  }

  public boolean hasProvisionalName() {
    return provisionalName;
  }

  public String className() {
    return className;
  }

  /** {@code monitor} or {@code lock}; {@code monitor} until an event said which. */
  public String kind() {
    return kind != null ? kind : "monitor";
  }

  /** Whether an event has said the monitor's kind (and class, where it has one). */
  public boolean described() {
    return kind != null;
  }

  /**
   * Fills in the class and kind from an event that carries them, when the first event seen did not
   * (gilscope's per-acquisition events leave them to the statistics events).
   */
  public void describe(String className, String kind) {
    if (this.className == null && className != null) {
      this.className = className;
    }
    if (this.kind == null && kind != null) {
      this.kind = kind;
    }
  }

  public EventSource source() {
    return source;
  }

  public Counters totals() {
    return totals;
  }

  public WindowedCounters windows() {
    return windows;
  }

  public DurationStats waits() {
    return waits;
  }

  public DurationStats holds() {
    return holds;
  }

  public DurationStats waitsInWait() {
    return waitsInWait;
  }

  public DurationStats episodes() {
    return episodes;
  }

  // one-entry cache: a reader resolves a thread's name to the same String object every time
  private String lastThreadName;
  private ThreadStats lastThread;

  // threads() sorted once: detectors and reports ask for it per thread, and sorting 100,000
  // threads per call made them quadratic. Dropped by every method that hands out a thread to
  // change (thread(), mergeFrom, recordUneventfulAcquisitionsAsZeroWaits). The reader's open wait
  // episodes keep a ThreadStats and close into it later, but add no sort key (acquisitions, waits
  // at entry, time in wait()), and they are all closed before the analysis asks for threads().
  private List<ThreadStats> sortedThreads;
  // the keys sortedThreads was sorted by, in arrival order: valid while sortedThreads is
  private ThreadOrder sortKeys;
  // each thread's index in sortedThreads, by its index in arrival order: valid while it is
  private int[] ranksByArrival;
  // and the inverse: each thread's index in arrival order, by its index in sortedThreads
  private int[] arrivalByRank;
  // every thread's figures per window, in arrival order: made with sortedThreads
  private ThreadColumns columns;

  // what the detectors derive from all threads' acquisitions and requests (derived()), dropped
  // with sortedThreads
  private Map<String, Object> derived;

  /**
   * A figure derived from all threads' acquisitions and requests per window ({@code compute} of
   * this monitor), made once and kept until a thread's counts may change, as {@link #threads()} is:
   * several detectors ask for the same per-window counts, each a walk over every thread's windows.
   * Made under the monitor's lock, as {@link #threads()} is: the detectors may ask at once.
   */
  @SuppressWarnings("unchecked")
  public synchronized <T> T derived(String key, Function<MonitorStats, T> compute) {
    if (derived == null) {
      derived = new HashMap<>();
    }
    Object value = derived.get(key);
    if (value == null) {
      value = compute.apply(this);
      derived.put(key, value);
    }
    return (T) value;
  }

  @SuppressWarnings("ReferenceEquality") // an identity hit only skips the map lookup
  public ThreadStats thread(String threadName) {
    sortedThreads = null;
    derived = null;
    if (threadName == lastThreadName && lastThread != null) {
      return lastThread;
    }
    ThreadStats t = threads.getOrAdd(threadName);
    lastThreadName = threadName;
    lastThread = t;
    return t;
  }

  /**
   * {@code t}, one of this monitor's threads that the reader found without its name (see {@code
   * ConstantPools.ThreadEntry}), about to change: as {@link #thread(String)} would return it.
   */
  public ThreadStats threadAgain(ThreadStats t) {
    sortedThreads = null;
    derived = null;
    return t;
  }

  /** The named thread's statistics, or null when it never used this monitor. */
  public ThreadStats threadOrNull(String threadName) {
    return threads.get(threadName);
  }

  /** The number of threads that used this monitor ({@code (ended threads)} included). */
  public int threadCount() {
    return threads.size();
  }

  /**
   * Threads, most acquisitions first (most waiting first when acquisitions are unknown); sorted
   * once and kept until a thread's counts may change. Unmodifiable.
   */
  public synchronized List<ThreadStats> threads() {
    if (sortedThreads == null) {
      sortThreads();
    }
    return sortedThreads;
  }

  /**
   * The threads in the order they first used this monitor, for passes whose result does not depend
   * on the order (sums and counts of integers). That is the order in which their objects were made,
   * and so, mostly, their order in memory: a pass over 100,000 threads' windows took a third of the
   * time it takes in {@link #threads()}' order, where nearly every thread is a cache miss.
   * Unmodifiable.
   */
  public Collection<ThreadStats> threadsInArrivalOrder() {
    return threads.inArrivalOrder();
  }

  /** A visitor of each thread's totals, as two primitives. */
  @FunctionalInterface
  public interface ThreadTotalsVisitor {
    void visit(long acquisitions, long waitNanos);
  }

  /**
   * Visits every thread's acquisitions and wait at entry (its totals), in arrival order: the keys
   * {@link #threads()} was sorted by, read from two arrays rather than from each thread's counters
   * (with 100,000 threads, a summary of the ones a report does not list took 35 ms that way).
   */
  public synchronized void forEachThreadTotals(ThreadTotalsVisitor visitor) {
    threads(); // sorted, and so its keys read, if not yet
    sortKeys.forEach(visitor);
  }

  /**
   * Each thread's index in {@link #threads()}, by its index in {@link #threadsInArrivalOrder()}:
   * for a pass that walks the threads in memory order but answers in {@code threads()} order. The
   * monitor's own array, shared: not to be written.
   */
  public synchronized int[] ranksInArrivalOrder() {
    threads(); // sorted, and so ranked, if not yet
    return ranksByArrival;
  }

  /**
   * Each thread's index in {@link #threadsInArrivalOrder()} (its number in {@link #columns()}), by
   * its index in {@link #threads()}. The monitor's own array, shared: not to be written.
   */
  public synchronized int[] arrivalIndicesInThreadsOrder() {
    threads();
    return arrivalByRank;
  }

  /**
   * Every thread's figures per window in primitive columns, threads in arrival order: for passes
   * over all of them. Made with {@link #threads()}' order, and kept as long as it is.
   */
  public synchronized ThreadColumns columns() {
    threads();
    return columns;
  }

  private void sortThreads() {
    // the keys read once per thread (not twice per comparison: with 100,000 threads, 1.7 million),
    // from the columns, and the threads' indices sorted by them: a comparison reads three longs
    // side by side (ThreadOrder), where objects of a key each were 5 MB to jump around in
    int n = threads.size();
    ThreadStats[] byArrival = threads.toArray();
    String[] names = threads.names();
    ThreadColumns c = ThreadColumns.of(byArrival, names);
    int acquisitions = ThreadColumns.column(Metric.ACQUISITIONS);
    int wait = ThreadColumns.column(Metric.WAIT_NANOS);
    int waitInWait = ThreadColumns.column(Metric.WAIT_IN_WAIT_NANOS);
    ThreadOrder order = new ThreadOrder(n);
    for (int i = 0; i < n; i++) {
      order.set(i, names[i], c.total(i, acquisitions), c.total(i, wait), c.total(i, waitInWait));
    }
    int[] byRank = order.sorted();
    List<ThreadStats> list = new ArrayList<>(n);
    int[] ranks = new int[n];
    for (int index : byRank) {
      ranks[index] = list.size();
      list.add(byArrival[index]);
    }
    columns = c;
    sortKeys = order;
    arrivalByRank = byRank;
    ranksByArrival = ranks;
    sortedThreads = Collections.unmodifiableList(list);
  }

  public long acquireEvents() {
    return acquireEvents;
  }

  public void countAcquireEvent() {
    acquireEvents++;
  }

  /** Whether exact counts (acquisitions, holds, handoffs) are known for this monitor. */
  public boolean hasExactCounts() {
    return statisticsEvents > 0;
  }

  public void countStatisticsEvent() {
    statisticsEvents++;
  }

  public void mergeFrom(MonitorStats other) {
    sortedThreads = null;
    derived = null;
    if (!other.provisionalName) {
      named(other.name);
    }
    describe(other.className, other.kind);
    totals.mergeFrom(other.totals);
    windows.mergeFrom(other.windows);
    waits.mergeFrom(other.waits);
    holds.mergeFrom(other.holds);
    waitsInWait.mergeFrom(other.waitsInWait);
    episodes.mergeFrom(other.episodes);
    mergeThreads(other.threads.toArray());
    acquireEvents += other.acquireEvents;
    statisticsEvents += other.statisticsEvents;
  }

  /**
   * Completes the wait distributions once all chunks are merged: acquisitions without an acquire
   * event did not wait (gilscope records every contended acquisition), so they count as zero waits.
   */
  public void recordUneventfulAcquisitionsAsZeroWaits() {
    if (!hasExactCounts()) {
      return;
    }
    sortedThreads = null;
    derived = null;
    waits.recordZeros(totals.get(Metric.ACQUISITIONS) - acquireEvents);
    // each thread's own counts into its own distribution: on all cores for many threads
    ThreadStats[] all = threads.toArray();
    Slices.forEach(
        all.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            ThreadStats t = all[i];
            t.recordZeroWaits(t.total(Metric.ACQUISITIONS) - t.acquireEvents());
          }
        });
  }

  /**
   * Merges {@code incoming} (another part's threads, in its arrival order) into this monitor's, as
   * {@code thread(t.name()).mergeFrom(t)} for each in turn would: the threads found by name on all
   * cores (reads only), the ones this monitor lacks added in turn, then each pair merged on all
   * cores (a thread's merge touches that thread only). With 100,000 threads the merge of the second
   * part was 40 ms on one core after the first part's read, a cache miss or more a thread.
   */
  private void mergeThreads(ThreadStats[] incoming) {
    int n = incoming.length;
    ThreadStats[] into = new ThreadStats[n];
    Slices.forEach(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            into[i] = threads.get(incoming[i].name());
          }
        });
    for (int i = 0; i < n; i++) {
      if (into[i] == null) {
        into[i] = threads.getOrAdd(incoming[i].name());
      }
    }
    Slices.forEach(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            into[i].mergeFrom(incoming[i]);
          }
        });
  }
}
