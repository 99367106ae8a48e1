package dev.gilscope.analyzer.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The intervals one slice of the recording keeps: all of them until the collector sets a limit,
 * then its {@code limit} longest (the holds and waits that tell the story at every zoom) and a
 * uniform sample of {@code limit} (what a typical moment looks like). Both keys are fixed per
 * interval (its duration, and a hash of it), so whichever reader kept an interval, the union of two
 * samples ranks it as one sample of all would.
 */
final class StratumSample {
  private static final Comparator<Interval> BY_DURATION =
      Comparator.comparingLong(Interval::durationNanos).thenComparingDouble(Interval::priority);
  private static final Comparator<Interval> BY_PRIORITY =
      Comparator.comparingDouble(Interval::priority)
          .thenComparingLong(Interval::startNanos)
          .thenComparingLong(Interval::durationNanos);

  // min-heaps: the weakest kept interval on top, the one to drop
  private final PriorityQueue<Interval> longest = new PriorityQueue<>(BY_DURATION);
  private final PriorityQueue<Interval> uniform = new PriorityQueue<>(BY_PRIORITY);

  void add(Interval i, int limit) {
    offer(longest, i, BY_DURATION, limit);
    offer(uniform, i, BY_PRIORITY, limit);
  }

  void addAll(StratumSample other, int limit) {
    trim(limit);
    other.longest.forEach(i -> offer(longest, i, BY_DURATION, limit));
    other.uniform.forEach(i -> offer(uniform, i, BY_PRIORITY, limit));
  }

  /** Drops the weakest intervals of each ranking beyond {@code limit}. */
  void trim(int limit) {
    while (longest.size() > limit) {
      longest.poll();
    }
    while (uniform.size() > limit) {
      uniform.poll();
    }
  }

  /** Entries in both rankings (an interval in both counts twice): what memory grows with. */
  int entries() {
    return longest.size() + uniform.size();
  }

  /** The larger ranking's size. */
  int ranked() {
    return Math.max(longest.size(), uniform.size());
  }

  private static void offer(
      PriorityQueue<Interval> q, Interval i, Comparator<Interval> order, int limit) {
    if (q.size() < limit) {
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
