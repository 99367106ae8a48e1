package dev.gilscope.analyzer.timeline;

/** What a thread was doing with a monitor during one interval of the timeline. */
public enum IntervalKind {
  /** Holding the monitor, from acquisition to release. */
  HOLD,
  /** Waiting to acquire it (a contended request). */
  ACQUIRE,
  /** Waiting to acquire it, then getting it from another thread's release: a handoff. */
  HANDOFF,
  /** Inside {@code wait()} / {@code Condition.await()}: released, waiting for a notify. */
  WAIT
}
