package dev.gilscope.agent.probe;

/** A monitor's counters as last emitted by the statistics flush; touched by the flush only. */
final class EmittedTotals {
  long acquisitions;
  long contended;
  long handoffs;
  long barging;
  long passOvers;
  long reentrant;
  long waits;
  long timedOutWaits;
  long notifies;
  long failedTryLocks;
  long timedHolds;
  long totalHoldNanos;
  long sampledHolds;
  long sampledHoldNanos;
  long timedWaits;
  long totalWaitNanos;
  long timedGaps;
  long totalGapNanos;
  long sampledGaps;
  long sampledGapNanos;
  long timedEntries;
  long totalEntryNanos;
  long sampledLongHolds;
  long sampledLongHoldNanos;
  long sampledLongGaps;
  long sampledLongGapNanos;
  long longEntries;
  long longEntryNanos;
  long periodStartMillis = System.currentTimeMillis();
}
