package dev.gilscope.analyzer.model;

/**
 * One named counter of {@link Counters}. Most are sums (they add when windows or chunks merge); the
 * {@code MAX_*} ones keep the maximum.
 */
public enum Metric {
  /** Non-reentrant acquisitions (exact, from gilscope statistics). */
  ACQUISITIONS,
  /** Acquisitions whose request found the monitor held. */
  CONTENDED,
  /** Acquisitions by a thread other than the last releaser. */
  HANDOFFS,
  /** Releases with waiters followed by the releaser or a newcomer taking the monitor. */
  BARGING,
  /** Sum over acquisitions of the number of threads passed over. */
  PASS_OVERS,
  /** Non-reentrant requests (per thread). */
  REQUESTS,
  REENTRANT_ENTRIES,
  FAILED_TRY_LOCKS,
  /** {@code wait()} / {@code await()} calls. */
  WAITS,
  TIMED_OUT_WAITS,
  NOTIFIES,
  /** Waiters woken by a notifyAll that cannot all take what they wait for (waiters - 1). */
  FUTILE_WAKEUPS,
  /** Holds whose duration was measured. */
  TIMED_HOLDS,
  HOLD_NANOS,
  /** Timed holds begun by an uncontended acquisition (the agent's 1-in-N sample). */
  SAMPLED_HOLDS,
  /** The part of {@link #HOLD_NANOS} that belongs to {@link #SAMPLED_HOLDS}. */
  SAMPLED_HOLD_NANOS,
  /** Waits (request to acquisition) whose duration was measured. */
  TIMED_WAITS,
  WAIT_NANOS,
  /** Releases followed by a timed gap until the same thread's next request (its outside work). */
  TIMED_GAPS,
  GAP_NANOS,
  /** Timed gaps after holds begun by an uncontended acquisition (the agent's 1-in-N sample). */
  SAMPLED_GAPS,
  /** The part of {@link #GAP_NANOS} that belongs to {@link #SAMPLED_GAPS}. */
  SAMPLED_GAP_NANOS,
  /**
   * Uncontended acquisitions whose request-to-acquisition time was measured (those that end a timed
   * gap): the cost of getting a free monitor.
   */
  TIMED_ENTRIES,
  ENTRY_NANOS,
  /**
   * Sampled holds, sampled gaps and timed entries longer than 1 ms (see {@link SampledStratum}).
   */
  SAMPLED_LONG_HOLDS,
  SAMPLED_LONG_HOLD_NANOS,
  SAMPLED_LONG_GAPS,
  SAMPLED_LONG_GAP_NANOS,
  LONG_ENTRIES,
  LONG_ENTRY_NANOS,
  /**
   * Contended waits from the acquire events, each split over the windows it spans (the statistics'
   * {@link #WAIT_NANOS} count a wait in the window where it ends: a thread starved for 0.6 s adds
   * it all to one window and none to the windows it waited in).
   */
  WAITING_NANOS,
  /** Time spent inside {@code wait()} on the monitor. */
  WAIT_IN_WAIT_NANOS,
  /** Wait episodes: runs of back-to-back {@code wait()} calls of one thread. */
  EPISODES,
  EPISODE_NANOS,
  /** Episodes that contained at least one timed-out wait. */
  EPISODES_TIMED_OUT,
  MAX_HOLD_NANOS(true),
  MAX_WAIT_NANOS(true),
  MAX_QUEUE_LENGTH(true);

  private final boolean max;

  Metric() {
    this(false);
  }

  Metric(boolean max) {
    this.max = max;
  }

  /** Whether merging keeps the maximum instead of adding. */
  public boolean isMax() {
    return max;
  }
}
