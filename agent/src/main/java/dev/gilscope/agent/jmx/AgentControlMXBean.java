package dev.gilscope.agent.jmx;

import java.util.List;

/**
 * The agent itself, {@code dev.gilscope:type=Agent}: what it tracks, and the leases of {@code
 * gilscope watch} sessions. A watch holds a lease and renews it; when a lease runs out (the watcher
 * was killed or lost its connection) the agent closes the recording the watch streamed from, so the
 * probes stop writing events.
 */
public interface AgentControlMXBean {
  String getVersion();

  /** The options the instrumentation was installed with. */
  String getOptions();

  /** {@code monitor=...} / {@code lock=...}, one per target. */
  List<String> getTargets();

  /** The outcome of the latest agent load: {@code <n> ok|error <message>}. */
  String getLastLoad();

  /** Watches holding a lease now. */
  int getActiveWatches();

  /**
   * Starts a watch: the next statistics events count from now. Returns its id; the lease runs out
   * {@code leaseMillis} after this call or the last renewal.
   */
  long beginWatch(long leaseMillis);

  /** The JFR recording (its id) the watch streams from: closed if the lease runs out. */
  void watchRecording(long watch, long recordingId);

  /** Extends the lease; false when the watch is unknown (it ran out already). */
  boolean renewWatch(long watch);

  /** Ends the watch; the watcher closes its recording itself. */
  void endWatch(long watch);
}
