package dev.gilscope.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recording says about itself: when and how long, which JVM, how many cores, which event
 * sources the analysis used, and which statistics that source cannot give.
 *
 * @param cpuCores hardware threads from jdk.CPUInformation, null when the recording lacks it
 * @param unavailable what the sources cannot give, and why ({@link ReadNote})
 * @param eventCounts events read per event type
 */
public record RecordingInfo(
    String path,
    long fileBytes,
    int chunks,
    long startEpochNanos,
    long durationNanos,
    long windowNanos,
    String jvm,
    Integer cpuCores,
    Set<String> sources,
    List<ReadNote> unavailable,
    Map<String, Long> eventCounts,
    Map<String, ThreadCpu> threadCpu) {

  /** This recording with {@code notes} instead of its {@link #unavailable} notes. */
  public RecordingInfo withUnavailable(List<ReadNote> notes) {
    return new RecordingInfo(
        path,
        fileBytes,
        chunks,
        startEpochNanos,
        durationNanos,
        windowNanos,
        jvm,
        cpuCores,
        sources,
        notes,
        eventCounts,
        threadCpu);
  }

  /** Length of window {@code index}, clipped to the recording (the last one may be short). */
  public long windowLengthNanos(int index) {
    long start = (long) index * windowNanos;
    long end = Math.min(durationNanos, start + windowNanos);
    return Math.max(1, end - Math.max(0, start));
  }

  /** Average CPU load of a thread, or -1 when the recording has no jdk.ThreadCPULoad for it. */
  public double cpuLoad(String threadName) {
    ThreadCpu cpu = threadCpu.get(threadName);
    return cpu == null || cpu.samples() == 0 ? -1 : cpu.averageLoad();
  }
}
