package dev.gilscope.analyzer.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What one thread did on one monitor: exact counters (totals and per window), wait, hold and
 * in-{@code wait()} distributions, and blame: the wait time this thread spent behind each other
 * thread (charged to the holder, as Go's mutex profile does). Not thread-safe.
 *
 * <p>There is one per thread and monitor (100,000 for 100,000 virtual threads on one monitor), and
 * most threads use few of its parts: the distributions and the blame map are made on first use.
 */
public final class ThreadStats {
  /**
   * The pseudo-thread that holds the counts of threads which ended before their statistics were
   * written (JFR records no thread for them), so that totals stay exact.
   */
  public static final String ENDED_THREADS = "(ended threads)";

  private final String name;
  private final boolean endedThreads; // asked for each thread in every per-thread pass
  private final Counters totals = new Counters();
  private final WindowedCounters windows = new WindowedCounters();
  // made on first use (see the class comment)
  private DurationStats waits;
  private DurationStats holds;
  private DurationStats waitsInWait;
  private DurationStats episodes;
  private Map<String, Long> blameNanosByHolder;
  // zero waits recorded before the wait distribution was made: most threads are never asked
  private long pendingZeroWaits;
  private long acquireEvents;

  public ThreadStats(String name) {
    this.name = name;
    this.endedThreads = ENDED_THREADS.equals(name);
  }

  public String name() {
    return name;
  }

  /** Whether this is {@link #ENDED_THREADS}, an aggregate rather than one thread. */
  public boolean isEndedThreads() {
    return endedThreads;
  }

  public Counters totals() {
    return totals;
  }

  public WindowedCounters windows() {
    return windows;
  }

  /** Request-to-acquisition waits (blocked entry, parking). */
  public DurationStats waits() {
    if (waits == null) {
      waits = new DurationStats();
      waits.recordZeros(pendingZeroWaits);
      pendingZeroWaits = 0;
    }
    return waits;
  }

  /**
   * Records {@code n} acquisitions that did not wait, as {@code waits().recordZeros(n)} does, but
   * without making the distribution of a thread whose waits nobody asks for.
   */
  public void recordZeroWaits(long n) {
    if (waits != null) {
      waits.recordZeros(n);
    } else if (n > 0) {
      pendingZeroWaits += n;
    }
  }

  public DurationStats holds() {
    if (holds == null) {
      holds = new DurationStats();
    }
    return holds;
  }

  /** Single {@code wait()} calls on the monitor. */
  public DurationStats waitsInWait() {
    if (waitsInWait == null) {
      waitsInWait = new DurationStats();
    }
    return waitsInWait;
  }

  /** The number of {@link #waitsInWait()}, without making the distribution. */
  public long waitsInWaitCount() {
    return waitsInWait == null ? 0 : waitsInWait.count();
  }

  /** Runs of back-to-back {@code wait()} calls: the wait for a flag guarded by the monitor. */
  public DurationStats episodes() {
    if (episodes == null) {
      episodes = new DurationStats();
    }
    return episodes;
  }

  /** Wait nanoseconds by holder thread name; unmodifiable. */
  public Map<String, Long> blameNanosByHolder() {
    return blameNanosByHolder == null
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(blameNanosByHolder);
  }

  public void blame(String holder, long nanos) {
    if (holder != null && !holder.isEmpty() && !holder.equals(name) && nanos > 0) {
      if (blameNanosByHolder == null) {
        blameNanosByHolder = new HashMap<>();
      }
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
    if (other.waits != null) {
      waits().mergeFrom(other.waits);
    }
    recordZeroWaits(other.pendingZeroWaits);
    if (other.holds != null) {
      holds().mergeFrom(other.holds);
    }
    if (other.waitsInWait != null) {
      waitsInWait().mergeFrom(other.waitsInWait);
    }
    if (other.episodes != null) {
      episodes().mergeFrom(other.episodes);
    }
    if (other.blameNanosByHolder != null) {
      other.blameNanosByHolder.forEach(this::blame);
    }
    acquireEvents += other.acquireEvents;
  }
}
