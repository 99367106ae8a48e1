package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.ThreadStats;

/**
 * How many cores a monitor's users left idle, from their own CPU load ({@code jdk.ThreadCPULoad}).
 * Amdahl's law charges a thread's wait for the monitor as lost parallelism because the waiting
 * thread leaves a core idle. With more threads than cores that holds only for the waiting that the
 * cores' idle time can account for: while one thread waits, another may run on its core. Four
 * CPU-bound threads on two cores holding an unfair lock 1 us in every 11 us (the matrix's {@code
 * outside10x-4t}) "waited" 35-48 % of their time, mostly behind a holder preempted by its own
 * siblings, yet ran 166,000 loops a second against 169,000 without the lock on 1.9 of the two
 * cores: charging those waits in full made it a WARNING "at most 1.3x". Where the recording has no
 * CPU load for every user, nothing is idle but what the waits say (the waits count in full), as
 * with users that block in I/O between turns and so leave cores idle whatever they wait for.
 */
final class IdleCores {
  static final IdleCores UNMEASURED = new IdleCores(null, -1);

  private final Integer cores;
  private final double usersCores;

  private IdleCores(Integer cores, double usersCores) {
    this.cores = cores;
    this.usersCores = usersCores;
  }

  /** The users' CPU over the whole recording; unmeasured where a user has no CPU load samples. */
  static IdleCores of(MonitorStats m, RecordingInfo r) {
    Integer cores = r.cpuCores();
    if (cores == null) {
      return UNMEASURED;
    }
    double load = 0;
    for (ThreadStats t : m.threads()) {
      double l = t.isEndedThreads() ? -1 : r.cpuLoad(t.name());
      if (l < 0) {
        return UNMEASURED;
      }
      load += l;
    }
    // jdk.ThreadCPULoad is a fraction of the whole machine (JFR divides by the processor count)
    return new IdleCores(cores, load * cores);
  }

  /** The cores the users kept busy on average; -1 when unmeasured. */
  double usersCores() {
    return usersCores;
  }

  /**
   * The share of {@code threads} users' time that they waited at no cost, given they waited {@code
   * waitingShare} of it: with more threads than cores, the waiting beyond what the idle cores
   * account for, at most that of the threads beyond the cores.
   */
  double costlessWaitingShare(double waitingShare, int threads) {
    if (usersCores < 0 || threads <= cores) {
      return 0;
    }
    double idle = Math.max(0, cores - usersCores);
    double beyondIdle = waitingShare - idle / threads;
    return Math.max(0, Math.min(beyondIdle, (double) (threads - cores) / threads));
  }
}
