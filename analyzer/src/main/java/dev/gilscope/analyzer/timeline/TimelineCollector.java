package dev.gilscope.analyzer.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Collects what the HTML timeline draws, in memory bounded whatever the recording's length: per
 * thread, time holding, acquiring and in {@code wait()} per bucket ({@link #BUCKETS} buckets over
 * the recording; a bucket's width doubles whenever an event falls beyond the last one), and per
 * bucket at most {@link #INTERVALS_PER_BUCKET} of the intervals themselves. Which intervals a full
 * bucket keeps is a weighted reservoir (Efraimidis-Spirakis, weight = duration): the long holds and
 * waits that matter at every zoom survive, and the choice does not depend on the order the events
 * arrive in, so the parallel readers' partial collectors {@link #mergeFrom merge} into what one
 * reader would have kept. The key's randomness is a hash of the interval, so reports are
 * reproducible. Not thread-safe: one per reading thread, merged after.
 */
public final class TimelineCollector {
  /** Buckets over the recording: the resolution of the aggregated lanes. */
  public static final int BUCKETS = 1024;

  /** Intervals kept per bucket. */
  public static final int INTERVALS_PER_BUCKET = 64;

  /** The most intervals a report embeds: {@value}. */
  public static final int MAX_INTERVALS = BUCKETS * INTERVALS_PER_BUCKET;

  /** Threads with their own lane while collecting; later ones share {@link #OTHER_THREADS}. */
  static final int MAX_LANES = 256;

  static final String OTHER_THREADS = "(other threads)";

  /** Intervals shorter than this weigh as this much, so instant events are sometimes kept. */
  private static final long MIN_WEIGHT_NANOS = 1_000;

  private static final long FIRST_WIDTH_NANOS = 1_024;

  private static final Comparator<Interval> BY_PRIORITY =
      Comparator.comparingDouble(Interval::priority);

  private final long originEpochNanos;
  private long widthNanos = FIRST_WIDTH_NANOS;
  private long endNanos;
  private final Map<String, Lane> lanes = new HashMap<>();
  private Lane otherLane;
  private final Set<String> otherThreads = new HashSet<>();

  @SuppressWarnings("unchecked")
  private final PriorityQueue<Interval>[] kept = new PriorityQueue[BUCKETS];

  private final long[] seen = new long[BUCKETS];
  private final long[] eventCounts = new long[IntervalKind.values().length];
  private boolean jdkEvents;
  private String agentDetail;
  // the last lane looked up: a thread's events come in runs
  private String lastThread;
  private Lane lastLane;

  public TimelineCollector(long originEpochNanos) {
    this.originEpochNanos = originEpochNanos;
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

  /** The pass-overs a thread suffered in one statistics period, placed at its middle. */
  public void passOvers(String thread, long periodStartEpochNanos, long endEpochNanos, long n) {
    if (n <= 0 || thread == null) {
      return;
    }
    long end = offset(endEpochNanos);
    long start = periodStartEpochNanos > 0 ? Math.min(end, offset(periodStartEpochNanos)) : end;
    long mid = start + (end - start) / 2;
    cover(end);
    lane(thread).passOvers[bucket(mid)] += n;
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
    double priority = priority(kind, thread, start, end);
    keep(bucket(start), new Interval(thread, monitor, kind, start, end, priority));
  }

  private void keep(int b, Interval interval) {
    seen[b]++;
    PriorityQueue<Interval> q = kept[b];
    if (q == null) {
      q = kept[b] = new PriorityQueue<>(BY_PRIORITY);
    }
    if (q.size() < INTERVALS_PER_BUCKET) {
      q.add(interval);
    } else if (interval.priority() > q.peek().priority()) {
      q.poll();
      q.add(interval);
    }
  }

  /**
   * The reservoir key {@code log(u) / weight}: the largest keys form a sample weighted by duration.
   * {@code u} in (0, 1] is a hash of the interval, the same whichever reader sees it.
   */
  private static double priority(IntervalKind kind, String thread, long start, long end) {
    long h = mix(mix(mix(start) ^ end) ^ thread.hashCode() ^ ((long) kind.ordinal() << 40));
    double u = ((h >>> 11) + 1) * 0x1.0p-53;
    return Math.log(u) / Math.max(MIN_WEIGHT_NANOS, end - start);
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
    for (int i = 0; i < BUCKETS; i++) {
      PriorityQueue<Interval> merged = null;
      if (2 * i < BUCKETS) {
        merged = union(kept[2 * i], kept[2 * i + 1]);
      }
      kept[i] = merged;
    }
  }

  /** In place: a[i] = a[2i] + a[2i+1] for the first half, zeros after. */
  static void pairSums(long[] a) {
    int half = a.length / 2;
    for (int i = 0; i < half; i++) {
      a[i] = a[2 * i] + a[2 * i + 1];
    }
    java.util.Arrays.fill(a, half, a.length, 0);
  }

  /** The {@link #INTERVALS_PER_BUCKET} highest keys of two reservoirs (either may be null). */
  private static PriorityQueue<Interval> union(
      PriorityQueue<Interval> a, PriorityQueue<Interval> b) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    for (Interval i : b) {
      if (a.size() < INTERVALS_PER_BUCKET) {
        a.add(i);
      } else if (i.priority() > a.peek().priority()) {
        a.poll();
        a.add(i);
      }
    }
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
      kept[b] = union(kept[b], other.kept[b]);
    }
    lastThread = null;
    lastLane = null;
  }

  /**
   * What the report draws: the {@code shownLanes} threads that took part most, the others folded
   * into one lane, over {@code durationNanos} (the recording's length).
   */
  public Timeline snapshot(long durationNanos, int shownLanes) {
    long span = Math.max(1, Math.max(durationNanos, endNanos));
    while (span > widthNanos * BUCKETS) {
      coarsen();
    }
    int buckets = (int) Math.max(1, Math.min(BUCKETS, (span + widthNanos - 1) / widthNanos));
    List<Lane> ranked = new ArrayList<>(lanes.values());
    Map<Lane, Long> involvement = new HashMap<>();
    ranked.forEach(l -> involvement.put(l, l.involvementNanos()));
    ranked.sort(
        Comparator.comparing((Lane l) -> involvement.get(l)).reversed().thenComparing(l -> l.name));
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
    List<Timeline.Shown> intervals = new ArrayList<>();
    for (PriorityQueue<Interval> q : kept) {
      if (q == null) {
        continue;
      }
      for (Interval i : q) {
        Integer lane = laneOf.get(i.thread());
        int index = lane != null ? lane : foldedLane;
        if (index >= 0) {
          intervals.add(new Timeline.Shown(index, i));
        }
      }
    }
    intervals.sort(
        Comparator.comparingLong((Timeline.Shown s) -> s.interval().startNanos())
            .thenComparingInt(Timeline.Shown::lane)
            .thenComparing(s -> s.interval().kind()));
    long[] seenShown = java.util.Arrays.copyOf(seen, buckets);
    long[] counts = eventCounts.clone();
    return new Timeline(
        widthNanos, buckets, span, shown, intervals, seenShown, counts, jdkEvents, agentDetail);
  }

  private static Timeline.LaneData laneData(Lane l, String label, int threads, int buckets) {
    return new Timeline.LaneData(
        label,
        threads,
        java.util.Arrays.copyOf(l.holdNanos, buckets),
        java.util.Arrays.copyOf(l.acquireNanos, buckets),
        java.util.Arrays.copyOf(l.waitNanos, buckets),
        java.util.Arrays.copyOf(l.handoffs, buckets),
        java.util.Arrays.copyOf(l.passOvers, buckets));
  }
}
