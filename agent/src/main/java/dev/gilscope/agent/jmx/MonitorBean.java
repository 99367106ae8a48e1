package dev.gilscope.agent.jmx;

import dev.gilscope.agent.probe.MonitorSnapshots.Snapshot;

/**
 * {@link MonitorMXBean} over the latest snapshot of one monitor, replaced once a second by {@link
 * AgentMBeans}; the per-second figures are the difference to the snapshot before.
 */
final class MonitorBean implements MonitorMXBean {
  private volatile Snapshot now;
  private volatile double utilization;
  private volatile double acquisitionsPerSecond;

  MonitorBean(Snapshot first) {
    this.now = first;
  }

  void update(Snapshot next, long elapsedNanos) {
    Snapshot before = now;
    if (elapsedNanos > 0) {
      utilization = utilization(before.estimatedHoldNanos, next.estimatedHoldNanos, elapsedNanos);
      acquisitionsPerSecond =
          (next.acquisitions - before.acquisitions) * 1e9 / (double) elapsedNanos;
    }
    now = next;
  }

  /**
   * The share of {@code elapsedNanos} the monitor was held, from the hold time added in it, capped
   * at 1: a hold counts in the second it ends, whole, and an uncontended sample's hold is scaled by
   * the sampling interval, so one preempted sampled holder made a second "held 174 %" (WatchIT,
   * under load). A monitor is held by one thread at a time; more than all of the second says
   * nothing the user can use.
   */
  static double utilization(long holdNanosBefore, long holdNanosNow, long elapsedNanos) {
    return Math.min(1.0, Math.max(0, holdNanosNow - holdNanosBefore) / (double) elapsedNanos);
  }

  @Override
  public String getName() {
    return now.name;
  }

  @Override
  public String getKind() {
    return now.kind;
  }

  @Override
  public String getMonitorClass() {
    return now.monitorClass;
  }

  @Override
  public long getAcquisitions() {
    return now.acquisitions;
  }

  @Override
  public long getContendedAcquisitions() {
    return now.contendedAcquisitions;
  }

  @Override
  public long getHandoffs() {
    return now.handoffs;
  }

  @Override
  public long getWaits() {
    return now.waits;
  }

  @Override
  public long getNotifies() {
    return now.notifies;
  }

  @Override
  public long getFailedTryLocks() {
    return now.failedTryLocks;
  }

  @Override
  public long getTotalWaitNanos() {
    return now.totalWaitNanos;
  }

  @Override
  public long getTotalHoldNanos() {
    return now.estimatedHoldNanos;
  }

  @Override
  public double getUtilization() {
    return utilization;
  }

  @Override
  public double getAcquisitionsPerSecond() {
    return acquisitionsPerSecond;
  }

  @Override
  public int getWaitersNow() {
    return now.waitersNow;
  }

  @Override
  public String getOwner() {
    return now.ownerNow;
  }
}
