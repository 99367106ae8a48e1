package dev.gilscope.agent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only views of the tracked monitors' cumulative counters, for the JMX MBeans and {@code
 * live=} lines (which run outside the probe, in the agent jar's classes), plus the rebase a watch
 * needs before it starts streaming. Counters are read racily, like the statistics flush reads them:
 * each is exact up to the holder's update in flight. Never called from probe code.
 */
public final class MonitorSnapshots {
  private MonitorSnapshots() {}

  /** One monitor's counters since the agent started tracking it. */
  public static final class Snapshot {
    public final long id;
    public final String name;
    public final String kind;
    public final String monitorClass;
    public final long acquisitions;
    public final long contendedAcquisitions;
    public final long handoffs;
    public final long waits;
    public final long notifies;
    public final long failedTryLocks;
    public final long totalWaitNanos;

    /**
     * Hold time: measured where every hold is timed, else contended + scaled uncontended sample.
     */
    public final long estimatedHoldNanos;

    public final int waitersNow;
    public final String ownerNow;

    Snapshot(MonitorState s) {
      id = s.id;
      name = s.name;
      kind = s.kind;
      monitorClass = s.monitorClass.getName();
      acquisitions = s.acquisitions;
      contendedAcquisitions = s.contendedAcquisitions;
      handoffs = s.handoffs;
      waits = s.waits;
      notifies = s.notifies;
      failedTryLocks = s.failedTryLocks;
      totalWaitNanos = s.totalWaitNanos;
      estimatedHoldNanos = estimateHold(s);
      waitersNow = s.waitersNow();
      Thread owner = s.ownerNow();
      ownerNow = owner == null ? "" : owner.getName();
    }

    private static long estimateHold(MonitorState s) {
      long total = s.totalHoldNanos;
      long sampled = s.sampledHolds;
      long sampledNanos = s.sampledHoldNanos;
      long uncontended = Math.max(0, s.acquisitions - s.contendedAcquisitions);
      if (sampled == 0 || sampled >= uncontended) {
        return total;
      }
      // the contended holds as timed, the uncontended sample scaled to every uncontended hold
      double scaled = (double) sampledNanos * uncontended / sampled;
      return (long) (total - sampledNanos + scaled);
    }
  }

  /** Every tracked monitor still alive, oldest first. */
  public static List<Snapshot> all() {
    List<Snapshot> list = new ArrayList<>();
    for (MonitorState s = Registry.allStates(); s != null; s = s.nextRegistered) {
      if (s.strongKey != null || s.get() != null) {
        list.add(new Snapshot(s));
      }
    }
    java.util.Collections.reverse(list);
    return list;
  }

  /**
   * Makes the next statistics events start now: what was counted while no recording wanted the
   * statistics (between two watches of one JVM) is marked as emitted, so a new watch's recording
   * holds only its own period. Serialized with the flush by the same class lock.
   */
  public static void rebaseStatistics() {
    synchronized (Statistics.class) {
      long now = System.currentTimeMillis();
      for (MonitorState s = Registry.allStates(); s != null; s = s.nextRegistered) {
        rebase(s, now);
        for (ThreadStats ts : s.threads.snapshot()) {
          if (ts != null) {
            rebase(ts);
          }
        }
      }
    }
  }

  private static void rebase(MonitorState s, long nowMillis) {
    EmittedTotals last = s.emitted;
    last.acquisitions = s.acquisitions;
    last.contended = s.contendedAcquisitions;
    last.handoffs = s.handoffs;
    last.barging = s.barging;
    last.passOvers = s.passOvers;
    last.reentrant = s.reentrantEntries;
    last.waits = s.waits;
    last.timedOutWaits = s.timedOutWaits;
    last.notifies = s.notifies;
    last.failedTryLocks = s.failedTryLocks;
    last.timedHolds = s.timedHolds;
    last.totalHoldNanos = s.totalHoldNanos;
    last.sampledHolds = s.sampledHolds;
    last.sampledHoldNanos = s.sampledHoldNanos;
    last.timedWaits = s.timedWaits;
    last.totalWaitNanos = s.totalWaitNanos;
    last.periodStartMillis = nowMillis;
    s.maxHoldNanos = 0;
    s.maxWaitNanos = 0;
    s.maxQueueLength = 0;
  }

  private static void rebase(ThreadStats ts) {
    ts.emittedRequests = ts.requests;
    ts.emittedAcquisitions = ts.acquisitions;
    ts.emittedContended = ts.contendedAcquisitions;
    ts.emittedPassOvers = ts.passOvers;
    ts.emittedTimedHolds = ts.timedHolds;
    ts.emittedTotalHoldNanos = ts.totalHoldNanos;
    ts.emittedTotalWaitNanos = ts.totalWaitNanos;
    ts.emittedWaits = ts.waits;
    ts.emittedTotalWaitInWaitNanos = ts.totalWaitInWaitNanos;
    ts.maxHoldNanos = 0;
    ts.maxWaitNanos = 0;
  }
}
