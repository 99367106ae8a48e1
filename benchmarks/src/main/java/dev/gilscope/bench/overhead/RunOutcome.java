package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.WorkloadResult;

/**
 * One child JVM run: its configuration, position, timings and what its recording counted.
 *
 * @param round measured round, 1-based (warm-up rounds are not kept)
 * @param processWallNanos launch to exit of the child JVM: JVM start, agent start-up, the workload
 *     and writing the recording at exit
 * @param workload what the workload measured of itself, or null if the child failed
 * @param failure why the run failed, or null
 */
record RunOutcome(
    Configuration configuration,
    int round,
    long processWallNanos,
    WorkloadResult workload,
    RecordingCount recording,
    String failure) {

  /**
   * Other processes may use at most this many CPUs on average during a run for it to count as
   * quiet. On 2 cores, a third of a core taken by someone else turns the 2-thread GIL workload into
   * a 1-core one, with different lock dynamics; a tenth is about the noise of an idle box.
   */
  static final double QUIET_OTHER_LOAD_CPUS = 0.10;

  boolean succeeded() {
    return failure == null && workload != null;
  }

  /** Whether the machine was (nearly) ours during the workload; false when unknown. */
  boolean quiet() {
    return succeeded() && workload.otherLoadCpus() <= QUIET_OTHER_LOAD_CPUS;
  }

  /**
   * Whether the configuration's tool counted the workload's acquisitions exactly: all of them for a
   * tracked GIL, none when gilscope tracks another monitor.
   */
  boolean exactCount() {
    long expected = configuration == Configuration.GILSCOPE_UNTRACKED ? 0 : workload.acquisitions();
    return succeeded()
        && recording.present()
        && recording.recordedAcquisitions(configuration.recorder) == expected;
  }
}
