package dev.gilscope.analyzer.model;

import java.util.Collections;
import java.util.Map;

/**
 * What one thread did on one monitor: exact counters (totals and per window), wait, hold and
 * in-{@code wait()} distributions, and blame: the wait time this thread spent behind each other
 * thread (charged to the holder, as Go's mutex profile does). Written by one thread; once written,
 * read by several (below).
 *
 * <p>There is one per thread and monitor (100,000 for 100,000 virtual threads on one monitor), and
 * most threads use few of its parts: the distributions and the blame map are made on first use. The
 * parts made on first use are made under the instance's lock, so that the detectors, which run side
 * by side on a monitor with many threads, may ask for them at once; everything else is read only
 * once reading is done.
 */
public final class ThreadStats {
  /**
   * The pseudo-thread that holds the counts of threads which ended before their statistics were
   * written (JFR records no thread for them), so that totals stay exact.
   */
  public static final String ENDED_THREADS = "(ended threads)";

  private final String name;
  private final boolean endedThreads; // asked for each thread in every per-thread pass
  private final WindowedCounters windows = new WindowedCounters();
  // the sum of the windows, made when asked (the windows' own counters when there is one) and
  // dropped by every write: kept beside the windows, they were a third of the per-thread heap and
  // every per-thread event wrote both
  // volatile, not locked: a sum made twice by two detectors at once is the same sum, and a reader
  // sees it whole
  private volatile Counters totals;
  // made on first use (see the class comment)
  private DurationStats waits;
  private DurationStats holds;
  private DurationStats waitsInWait;
  private DurationStats episodes;
  private Blame blame;
  // zero waits recorded before the wait distribution was made: most threads are never asked
  private long pendingZeroWaits;
  // the first wait and hold recorded (recordWait, recordHold), and the first thread blamed, kept
  // here until a second one comes or someone asks: most of 100,000 virtual threads have one of
  // each, and the reports ask only about the top threads; a distribution and a blame object for
  // each were 2.6 of the reader's 11 objects per thread, and every young collection copied them
  private long firstWait;
  private long firstHold;
  private boolean hasFirstWait;
  private boolean hasFirstHold;
  private String firstHolder;
  private long firstHolderNanos;
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

  /**
   * The counters over the whole recording: the sum of {@link #windows()}, which every count goes
   * into. For reading only; write through {@link #window(int)}.
   */
  public Counters totals() {
    Counters t = totals;
    if (t == null) {
      t =
          windows.size() == 1
              ? windows.counters(0)
              : windows.sum(Integer.MIN_VALUE, Integer.MAX_VALUE);
      totals = t;
    }
    return t;
  }

  /**
   * One metric over the whole recording, as {@code totals().get(metric)} gives it, without making
   * the sum of every metric: the passes over every thread that do not read the monitor's columns
   * (the zero waits at the end of reading, CONVOY's least-waiting thread) read one or two metrics
   * each, and on 100,000 threads the sums such passes made were 29 MB of the analysis' 200 MB of
   * allocation, all of it still live at its one young collection.
   */
  public long total(Metric metric) {
    Counters t = totals;
    if (t != null) {
      return t.get(metric);
    }
    return windows.size() == 1
        ? windows.counters(0).get(metric)
        : windows.sum(metric, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Per-window counters; for reading, as {@link #totals()} is made from them. */
  public WindowedCounters windows() {
    return windows;
  }

  /** The counters of window {@code windowIndex}, made when it has none, to count into. */
  public Counters window(int windowIndex) {
    if (totals != null) {
      totals = null; // a volatile write only when there is a sum to drop: the reader's hot path
    }
    return windows.at(windowIndex);
  }

  /** Request-to-acquisition waits (blocked entry, parking). */
  public synchronized DurationStats waits() {
    return waits != null ? waits : madeWaits();
  }

  private DurationStats madeWaits() {
    DurationStats w = new DurationStats();
    w.recordZeros(pendingZeroWaits);
    pendingZeroWaits = 0;
    if (hasFirstWait) {
      w.record(firstWait);
      hasFirstWait = false;
    }
    waits = w;
    return w;
  }

  /**
   * Records one wait, as {@code waits().record(nanos)} does, without making the distribution for
   * the first one (see {@link #waits()}). For the thread that writes this instance.
   */
  public void recordWait(long nanos) {
    if (waits != null) {
      waits.record(nanos);
    } else if (!hasFirstWait) {
      firstWait = nanos;
      hasFirstWait = true;
    } else {
      madeWaits().record(nanos);
    }
  }

  /**
   * Records {@code n} acquisitions that did not wait, as {@code waits().recordZeros(n)} does, but
   * without making the distribution of a thread whose waits nobody asks for.
   */
  public synchronized void recordZeroWaits(long n) {
    if (waits != null) {
      waits.recordZeros(n);
    } else if (n > 0) {
      pendingZeroWaits += n;
    }
  }

  public synchronized DurationStats holds() {
    return holds != null ? holds : madeHolds();
  }

  private DurationStats madeHolds() {
    DurationStats h = new DurationStats();
    if (hasFirstHold) {
      h.record(firstHold);
      hasFirstHold = false;
    }
    holds = h;
    return h;
  }

  /**
   * Records one hold, as {@code holds().record(nanos)} does, without making the distribution for
   * the first one. For the thread that writes this instance.
   */
  public void recordHold(long nanos) {
    if (holds != null) {
      holds.record(nanos);
    } else if (!hasFirstHold) {
      firstHold = nanos;
      hasFirstHold = true;
    } else {
      madeHolds().record(nanos);
    }
  }

  /** Single {@code wait()} calls on the monitor. */
  public synchronized DurationStats waitsInWait() {
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
  public synchronized DurationStats episodes() {
    if (episodes == null) {
      episodes = new DurationStats();
    }
    return episodes;
  }

  /** Wait nanoseconds by holder thread name; unmodifiable. */
  public Map<String, Long> blameNanosByHolder() {
    if (blame != null) {
      return blame.view();
    }
    return firstHolder == null
        ? Collections.emptyMap()
        : Collections.singletonMap(firstHolder, firstHolderNanos);
  }

  public void blame(String holder, long nanos) {
    if (holder == null || holder.isEmpty() || holder.equals(name) || nanos <= 0) {
      return;
    }
    if (blame != null) {
      blame.add(holder, nanos);
    } else if (firstHolder == null) {
      firstHolder = holder;
      firstHolderNanos = nanos;
    } else if (firstHolder.equals(holder)) {
      firstHolderNanos += nanos;
    } else {
      // a second holder: both into a Blame, the first first (its order is the first-blamed one)
      blame = new Blame();
      blame.add(firstHolder, firstHolderNanos);
      blame.add(holder, nanos);
      firstHolder = null;
    }
  }

  public long acquireEvents() {
    return acquireEvents;
  }

  public void countAcquireEvent() {
    acquireEvents++;
  }

  public void mergeFrom(ThreadStats other) {
    totals = null;
    windows.mergeFrom(other.windows);
    if (other.waits != null) {
      waits().mergeFrom(other.waits);
    }
    recordZeroWaits(other.pendingZeroWaits);
    if (other.hasFirstWait) {
      recordWait(other.firstWait);
    }
    if (other.holds != null) {
      holds().mergeFrom(other.holds);
    }
    if (other.hasFirstHold) {
      recordHold(other.firstHold);
    }
    if (other.waitsInWait != null) {
      waitsInWait().mergeFrom(other.waitsInWait);
    }
    if (other.episodes != null) {
      episodes().mergeFrom(other.episodes);
    }
    if (other.blame != null) {
      other.blame.asMap().forEach(this::blame);
    } else if (other.firstHolder != null) {
      blame(other.firstHolder, other.firstHolderNanos);
    }
    acquireEvents += other.acquireEvents;
  }
}
