package dev.gilscope.analyzer.timeline;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.HoldTime;
import dev.gilscope.analyzer.model.Metric;
import java.util.HashMap;
import java.util.Map;

/**
 * Each thread's hold time per statistics period, for recordings whose hold events are a sample: the
 * monitor's hold time in the period, estimated as the analysis estimates utilization ({@link
 * HoldTime}), shared out over its threads by their acquisitions in that period. Memory: one small
 * entry per monitor, period and thread, as the model's own per-window counters.
 */
final class HoldEstimates {
  private record Key(String monitor, long periodStart) {}

  private static final class Period {
    long start = Long.MAX_VALUE;
    long end;
    final Counters monitor = new Counters();
    boolean monitorSeen;
    final Map<String, Long> threadAcquisitions = new HashMap<>();

    void cover(long from, long to) {
      start = Math.min(start, from);
      end = Math.max(end, to);
    }
  }

  private final Map<Key, Period> periods = new HashMap<>();

  void monitor(
      String monitor,
      long start,
      long end,
      long acquisitions,
      long contended,
      long timedHolds,
      long holdNanos,
      long sampledHolds,
      long sampledHoldNanos) {
    Period p = periods.computeIfAbsent(new Key(monitor, start), k -> new Period());
    p.cover(start, end);
    p.monitorSeen = true;
    p.monitor.add(Metric.ACQUISITIONS, acquisitions);
    p.monitor.add(Metric.CONTENDED, contended);
    p.monitor.add(Metric.TIMED_HOLDS, timedHolds);
    p.monitor.add(Metric.HOLD_NANOS, holdNanos);
    p.monitor.add(Metric.SAMPLED_HOLDS, sampledHolds);
    p.monitor.add(Metric.SAMPLED_HOLD_NANOS, sampledHoldNanos);
  }

  void thread(String monitor, String thread, long start, long end, long acquisitions) {
    if (acquisitions <= 0) {
      return;
    }
    Period p = periods.computeIfAbsent(new Key(monitor, start), k -> new Period());
    p.cover(start, end);
    p.threadAcquisitions.merge(thread, acquisitions, Long::sum);
  }

  void mergeFrom(HoldEstimates other) {
    other.periods.forEach(
        (key, theirs) -> {
          Period mine = periods.get(key);
          if (mine == null) {
            periods.put(key, theirs);
            return;
          }
          mine.cover(theirs.start, theirs.end);
          mine.monitorSeen |= theirs.monitorSeen;
          mine.monitor.mergeFrom(theirs.monitor);
          theirs.threadAcquisitions.forEach(
              (t, n) -> mine.threadAcquisitions.merge(t, n, Long::sum));
        });
  }

  /** Hands each thread's estimate to {@code sink}; the estimates are spent after. */
  void drainTo(Sink sink) {
    for (Period p : periods.values()) {
      long acquisitions = p.monitor.get(Metric.ACQUISITIONS);
      if (!p.monitorSeen || acquisitions <= 0 || p.end <= p.start) {
        continue;
      }
      double held = Math.min(HoldTime.totalNanos(p.monitor), p.end - p.start);
      p.threadAcquisitions.forEach(
          (thread, n) ->
              sink.accept(thread, p.start, p.end, held * Math.min(1.0, (double) n / acquisitions)));
    }
    periods.clear();
  }

  interface Sink {
    void accept(String thread, long start, long end, double heldNanos);
  }
}
