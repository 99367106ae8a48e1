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
  // explicit comparisons: these run for every interval of a large recording
  private static final Comparator<Interval> BY_DURATION =
      (x, y) -> {
        int c = Long.compare(x.durationNanos(), y.durationNanos());
        return c != 0 ? c : Double.compare(x.priority(), y.priority());
      };
  private static final Comparator<Interval> BY_PRIORITY =
      (x, y) -> {
        int c = Double.compare(x.priority(), y.priority());
        if (c == 0) {
          c = Long.compare(x.startNanos(), y.startNanos());
        }
        return c != 0 ? c : Long.compare(x.durationNanos(), y.durationNanos());
      };

  // until a limit is set every interval is kept: a plain list, no ranking
  private List<Interval> all = new ArrayList<>();
  // then min-heaps: the weakest kept interval on top, the one to drop
  private PriorityQueue<Interval> longest;
  private PriorityQueue<Interval> uniform;

  void add(Interval i, int limit) {
    if (all != null && limit == Integer.MAX_VALUE) {
      all.add(i);
      return;
    }
    rank();
    offer(longest, i, BY_DURATION, limit);
    offer(uniform, i, BY_PRIORITY, limit);
  }

  void addAll(StratumSample other, int limit) {
    if (all != null && other.all != null && limit == Integer.MAX_VALUE) {
      all.addAll(other.all);
      return;
    }
    trim(limit);
    rank();
    other.rank();
    other.longest.forEach(i -> offer(longest, i, BY_DURATION, limit));
    other.uniform.forEach(i -> offer(uniform, i, BY_PRIORITY, limit));
  }

  /** From the plain list to the two rankings. */
  private void rank() {
    if (all != null) {
      longest = new PriorityQueue<>(all.size() + 1, BY_DURATION);
      uniform = new PriorityQueue<>(all.size() + 1, BY_PRIORITY);
      longest.addAll(all);
      uniform.addAll(all);
      all = null;
    }
  }

  /** Drops the weakest intervals of each ranking beyond {@code limit}. */
  void trim(int limit) {
    if (all != null && all.size() <= limit) {
      return;
    }
    rank();
    while (longest.size() > limit) {
      longest.poll();
    }
    while (uniform.size() > limit) {
      uniform.poll();
    }
  }

  /** Entries in both rankings (an interval in both counts twice): what memory grows with. */
  int entries() {
    return all != null ? 2 * all.size() : longest.size() + uniform.size();
  }

  /** The larger ranking's size. */
  int ranked() {
    return all != null ? all.size() : Math.max(longest.size(), uniform.size());
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
    return all != null ? all.size() : distinct().size();
  }

  /** Up to {@code n} kept intervals: the longest and the sampled in turn, best first. */
  List<Interval> best(int n) {
    if (all != null && all.size() <= n) {
      return all;
    }
    rank();
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
    Map<Interval, Boolean> distinct = new IdentityHashMap<>();
    longest.forEach(i -> distinct.put(i, Boolean.TRUE));
    uniform.forEach(i -> distinct.put(i, Boolean.TRUE));
    return distinct;
  }
}
