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
      utilization =
          Math.max(0, next.estimatedHoldNanos - before.estimatedHoldNanos) / (double) elapsedNanos;
      acquisitionsPerSecond =
          (next.acquisitions - before.acquisitions) * 1e9 / (double) elapsedNanos;
    }
    now = next;
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
