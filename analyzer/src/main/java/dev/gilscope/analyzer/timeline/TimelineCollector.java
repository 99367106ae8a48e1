package dev.gilscope.analyzer.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the HTML timeline draws, in memory bounded whatever the recording's length: per
 * thread, time holding, acquiring and in {@code wait()} per bucket ({@link #BUCKETS} buckets over
 * the recording; a bucket's width doubles whenever an event falls beyond the last one), and the
 * intervals themselves, per each of {@link #STRATA} equal slices of the recording ({@link
 * StratumSample}): every one until {@link #MAX_ENTRIES} are held (a few tens of MB), then in each
 * slice its longest and a uniform sample, as many as a common limit lets all slices keep within
 * half of {@link #MAX_ENTRIES}. The sample's key is a hash of the interval, so what is kept does
 * not depend on the order events arrive in (reports are reproducible), and the parallel readers'
 * partial collectors {@link #mergeFrom merge} into the same sample below the limit, an equally
 * bounded one above it. A {@link #snapshot} holds at most {@link #MAX_INTERVALS}, shared out so
 * that quiet slices keep all theirs. Not thread-safe: one per reading thread, merged after.
 */
public final class TimelineCollector {
  /** Buckets over the recording: the resolution of the aggregated lanes. */
  public static final int BUCKETS = 1024;

  /** Slices of the recording that keep intervals apart: finer than buckets, same doubling. */
  public static final int STRATA = 8 * BUCKETS;

  /** Entries held in the slices' rankings while collecting, at most (an interval in both: 2). */
  public static final int MAX_ENTRIES = 1 << 19;

  /** The most intervals a snapshot (so a report) holds: {@value}. */
  public static final int MAX_INTERVALS = 65_536;

  /** Threads with their own lane while collecting; later ones share {@link #OTHER_THREADS}. */
  static final int MAX_LANES = 256;

  static final String OTHER_THREADS = "(other threads)";

  private static final long FIRST_WIDTH_NANOS = 1_024;

  private final long originEpochNanos;
  private long widthNanos = FIRST_WIDTH_NANOS;
  private long endNanos;
  private final Map<String, Lane> lanes = new HashMap<>();
  private Lane otherLane;
  private final Set<String> otherThreads = new HashSet<>();

  private final StratumSample[] kept = new StratumSample[STRATA];
  private int limit = Integer.MAX_VALUE; // per slice and ranking, once MAX_ENTRIES was reached
  private long entries;

  private final long[] seen = new long[BUCKETS];
  private final long[] eventCounts = new long[IntervalKind.values().length];
  private final HoldEstimates holdEstimates = new HoldEstimates();
  private boolean jdkEvents;
  private String agentDetail;
  // the last lane looked up: a thread's events come in runs
  private String lastThread;
  private Lane lastLane;

  private final int maxEntries;
  private final int maxIntervals;

  public TimelineCollector(long originEpochNanos) {
    this(originEpochNanos, MAX_ENTRIES, MAX_INTERVALS);
  }

  /** For tests: smaller bounds reach the limits with fewer events. */
  TimelineCollector(long originEpochNanos, int maxEntries, int maxIntervals) {
    this.originEpochNanos = originEpochNanos;
    this.maxEntries = maxEntries;
    this.maxIntervals = maxIntervals;
  }

  /** A hold, from acquisition to release. */
  public void hold(String monitor, String thread, long startEpochNanos, long endEpochNanos) {
    add(IntervalKind.HOLD, monitor, thread, startEpochNanos, endEpochNanos);
  }

  /**
   * A contended request, from request to acquisition; {@code handoff} when the monitor came from
   * another thread's release.
   */
  public void acquire(
      String monitor, String thread, long startEpochNanos, long endEpochNanos, boolean handoff) {
    IntervalKind kind = handoff ? IntervalKind.HANDOFF : IntervalKind.ACQUIRE;
    add(kind, monitor, thread, startEpochNanos, endEpochNanos);
    if (handoff && thread != null) {
      long end = offset(endEpochNanos);
      cover(end);
      lane(thread).handoffs[bucket(end)]++;
    }
  }

  /** A {@code wait()} or {@code await()} call. */
  public void waitCall(String monitor, String thread, long startEpochNanos, long endEpochNanos) {
    add(IntervalKind.WAIT, monitor, thread, startEpochNanos, endEpochNanos);
  }

  /**
   * A monitor's statistics for one period (offsets of {@code periodStart} and the event's end):
   * what estimates its hold time when the hold events are a sample.
   */
  public void monitorPeriod(
      String monitor,
      long periodStartEpochNanos,
      long endEpochNanos,
      long acquisitions,
      long contended,
      long timedHolds,
      long holdNanos,
      long sampledHolds,
      long sampledHoldNanos) {
    if (periodStartEpochNanos <= 0) {
      return; // no period to place it in
    }
    long end = offset(endEpochNanos);
    cover(end);
    holdEstimates.monitor(
        monitor,
        Math.min(end, offset(periodStartEpochNanos)),
        end,
        acquisitions,
        contended,
        timedHolds,
        holdNanos,
        sampledHolds,
        sampledHoldNanos);
  }

  /**
   * One thread's statistics for one period on one monitor: its pass-overs, placed at the period's
   * middle, and its acquisitions, which share out the monitor's estimated hold time.
   */
  public void threadPeriod(
      String monitor,
      String thread,
      long periodStartEpochNanos,
      long endEpochNanos,
      long passOvers,
      long acquisitions) {
    if (thread == null) {
      return;
    }
    long end = offset(endEpochNanos);
    long start = periodStartEpochNanos > 0 ? Math.min(end, offset(periodStartEpochNanos)) : end;
    cover(end);
    if (passOvers > 0) {
      lane(thread).passOvers[bucket(start + (end - start) / 2)] += passOvers;
    }
    if (periodStartEpochNanos > 0) {
      holdEstimates.thread(monitor, thread, start, end, acquisitions);
    }
  }

  /** The JDK's own lock events fed the collector: waits above the JDK's threshold only. */
  public void jdkEvents() {
    jdkEvents = true;
  }

  /** The agent's {@code detail} setting, from its status event. */
  public void agentDetail(String detail) {
    if (detail != null && !detail.isEmpty()) {
      agentDetail = detail;
    }
  }

  private void add(
      IntervalKind kind, String monitor, String thread, long startEpochNanos, long endEpochNanos) {
    if (thread == null) {
      return;
    }
    eventCounts[kind.ordinal()]++;
    long start = offset(startEpochNanos);
    long end = Math.max(start, offset(endEpochNanos));
    cover(end);
    lane(thread).add(kind, start, end, widthNanos);
    double priority = uniformKey(kind, thread, start, end);
    seen[bucket(start)]++;
    keep(stratum(start), new Interval(thread, monitor, kind, start, end, priority));
  }

  private void keep(int stratum, Interval interval) {
    StratumSample sample = kept[stratum];
    if (sample == null) {
      sample = kept[stratum] = new StratumSample();
    }
    int before = sample.entries();
    sample.add(interval, limit);
    entries += sample.entries() - before;
    if (entries > maxEntries) {
      lowerLimit();
    }
  }

  /**
   * Sets the highest common limit at which all slices hold at most half of {@link #MAX_ENTRIES}
   * (half, so the next trim is far off), and trims every slice to it.
   */
  private void lowerLimit() {
    int lo = 1;
    int hi = 0;
    for (StratumSample sample : kept) {
      hi = Math.max(hi, sample == null ? 0 : sample.ranked());
    }
    while (lo < hi) {
      int level = (lo + hi + 1) / 2;
      long total = 0;
      for (StratumSample sample : kept) {
        total += sample == null ? 0 : 2L * Math.min(level, sample.ranked());
      }
      if (total <= maxEntries / 2) {
        lo = level;
      } else {
        hi = level - 1;
      }
    }
    limit = Math.min(limit, lo);
    trimAll();
  }

  private void trimAll() {
    entries = 0;
    for (StratumSample sample : kept) {
      if (sample != null) {
        sample.trim(limit);
        entries += sample.entries();
      }
    }
  }

  /**
   * The uniform sample's key, in (0, 1]: a hash of the interval, the same whichever reader sees it.
   */
  private static double uniformKey(IntervalKind kind, String thread, long start, long end) {
    long h = mix(mix(mix(start) ^ end) ^ thread.hashCode() ^ ((long) kind.ordinal() << 40));
    return ((h >>> 11) + 1) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private long offset(long epochNanos) {
    return Math.max(0, epochNanos - originEpochNanos);
  }

  private int bucket(long offset) {
    return (int) Math.min(BUCKETS - 1, offset / widthNanos);
  }

  private int stratum(long offset) {
    return (int) Math.min(STRATA - 1, offset / (widthNanos / (STRATA / BUCKETS)));
  }

  /** Widens the buckets until {@code offset} falls inside the last one. */
  private void cover(long offset) {
    endNanos = Math.max(endNanos, offset);
    while (offset >= widthNanos * BUCKETS) {
      coarsen();
    }
  }

  private void coarsen() {
    widthNanos *= 2;
    for (Lane lane : lanes.values()) {
      lane.coarsen();
    }
    if (otherLane != null) {
      otherLane.coarsen();
    }
    pairSums(seen);
    for (int i = 0; i < STRATA; i++) {
      StratumSample merged = null;
      if (2 * i < STRATA) {
        merged = union(kept[2 * i], kept[2 * i + 1], limit);
      }
      kept[i] = merged;
    }
    trimAll();
  }

  /** In place: a[i] = a[2i] + a[2i+1] for the first half, zeros after. */
  static void pairSums(long[] a) {
    int half = a.length / 2;
    for (int i = 0; i < half; i++) {
      a[i] = a[2 * i] + a[2 * i + 1];
    }
    java.util.Arrays.fill(a, half, a.length, 0);
  }

  /** Both slices' samples in one (either may be null). */
  private static StratumSample union(StratumSample a, StratumSample b, int limit) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    a.addAll(b, limit);
    return a;
  }

  private Lane lane(String thread) {
    if (thread.equals(lastThread)) {
      return lastLane;
    }
    Lane lane = lanes.get(thread);
    if (lane == null) {
      if (lanes.size() < MAX_LANES) {
        lane = new Lane(thread);
        lanes.put(thread, lane);
      } else {
        otherThreads.add(thread);
        lane = otherLane();
      }
    }
    lastThread = thread;
    lastLane = lane;
    return lane;
  }

  private Lane otherLane() {
    if (otherLane == null) {
      otherLane = new Lane(OTHER_THREADS);
    }
    return otherLane;
  }

  /** Adds another reader's collector (same origin) to this one; {@code other} is spent after. */
  public void mergeFrom(TimelineCollector other) {
    while (widthNanos < other.widthNanos) {
      coarsen();
    }
    while (other.widthNanos < widthNanos) {
      other.coarsen();
    }
    endNanos = Math.max(endNanos, other.endNanos);
    for (int k = 0; k < eventCounts.length; k++) {
      eventCounts[k] += other.eventCounts[k];
    }
    jdkEvents |= other.jdkEvents;
    holdEstimates.mergeFrom(other.holdEstimates);
    if (agentDetail == null) {
      agentDetail = other.agentDetail;
    }
    for (Lane theirs : other.lanes.values()) {
      Lane mine = lanes.get(theirs.name);
      if (mine != null) {
        mine.addAll(theirs);
      } else if (lanes.size() < MAX_LANES && !otherThreads.contains(theirs.name)) {
        lanes.put(theirs.name, theirs);
      } else {
        otherThreads.add(theirs.name);
        otherLane().addAll(theirs);
      }
    }
    if (other.otherLane != null) {
      otherLane().addAll(other.otherLane);
      otherThreads.addAll(other.otherThreads);
    }
    for (int b = 0; b < BUCKETS; b++) {
      seen[b] += other.seen[b];
    }
    limit = Math.min(limit, other.limit);
    for (int i = 0; i < STRATA; i++) {
      kept[i] = union(kept[i], other.kept[i], limit);
    }
    trimAll();
    if (entries > maxEntries) {
      lowerLimit();
    }
    lastThread = null;
    lastLane = null;
  }

  /**
   * What the report draws: the {@code shownLanes} threads that took part most, the others folded
   * into one lane, over {@code durationNanos} (the recording's length). Call once: it spends the
   * hold estimates into the lanes.
   */
  public Timeline snapshot(long durationNanos, int shownLanes) {
    long span = Math.max(1, Math.max(durationNanos, endNanos));
    while (span > widthNanos * BUCKETS) {
      coarsen();
    }
    int buckets = (int) Math.max(1, Math.min(BUCKETS, (span + widthNanos - 1) / widthNanos));
    holdEstimates.drainTo(
        (thread, start, end, held) ->
            lane(thread).spread(lane(thread).estimatedHoldNanos, start, end, held, widthNanos));
    List<Lane> ranked = new ArrayList<>(lanes.values());
    // the threads that held or wanted the lock most first, then those only in wait()
    Map<Lane, long[]> involvement = new HashMap<>();
    ranked.forEach(l -> involvement.put(l, new long[] {l.contentionNanos(), l.waitCallNanos()}));
    ranked.sort(
        Comparator.comparingLong((Lane l) -> involvement.get(l)[0])
            .thenComparingLong(l -> involvement.get(l)[1])
            .reversed()
            .thenComparing(l -> l.name));
    List<Timeline.LaneData> shown = new ArrayList<>();
    Map<String, Integer> laneOf = new HashMap<>();
    Lane folded = null;
    int foldedThreads = otherThreads.size();
    if (otherLane != null) {
      folded = new Lane(OTHER_THREADS);
      folded.addAll(otherLane);
    }
    for (Lane l : ranked) {
      if (shown.size() < shownLanes) {
        laneOf.put(l.name, shown.size());
        shown.add(laneData(l, l.name, 1, buckets));
      } else {
        if (folded == null) {
          folded = new Lane(OTHER_THREADS);
        }
        folded.addAll(l);
        foldedThreads++;
      }
    }
    if (folded != null) {
      shown.add(laneData(folded, foldedThreads + " other threads", foldedThreads, buckets));
    }
    int foldedLane = folded != null ? shown.size() - 1 : -1;
    List<Timeline.Shown> intervals = budgeted(laneOf, foldedLane);
    long[] seenShown = java.util.Arrays.copyOf(seen, buckets);
    long[] counts = eventCounts.clone();
    return new Timeline(
        widthNanos, buckets, span, shown, intervals, seenShown, counts, jdkEvents, agentDetail);
  }

  /**
   * The kept intervals within {@link #MAX_INTERVALS}: every stratum keeps its best intervals (see
   * {@link StratumSample#best}) up to one level, the highest level whose total fits the budget
   * (water-filling), so a stratum with few intervals keeps all of them.
   */
  private List<Timeline.Shown> budgeted(Map<String, Integer> laneOf, int foldedLane) {
    int[] sizes = new int[STRATA];
    for (int i = 0; i < STRATA; i++) {
      sizes[i] = kept[i] == null ? -1 : kept[i].size();
    }
    int lo = 0;
    int hi = java.util.Arrays.stream(sizes).max().orElse(0);
    while (lo < hi) {
      int level = (lo + hi + 1) / 2;
      long total = 0;
      for (int i = 0; i < STRATA; i++) {
        total += sizes[i] < 0 ? 0 : Math.min(level, sizes[i]);
      }
      if (total <= maxIntervals) {
        lo = level;
      } else {
        hi = level - 1;
      }
    }
    // what the level leaves of the budget: one more each for slices that have more, spread evenly
    long left = maxIntervals;
    int more = 0;
    for (int size : sizes) {
      left -= size < 0 ? 0 : Math.min(lo, size);
      more += size > lo ? 1 : 0;
    }
    List<Timeline.Shown> out = new ArrayList<>();
    int candidate = 0;
    for (int s = 0; s < STRATA; s++) {
      StratumSample sample = kept[s];
      if (sample == null) {
        continue;
      }
      int take = lo;
      if (sizes[s] > lo) {
        // Bresenham: min(left, more) of the candidates, evenly spaced
        take += (int) ((candidate + 1L) * left / more - (long) candidate * left / more);
        candidate++;
      }
      for (Interval i : sample.best(take)) {
        Integer lane = laneOf.get(i.thread());
        int index = lane != null ? lane : foldedLane;
        if (index >= 0) {
          out.add(new Timeline.Shown(index, i));
        }
      }
    }
    out.sort(
        Comparator.comparingLong((Timeline.Shown s) -> s.interval().startNanos())
            .thenComparingInt(Timeline.Shown::lane)
            .thenComparing(s -> s.interval().kind()));
    return out;
  }

  private static Timeline.LaneData laneData(Lane l, String label, int threads, int buckets) {
    return new Timeline.LaneData(
        label,
        threads,
        java.util.Arrays.copyOf(l.holdNanos, buckets),
        java.util.Arrays.copyOf(l.acquireNanos, buckets),
        java.util.Arrays.copyOf(l.waitNanos, buckets),
        java.util.Arrays.copyOf(l.estimatedHoldNanos, buckets),
        java.util.Arrays.copyOf(l.handoffs, buckets),
        java.util.Arrays.copyOf(l.passOvers, buckets));
  }
}
