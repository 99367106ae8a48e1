package dev.gilscope.bench.overhead;

/**
 * What a run's recording says about the workload's lock, read back after the run.
 *
 * @param present the recording file exists and could be read
 * @param gilscopeStatisticsAcquisitions sum of {@code gilscope.MonitorStatistics.acquisitions} over
 *     the recording (all tracked monitors); exact by the event contract
 * @param gilscopeStatisticsEvents number of {@code gilscope.MonitorStatistics} events
 * @param gilscopeAcquireEvents number of {@code gilscope.MonitorAcquire} events
 * @param gilscopeHoldEvents number of {@code gilscope.MonitorHold} events
 * @param jdkMonitorEnterEvents {@code jdk.JavaMonitorEnter} events on the workload's lock class
 * @param totalEvents every event in the recording
 * @param readNanos how long reading the recording took
 * @param problem why the recording could not be read, or null
 */
record RecordingCount(
    boolean present,
    long gilscopeStatisticsAcquisitions,
    long gilscopeStatisticsEvents,
    long gilscopeAcquireEvents,
    long gilscopeHoldEvents,
    long jdkMonitorEnterEvents,
    long totalEvents,
    long readNanos,
    String problem) {

  static final RecordingCount NOT_RECORDED = new RecordingCount(false, 0, 0, 0, 0, 0, 0, 0, null);

  static RecordingCount unreadable(String problem) {
    return new RecordingCount(false, 0, 0, 0, 0, 0, 0, 0, problem);
  }

  /** The count a configuration's tool reports for the workload's lock. */
  long recordedAcquisitions(Configuration.Recorder recorder) {
    return switch (recorder) {
      case NONE -> 0;
      case GILSCOPE -> gilscopeStatisticsAcquisitions;
      case JDK_MONITOR_ENTER -> jdkMonitorEnterEvents;
    };
  }
}
