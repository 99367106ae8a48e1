package dev.gilscope.agent.jmx;

/**
 * One tracked monitor or lock, {@code dev.gilscope:type=Monitor,name=<monitor>}: its exact counters
 * since the agent began tracking it, and its utilization over the last second. Read by JConsole,
 * VisualVM, JMC's MBean browser and JMX exporters.
 */
public interface MonitorMXBean {
  String getName();

  /** {@code monitor} or {@code lock}. */
  String getKind();

  String getMonitorClass();

  long getAcquisitions();

  long getContendedAcquisitions();

  /** Acquisitions by another thread than the last releaser. */
  long getHandoffs();

  long getWaits();

  long getNotifies();

  long getFailedTryLocks();

  /** Time spent blocked before contended acquisitions, nanoseconds. */
  long getTotalWaitNanos();

  /** Time held, nanoseconds (uncontended holds estimated from their 1-in-N sample). */
  long getTotalHoldNanos();

  /**
   * Fraction of the last second the monitor was held, 0..1 (an estimate where uncontended holds are
   * sampled; a hold counts in the second it ends).
   */
  double getUtilization();

  /** Acquisitions per second over the last second. */
  double getAcquisitionsPerSecond();

  /** Threads blocked on it now. */
  int getWaitersNow();

  /** The holder now, empty when free. */
  String getOwner();
}
