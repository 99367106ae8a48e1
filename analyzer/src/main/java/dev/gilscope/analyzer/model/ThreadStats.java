package dev.gilscope.analyzer.model;

import java.util.HashMap;
import java.util.Map;

/**
 * What one thread did on one monitor: exact counters (totals and per window), wait, hold and
 * in-{@code wait()} distributions, and blame: the wait time this thread spent behind each other
 * thread (charged to the holder, as Go's mutex profile does). Not thread-safe.
 */
public final class ThreadStats {
  /**
   * The pseudo-thread that holds the counts of threads which ended before their statistics were
   * written (JFR records no thread for them), so that totals stay exact.
   */
  public static final String ENDED_THREADS = "(ended threads)";

  private final String name;
  private final Counters totals = new Counters();
  private final WindowedCounters windows = new WindowedCounters();
  private final DurationStats waits = new DurationStats();
  private final DurationStats holds = new DurationStats();
  private final DurationStats waitsInWait = new DurationStats();
  private final DurationStats episodes = new DurationStats();
  private final Map<String, Long> blameNanosByHolder = new HashMap<>();
  private long acquireEvents;

  public ThreadStats(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Whether this is {@link #ENDED_THREADS}, an aggregate rather than one thread. */
  public boolean isEndedThreads() {
    return ENDED_THREADS.equals(name);
  }

  public Counters totals() {
    return totals;
  }

  public WindowedCounters windows() {
    return windows;
  }

  /** Request-to-acquisition waits (blocked entry, parking). */
  public DurationStats waits() {
    return waits;
  }

  public DurationStats holds() {
    return holds;
  }

  /** Single {@code wait()} calls on the monitor. */
  public DurationStats waitsInWait() {
    return waitsInWait;
  }

  /** Runs of back-to-back {@code wait()} calls: the wait for a flag guarded by the monitor. */
  public DurationStats episodes() {
    return episodes;
  }

  public Map<String, Long> blameNanosByHolder() {
    return blameNanosByHolder;
  }

  public void blame(String holder, long nanos) {
    if (holder != null && !holder.isEmpty() && !holder.equals(name) && nanos > 0) {
      blameNanosByHolder.merge(holder, nanos, Long::sum);
    }
  }

  public long acquireEvents() {
    return acquireEvents;
  }

  public void countAcquireEvent() {
    acquireEvents++;
  }

  public void mergeFrom(ThreadStats other) {
    totals.mergeFrom(other.totals);
    windows.mergeFrom(other.windows);
    waits.mergeFrom(other.waits);
    holds.mergeFrom(other.holds);
    waitsInWait.mergeFrom(other.waitsInWait);
    episodes.mergeFrom(other.episodes);
    other.blameNanosByHolder.forEach((k, v) -> blameNanosByHolder.merge(k, v, Long::sum));
    acquireEvents += other.acquireEvents;
  }
}
