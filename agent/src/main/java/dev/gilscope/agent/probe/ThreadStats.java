package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorAcquire;

/**
 * One thread's counters on one monitor. Single writer: only {@link #thread} writes the counters
 * (while requesting, holding or releasing), so they are plain fields; the statistics flush reads
 * them racily and emits the difference to what it emitted before, which keeps the sums exact. The
 * pending-request fields carry a contended request from before the monitor enter to after it.
 */
final class ThreadStats {
  final Thread thread;
  final MonitorState state;

  long requests;
  long acquisitions;
  long contendedAcquisitions;
  long passOvers;
  long timedHolds;
  long totalHoldNanos;
  long maxHoldNanos;
  long totalWaitNanos;
  long maxWaitNanos;
  long waits;
  long totalWaitInWaitNanos;

  // the contended request in flight (written and read by this thread only)
  long pendingNanos;
  long pendingSequence;
  int pendingWaiters;
  boolean pendingCountedAsWaiter;

  /** A contended request of this thread is in flight (set before the enter, cleared after). */
  boolean pendingActive;

  Thread pendingOwner;

  // a timed gap from this thread's release to its next request (holder-written, see startGap)
  boolean gapOpen;
  boolean gapSampled;
  long gapStartNanos;
  boolean gapRequested;
  long gapRequestNanos;
  MonitorAcquire pendingEvent;

  // last values emitted (statistics flush only)
  long emittedRequests;
  long emittedAcquisitions;
  long emittedContended;
  long emittedPassOvers;
  long emittedTimedHolds;
  long emittedTotalHoldNanos;
  long emittedTotalWaitNanos;
  long emittedWaits;
  long emittedTotalWaitInWaitNanos;

  ThreadStats(Thread thread, MonitorState state) {
    this.thread = thread;
    this.state = state;
  }
}
