package dev.gilscope.analyzer.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The intervals one slice of the recording keeps: its longest ones (the holds and waits that tell
 * the story at every zoom) and a uniform sample of all (what a typical moment looks like), each of
 * {@link #HALF} intervals. Both keys are fixed per interval (its duration, and a hash of it), so
 * the union of two samples' kept intervals keeps what one sample of all would have: the parallel
 * readers' parts merge exactly.
 */
final class StratumSample {
  static final int HALF = TimelineCollector.INTERVALS_PER_STRATUM / 2;

  private static final Comparator<Interval> BY_DURATION =
      Comparator.comparingLong(Interval::durationNanos).thenComparingDouble(Interval::priority);
  private static final Comparator<Interval> BY_PRIORITY =
      Comparator.comparingDouble(Interval::priority)
          .thenComparingLong(Interval::startNanos)
          .thenComparingLong(Interval::durationNanos);

  // min-heaps: the weakest kept interval on top, the one to drop
  private final PriorityQueue<Interval> longest = new PriorityQueue<>(BY_DURATION);
  private final PriorityQueue<Interval> uniform = new PriorityQueue<>(BY_PRIORITY);

  void add(Interval i) {
    offer(longest, i, BY_DURATION);
    offer(uniform, i, BY_PRIORITY);
  }

  void addAll(StratumSample other) {
    other.longest.forEach(i -> offer(longest, i, BY_DURATION));
    other.uniform.forEach(i -> offer(uniform, i, BY_PRIORITY));
  }

  private static void offer(PriorityQueue<Interval> q, Interval i, Comparator<Interval> order) {
    if (q.size() < HALF) {
      q.add(i);
    } else if (order.compare(i, q.peek()) > 0) {
      q.poll();
      q.add(i);
    }
  }

  /** How many distinct intervals are kept. */
  int size() {
    return distinct().size();
  }

  /** Up to {@code n} kept intervals: the longest and the sampled in turn, best first. */
  List<Interval> best(int n) {
    List<Interval> a = new ArrayList<>(longest);
    a.sort(BY_DURATION.reversed());
    List<Interval> b = new ArrayList<>(uniform);
    b.sort(BY_PRIORITY.reversed());
    Map<Interval, Boolean> chosen = new IdentityHashMap<>();
    List<Interval> out = new ArrayList<>();
    for (int k = 0; out.size() < n && (k < a.size() || k < b.size()); k++) {
      for (List<Interval> from : List.of(a, b)) {
        if (k < from.size() && out.size() < n && chosen.put(from.get(k), Boolean.TRUE) == null) {
          out.add(from.get(k));
        }
      }
    }
    return out;
  }

  private Map<Interval, Boolean> distinct() {
    Map<Interval, Boolean> all = new IdentityHashMap<>();
    longest.forEach(i -> all.put(i, Boolean.TRUE));
    uniform.forEach(i -> all.put(i, Boolean.TRUE));
    return all;
  }
}
