package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorWait;

/** What a thread needs to restore its hold after wait/await; lives on that thread only. */
final class Waiting {
  final ThreadStats stats;
  final int savedDepth;
  final long sequence;
  final boolean holdWasTimed;
  final boolean holdWasSampled;
  final long timeoutNanos;
  long startNanos;
  MonitorWait event;

  Waiting(
      ThreadStats stats,
      int depth,
      long sequence,
      boolean holdWasTimed,
      boolean holdWasSampled,
      long timeoutNanos) {
    this.stats = stats;
    this.savedDepth = depth;
    this.sequence = sequence;
    this.holdWasTimed = holdWasTimed;
    this.holdWasSampled = holdWasSampled;
    this.timeoutNanos = timeoutNanos;
  }
}
